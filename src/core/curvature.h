// curvature.h: why a learning rate can be too high, in numbers. For a linear neuron
// a = w1 x1 + w2 x2 + b on squared error, L(w) = mean over the data of (a - y)^2 is an exact
// quadratic bowl with Hessian H = (2/N) sum of x x^T, x = (x1, x2, 1). Full-batch gradient
// descent multiplies the distance to the bottom along each eigenvector of H by (1 - eta
// lambda) per step, so it converges exactly when |1 - eta lambda| < 1 for every eigenvalue:
// eta < 2 / lambda_max. The critical rate comes from the data, not from a round number.
#pragma once
#include "dataset.h"

namespace neuron {

// The largest eigenvalue of the Hessian of the linear neuron's mean squared error.
double largest_curvature(const Dataset& data);
// 2 / largest_curvature: above it, gradient descent on that loss diverges.
double critical_learning_rate(const Dataset& data);

}  // namespace neuron
