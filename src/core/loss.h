// loss.h: how wrong one prediction is, and which way to move z to make it less wrong.
// Both losses are per training point; the trainer averages them over a batch.
//   squared error   L = (a - y)^2
//   cross-entropy   L = -[y log a + (1 - y) log(1 - a)],  a = sigmoid(z)
// Cross-entropy is computed from the pre-activation z (the "logit"), never from a:
// for |z| = 1000 the sigmoid rounds to exactly 0 or 1 and log(0) would be -infinity.
#pragma once
#include <string_view>

#include "activation.h"

namespace neuron {

enum class Loss { SquaredError, CrossEntropy };

// Cross-entropy assumes a sigmoid output (it reads z as a logit); squared error fits any.
bool loss_fits_output(Loss loss, Activation output);

// Loss of one point with pre-activation z, output a = f(z) and label y.
double loss_value(Loss loss, double z, double a, double y);

// dL/dz for one point: what backpropagation starts from.
//   squared error: 2 (a - y) f'(z)   -- the f'(z) factor is why it learns slowly on a
//                                       saturated sigmoid (the "mismatched loss" pitfall)
//   cross-entropy: sigmoid(z) - y    -- the f'(z) cancels out
double loss_gradient_z(Loss loss, Activation output, double z, double a, double y);

std::string_view name(Loss loss);

}  // namespace neuron
