// artificial_model.cpp: the calculator's parameters, summary and figures.
#include "artificial_model.h"

#include <string>

namespace lesson {

using neuron::Activation;

ArtificialModel::ArtificialModel() {
  cell.weights = {0.8, -0.5, 0.3};
  cell.bias = 0.1;
  cell.activation = Activation::Sigmoid;
}

neuron::ForwardPass ArtificialModel::pass() const {
  return neuron::forward(cell, std::vector<double>(inputs, inputs + kInputs));
}

const ParamTable& ArtificialModel::param_table() const {
  using M = ArtificialModel;
  static const ParamTable table = with_defaults<M>([] {
    ParamTable rows;
    // Inputs span -2..2 and weights -3..3: wide enough for every activation's interesting
    // part (z from about -20 to 20), narrow enough to set by hand.
    for (int i = 0; i < kInputs; ++i) {
      const std::string n = std::to_string(i + 1);
      rows.push_back(number_param<M>("x" + n, "x" + n, -2.0, 2.0, "%.2f",
                                     [i](const M& m) { return m.inputs[i]; },
                                     [i](M& m, double v) { m.inputs[i] = v; }));
      rows.back().help = "input " + n;
    }
    for (int i = 0; i < kInputs; ++i) {
      const std::string n = std::to_string(i + 1);
      rows.push_back(number_param<M>("w" + n, "w" + n, -3.0, 3.0, "%.2f",
                                     [i](const M& m) { return m.cell.weights[std::size_t(i)]; },
                                     [i](M& m, double v) { m.cell.weights[std::size_t(i)] = v; }));
      rows.back().help = "weight of input " + n;
    }
    rows.push_back(number_param<M>("b", "bias b", -3.0, 3.0, "%.2f", [](const M& m) { return m.cell.bias; },
                                   [](M& m, double v) { m.cell.bias = v; }));
    rows.push_back(choice_param<M>("act", "Activation f",
                                   std::vector<Activation>{Activation::Step, Activation::Sigmoid,
                                                           Activation::Tanh, Activation::Relu},
                                   {}, [](const M& m) { return m.cell.activation; },
                                   [](M& m, Activation f) { m.cell.activation = f; }));
    return rows;
  }());
  return table;
}

std::string ArtificialModel::summary() const {
  const neuron::ForwardPass p = pass();
  std::string text = "Artificial neuron: z = " + format_number(p.z) + ", output " +
                     format_number(p.a) + ", " + std::string(neuron::name(cell.activation)) +
                     " activation";
  if (cell.activation == Activation::Step) text += p.a > 0.5 ? ": fires" : ": does not fire";
  return text + ".";
}

std::vector<Figure> ArtificialModel::figures() const {
  const neuron::ForwardPass p = pass();
  return {{"z", p.z}, {"output", p.a}};
}

}  // namespace lesson
