// activation.cpp: f(z) and f'(z) for each activation function.
#include "activation.h"

#include <cmath>

namespace neuron {

namespace {
// 1 / (1 + e^-z), written so that neither branch can overflow for large |z|.
double sigmoid(double z) {
  if (z >= 0) return 1.0 / (1.0 + std::exp(-z));
  const double e = std::exp(z);
  return e / (1.0 + e);
}
}  // namespace

double activate(Activation f, double z) {
  switch (f) {
    case Activation::Identity: return z;
    case Activation::Step: return z >= 0 ? 1.0 : 0.0;
    case Activation::Sigmoid: return sigmoid(z);
    case Activation::Tanh: return std::tanh(z);
    case Activation::Relu: return z > 0 ? z : 0.0;
  }
  return z;
}

double derivative(Activation f, double z) {
  switch (f) {
    case Activation::Identity: return 1.0;
    case Activation::Step: return 0.0;
    case Activation::Sigmoid: {
      const double s = sigmoid(z);
      return s * (1.0 - s);
    }
    case Activation::Tanh: {
      const double t = std::tanh(z);
      return 1.0 - t * t;
    }
    case Activation::Relu: return z > 0 ? 1.0 : 0.0;
  }
  return 1.0;
}

std::string_view name(Activation f) {
  switch (f) {
    case Activation::Identity: return "identity";
    case Activation::Step: return "step";
    case Activation::Sigmoid: return "sigmoid";
    case Activation::Tanh: return "tanh";
    case Activation::Relu: return "relu";
  }
  return "identity";
}

std::optional<Activation> parse_activation(std::string_view text) {
  for (Activation f : kAllActivations)
    if (name(f) == text) return f;
  return std::nullopt;
}

}  // namespace neuron
