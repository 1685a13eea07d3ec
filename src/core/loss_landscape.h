// loss_landscape.h: the loss of a single two-input neuron as a surface over its two
// weights (the bias held fixed), and the path gradient descent takes across it.
#pragma once
#include <vector>

#include "activation.h"
#include "dataset.h"
#include "loss.h"

namespace neuron {

struct LandscapeSetup {
  Activation activation = Activation::Sigmoid;
  Loss loss = Loss::CrossEntropy;
  double bias = 0.0;
};

struct WeightPoint {
  double w1 = 0.0;
  double w2 = 0.0;
  double loss = 0.0;
};

struct LossGrid {
  double w_min = -1.0, w_max = 1.0;  // the same range on both axes
  int resolution = 0;                // samples per axis
  std::vector<double> loss;          // row-major: loss[row * resolution + col],
                                     // col along w1, row along w2, both from w_min upwards
  double lowest = 0.0, highest = 0.0;
  double at(int col, int row) const { return loss[std::size_t(row * resolution + col)]; }
  double weight(int index) const;    // the weight value at a column or row index
};

// Mean loss over the data set at (w1, w2).
double landscape_loss(const Dataset& data, const LandscapeSetup& setup, double w1, double w2);

LossGrid loss_grid(const Dataset& data, const LandscapeSetup& setup, double w_min, double w_max,
                   int resolution);

// Gradient descent on (w1, w2) only, from a starting point: start, then one point per step.
// Stops early if the weights leave [-limit, limit] or stop being finite.
std::vector<WeightPoint> descent_path(const Dataset& data, const LandscapeSetup& setup,
                                      double w1, double w2, double learning_rate, int steps,
                                      double limit = 1e3);

}  // namespace neuron
