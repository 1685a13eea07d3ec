// activation.h: the functions an artificial neuron passes its sum z through,
// f(z), and their derivatives f'(z), which gradient descent needs.
#pragma once
#include <optional>
#include <string_view>

namespace neuron {

enum class Activation { Identity, Step, Sigmoid, Tanh, Relu };

inline constexpr Activation kAllActivations[] = {Activation::Identity, Activation::Step,
                                                 Activation::Sigmoid, Activation::Tanh,
                                                 Activation::Relu};

double activate(Activation f, double z);
// f'(z). The step function's derivative is 0 everywhere it exists (and we use 0 at z = 0 too):
// that is exactly why a step neuron cannot be trained by gradient descent.
// ReLU uses 0 at z = 0, the usual convention.
double derivative(Activation f, double z);

// "sigmoid", "tanh", ...: for URLs, labels and the text alternative.
std::string_view name(Activation f);
std::optional<Activation> parse_activation(std::string_view text);

}  // namespace neuron
