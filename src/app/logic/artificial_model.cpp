// artificial_model.cpp: the calculator's parameters, summary and figures.
#include "artificial_model.h"

#include <cmath>
#include <string>

namespace lesson {

using neuron::Activation;

ArtificialModel::ArtificialModel() {
  cell.weights = {0.8, -0.5, 0.3};
  cell.bias = 0.1;
  cell.activation = Activation::Sigmoid;
}

void ArtificialModel::glide_x1_to(double x1) { glide_to_ = x1; }

void ArtificialModel::advance() {
  if (!gliding()) return;
  const double gap = glide_to_ - inputs[0];
  inputs[0] = reduced_motion || std::abs(gap) <= kGlidePerFrame ? glide_to_ : inputs[0] + std::copysign(kGlidePerFrame, gap);
}

neuron::ForwardPass ArtificialModel::pass() const {
  return neuron::forward(cell, std::vector<double>(inputs, inputs + kInputs));
}

namespace {
using M = ArtificialModel;
// Row functions for input I and weight I.
template <int I>
ParamRow input_row() {
  const std::string n = std::to_string(I + 1);
  return number_param("x" + n, "input x" + n, -2.0, 2.0, "%.2f", [](const SceneModel& s) { return as<M>(s).inputs[I]; },
                      [](SceneModel& s, double v) {
        as<M>(s).inputs[I] = v;
        if (I == 0) as<M>(s).glide_x1_to(v);  // a value set by hand stops a glide
      })
      .described("input " + n);
}
template <int I>
ParamRow weight_row() {
  const std::string n = std::to_string(I + 1);
  return number_param("w" + n, "weight w" + n, -3.0, 3.0, "%.2f",
                      [](const SceneModel& s) { return as<M>(s).cell.weights[std::size_t(I)]; },
                      [](SceneModel& s, double v) { as<M>(s).cell.weights[std::size_t(I)] = v; })
      .described("weight of input " + n);
}
}  // namespace

const ParamTable& ArtificialModel::param_table() const {
  static_assert(kInputs == 3, "one input_row and weight_row per input");
  static constexpr Activation kActivations[] = {Activation::Step, Activation::Sigmoid, Activation::Tanh,
                                                Activation::Relu};
  // Inputs span -2..2 and weights -3..3: wide enough for every activation's interesting
  // part (z from about -20 to 20), narrow enough to set by hand.
  static const ParamTable table = with_defaults<M>({
      input_row<0>(), input_row<1>(), input_row<2>(),
      weight_row<0>(), weight_row<1>(), weight_row<2>(),
      number_param("b", "bias b", -3.0, 3.0, "%.2f", [](const SceneModel& s) { return as<M>(s).cell.bias; },
                   [](SceneModel& s, double v) { as<M>(s).cell.bias = v; }),
      choice_param("act", "Activation f", kActivations, {},
                   [](const SceneModel& s) { return index_of(kActivations, as<M>(s).cell.activation); },
                   [](SceneModel& s, double i) { as<M>(s).cell.activation = kActivations[int(i)]; }),
      action_param("glide", "slide input 1 to this value, a little each frame", -2.0, 2.0,
                   [](SceneModel& s, double x1) { as<M>(s).glide_x1_to(x1); }),
  });
  return table;
}

std::string ArtificialModel::summary() const {
  const neuron::ForwardPass p = pass();
  std::string text = "Artificial neuron: z = " + format_number(p.z) + ", output " +
                     format_number(p.a) + ", " + std::string(neuron::name(cell.activation)) +
                     " activation";
  // A step outputs 0 or 1 once, from a sum: a threshold, not a spike.
  if (cell.activation == Activation::Step) text += p.a > 0.5 ? ": z is 0 or more, so it outputs 1" : ": z is below 0, so it outputs 0";
  return text + ".";
}

std::vector<Figure> ArtificialModel::figures() const {
  const neuron::ForwardPass p = pass();
  return {{"z", p.z}, {"output", p.a}, {"x1", inputs[0]}, {"term1", cell.weights[0] * inputs[0]}};
}

}  // namespace lesson
