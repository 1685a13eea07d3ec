// artificial_model.cpp: the calculator's parameters, summary and figures.
#include "artificial_model.h"


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

void ArtificialModel::apply(const QueryParam& param, Warnings& warnings) {
  const std::string& k = param.key;
  if (k.size() == 2 && (k[0] == 'x' || k[0] == 'w') && k[1] >= '1' && k[1] < '1' + kInputs) {
    const int i = k[1] - '1';
    const double range = k[0] == 'x' ? kInputRange : kWeightRange;
    double* target = k[0] == 'x' ? &inputs[i] : &cell.weights[std::size_t(i)];
    read_number(param, -range, range, target, warnings);
  } else if (k == "b") {
    read_number(param, -kWeightRange, kWeightRange, &cell.bias, warnings);
  } else if (k == "act") {
    int index = 0;
    if (read_choice(param, {"identity", "step", "sigmoid", "tanh", "relu"}, &index, warnings))
      cell.activation = neuron::kAllActivations[index];
  } else {
    unknown(param, warnings);
  }
}

std::vector<QueryParam> ArtificialModel::params() const {
  std::vector<QueryParam> out;
  for (int i = 0; i < kInputs; ++i) out.push_back({"x" + std::to_string(i + 1), url_number(inputs[i])});
  for (int i = 0; i < kInputs; ++i)
    out.push_back({"w" + std::to_string(i + 1), url_number(cell.weights[std::size_t(i)])});
  out.push_back({"b", url_number(cell.bias)});
  out.push_back({"act", std::string(neuron::name(cell.activation))});
  return out;
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
