// neuron.h: one artificial neuron. Multiply each input by its weight, add the products
// and the bias to get z, pass z through the activation: a = f(w·x + b). Nothing else,
// and no time: the same inputs always give the same output.
#pragma once
#include <vector>

#include "activation.h"

namespace neuron {

struct Neuron {
  std::vector<double> weights;
  double bias = 0.0;
  Activation activation = Activation::Sigmoid;
};

// Everything the calculator shows, term by term.
struct ForwardPass {
  std::vector<double> products;  // w_i * x_i
  double z = 0.0;                // sum of products + bias
  double a = 0.0;                // f(z)
};

// inputs.size() must equal neuron.weights.size(); extra inputs or weights are ignored.
ForwardPass forward(const Neuron& neuron, const std::vector<double>& inputs);

}  // namespace neuron
