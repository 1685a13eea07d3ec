// loss.cpp: squared error and cross-entropy (from logits), with their gradients.
#include "loss.h"

#include <cmath>

namespace neuron {

bool loss_fits_output(Loss loss, Activation output) {
  return loss == Loss::SquaredError || output == Activation::Sigmoid;
}

double loss_value(Loss loss, double z, double a, double y) {
  if (loss == Loss::SquaredError) return (a - y) * (a - y);
  // -[y log s(z) + (1-y) log(1-s(z))] rearranged to max(z,0) - z y + log(1 + e^-|z|):
  // every term stays finite for any finite z.
  return std::fmax(z, 0.0) - z * y + std::log1p(std::exp(-std::fabs(z)));
}

double loss_gradient_z(Loss loss, Activation output, double z, double a, double y) {
  if (loss == Loss::SquaredError) return 2.0 * (a - y) * derivative(output, z);
  return activate(Activation::Sigmoid, z) - y;
}

std::string_view name(Loss loss) {
  return loss == Loss::SquaredError ? "squared-error" : "cross-entropy";
}

}  // namespace neuron
