// dataset.cpp: logic gates, two Gaussian blobs, and two concentric circles.
#include "dataset.h"

#include <algorithm>
#include <cmath>

#include "random.h"

namespace neuron {

namespace {
Dataset logic_gate(DataKind kind, double (*gate)(bool, bool)) {
  Dataset data{kind, {}};
  for (int a = 0; a <= 1; ++a)
    for (int b = 0; b <= 1; ++b) data.points.push_back({double(a), double(b), gate(a, b)});
  return data;
}
}  // namespace

Eigen::MatrixXd Dataset::inputs() const {
  Eigen::MatrixXd x(2, static_cast<Eigen::Index>(points.size()));
  for (std::size_t i = 0; i < points.size(); ++i) {
    x(0, Eigen::Index(i)) = points[i].x1;
    x(1, Eigen::Index(i)) = points[i].x2;
  }
  return x;
}

Eigen::MatrixXd Dataset::labels() const {
  Eigen::MatrixXd y(1, static_cast<Eigen::Index>(points.size()));
  for (std::size_t i = 0; i < points.size(); ++i) y(0, Eigen::Index(i)) = points[i].label;
  return y;
}

Dataset make_dataset(DataKind kind, const DataOptions& options) {
  switch (kind) {
    case DataKind::And: return logic_gate(kind, [](bool a, bool b) { return double(a && b); });
    case DataKind::Or: return logic_gate(kind, [](bool a, bool b) { return double(a || b); });
    case DataKind::Xor: return logic_gate(kind, [](bool a, bool b) { return double(a != b); });
    default: break;
  }
  Rng rng(options.seed);
  const int n = std::clamp(options.points, 2, 100000);
  const double noise = std::clamp(options.noise, 0.0, 2.0);
  Dataset data{kind, {}};
  data.points.reserve(std::size_t(n));
  for (int i = 0; i < n; ++i) {
    const double label = i % 2;  // balanced classes
    if (kind == DataKind::Blobs) {
      // Two round clouds centred at (-0.7, -0.7) and (0.7, 0.7).
      const double centre = label > 0 ? 0.7 : -0.7;
      data.points.push_back({rng.normal(centre, noise * 2), rng.normal(centre, noise * 2), label});
    } else {
      // Inner disc (label 1, radius < 0.5) inside an outer ring (label 0, radius 0.9..1.3).
      const double angle = rng.uniform(0.0, 6.283185307179586);
      const double radius = label > 0 ? rng.uniform(0.0, 0.5) : rng.uniform(0.9, 1.3);
      data.points.push_back({radius * std::cos(angle) + rng.normal(0.0, noise * 0.3),
                             radius * std::sin(angle) + rng.normal(0.0, noise * 0.3), label});
    }
  }
  return data;
}

std::string_view name(DataKind kind) {
  switch (kind) {
    case DataKind::And: return "and";
    case DataKind::Or: return "or";
    case DataKind::Xor: return "xor";
    case DataKind::Blobs: return "blobs";
    case DataKind::Circles: return "circles";
  }
  return "and";
}

}  // namespace neuron
