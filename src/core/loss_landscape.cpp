// loss_landscape.cpp: the loss surface over two weights and the descent path across it.
#include "loss_landscape.h"

#include <algorithm>
#include <cmath>

namespace neuron {

double LossGrid::weight(int index) const {
  return resolution < 2 ? w_min : w_min + (w_max - w_min) * index / (resolution - 1);
}

namespace {
// Mean loss and its gradient with respect to w1 and w2.
WeightPoint evaluate(const Dataset& data, const LandscapeSetup& setup, double w1, double w2,
                     double* grad_w1, double* grad_w2) {
  // forward()'s arithmetic for two inputs, in its order (bias, then w1 x1, then w2 x2), without
  // its vectors: the grid calls this 4,096 times while the figure starts.
  double total = 0.0, g1 = 0.0, g2 = 0.0;
  for (const Point& p : data.points) {
    // Each product stored before it is added, as forward() does (no fused multiply-add).
    const double product1 = w1 * p.x1;
    const double product2 = w2 * p.x2;
    double z = setup.bias;
    z += product1;
    z += product2;
    const double a = activate(setup.activation, z);
    total += loss_value(setup.loss, z, a, p.label);
    const double dz = loss_gradient_z(setup.loss, setup.activation, z, a, p.label);
    g1 += dz * p.x1;
    g2 += dz * p.x2;
  }
  const double n = std::max<double>(1.0, double(data.points.size()));
  if (grad_w1) *grad_w1 = g1 / n;
  if (grad_w2) *grad_w2 = g2 / n;
  return {w1, w2, total / n};
}
}  // namespace

double landscape_loss(const Dataset& data, const LandscapeSetup& setup, double w1, double w2) {
  return evaluate(data, setup, w1, w2, nullptr, nullptr).loss;
}

LossGrid loss_grid(const Dataset& data, const LandscapeSetup& setup, double w_min, double w_max,
                   int resolution) {
  LossGrid grid;
  grid.w_min = w_min;
  grid.w_max = w_max;
  grid.resolution = std::clamp(resolution, 2, 512);
  grid.loss.resize(std::size_t(grid.resolution * grid.resolution));
  for (int row = 0; row < grid.resolution; ++row)
    for (int col = 0; col < grid.resolution; ++col)
      grid.loss[std::size_t(row * grid.resolution + col)] =
          landscape_loss(data, setup, grid.weight(col), grid.weight(row));
  const auto [lo, hi] = std::minmax_element(grid.loss.begin(), grid.loss.end());
  grid.lowest = *lo;
  grid.highest = *hi;
  return grid;
}

std::vector<WeightPoint> descent_path(const Dataset& data, const LandscapeSetup& setup,
                                      double w1, double w2, double learning_rate, int steps,
                                      double limit) {
  std::vector<WeightPoint> path;
  double g1 = 0.0, g2 = 0.0;
  for (int step = 0; step <= steps; ++step) {
    const WeightPoint here = evaluate(data, setup, w1, w2, &g1, &g2);
    if (!std::isfinite(here.loss) || std::fabs(w1) > limit || std::fabs(w2) > limit) break;
    path.push_back(here);
    w1 -= learning_rate * g1;
    w2 -= learning_rate * g2;
  }
  return path;
}

}  // namespace neuron
