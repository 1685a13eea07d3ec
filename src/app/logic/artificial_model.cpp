// artificial_model.cpp: the calculator's parameters, summary and figures.
#include "artificial_model.h"

#include "training_setup.h"

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
  return number_param("x" + n, say(Word::art_input, {n}), -2.0, 2.0, "%.2f", [](const SceneModel& s) { return as<M>(s).inputs[I]; },
                      [](SceneModel& s, double v) {
        as<M>(s).inputs[I] = v;
        if (I == 0) as<M>(s).glide_x1_to(v);  // a value set by hand stops a glide
      })
      .described(LESSON_URL_DOC(std::string("input ") + n));
}
template <int I>
ParamRow weight_row() {
  const std::string n = std::to_string(I + 1);
  return number_param("w" + n, say(Word::art_weight, {n}), -3.0, 3.0, "%.2f",
                      [](const SceneModel& s) { return as<M>(s).cell.weights[std::size_t(I)]; },
                      [](SceneModel& s, double v) { as<M>(s).cell.weights[std::size_t(I)] = v; })
      .described(LESSON_URL_DOC(std::string("weight of input ") + n));
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
      number_param("b", word(Word::art_bias), -3.0, 3.0, "%.2f", [](const SceneModel& s) { return as<M>(s).cell.bias; },
                   [](SceneModel& s, double v) { as<M>(s).cell.bias = v; }),
      choice_param("act", word(Word::art_activation), kActivations,
                   {activation_word(Activation::Step), activation_word(Activation::Sigmoid),
                    activation_word(Activation::Tanh), activation_word(Activation::Relu)},
                   [](const SceneModel& s) { return index_of(kActivations, as<M>(s).cell.activation); },
                   [](SceneModel& s, double i) { as<M>(s).cell.activation = kActivations[int(i)]; }),
      action_param("glide", LESSON_URL_DOC("slide input 1 to this value, a little each frame"), -2.0, 2.0,
                   [](SceneModel& s, double x1) { as<M>(s).glide_x1_to(x1); }),
  });
  return table;
}

std::string ArtificialModel::summary() const {
  const neuron::ForwardPass p = pass();
  // A step outputs 0 or 1 once, from a sum: a threshold, not a spike.
  const Word what = cell.activation != Activation::Step ? Word::art_summary
                    : p.a > 0.5                         ? Word::art_summary_step_fires
                                                        : Word::art_summary_step_silent;
  return say(what, {format_number(p.z), format_number(p.a), activation_word(cell.activation)});
}

std::vector<Figure> ArtificialModel::figures() const {
  const neuron::ForwardPass p = pass();
  return {{"z", p.z}, {"output", p.a}, {"x1", inputs[0]}, {"term1", cell.weights[0] * inputs[0]}};
}

}  // namespace lesson
