// neuron.cpp: the multiply-add-activate arithmetic of one artificial neuron.
#include "neuron.h"

#include <algorithm>

namespace neuron {

ForwardPass forward(const Neuron& neuron, const std::vector<double>& inputs) {
  ForwardPass pass;
  const std::size_t n = std::min(neuron.weights.size(), inputs.size());
  pass.products.resize(n);
  pass.z = neuron.bias;
  for (std::size_t i = 0; i < n; ++i) {
    pass.products[i] = neuron.weights[i] * inputs[i];
    pass.z += pass.products[i];
  }
  pass.a = activate(neuron.activation, pass.z);
  return pass;
}

}  // namespace neuron
