// dataset.h: the small 2-D data sets the lesson trains on. Each point has two inputs
// and a label 0 or 1. The random ones are generated from a seed, so a figure or a test
// sees the same points every time.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

#include <Eigen/Core>

namespace neuron {

enum class DataKind { And, Or, Xor, Blobs, Circles };

inline constexpr DataKind kAllDataKinds[] = {DataKind::And, DataKind::Or, DataKind::Xor,
                                             DataKind::Blobs, DataKind::Circles};

struct Point {
  double x1 = 0.0;
  double x2 = 0.0;
  double label = 0.0;  // 0 or 1
};

struct Dataset {
  DataKind kind = DataKind::And;
  std::vector<Point> points;

  // The same points as matrices: inputs is 2 x n (one column per point), labels 1 x n.
  Eigen::MatrixXd inputs() const;
  Eigen::MatrixXd labels() const;
};

struct DataOptions {
  int points = 200;          // for blobs and circles; the logic gates always have 4
  double noise = 0.15;       // spread of the blobs, jitter of the circles
  std::uint64_t seed = 1;
};

// Logic gates use inputs 0 and 1; blobs and circles are centred on the origin, within
// about [-1.5, 1.5].
Dataset make_dataset(DataKind kind, const DataOptions& options = {});

std::string_view name(DataKind kind);

}  // namespace neuron
