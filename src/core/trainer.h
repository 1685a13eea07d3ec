// trainer.h: gradient descent on a network (a single neuron is the network {2, 1}).
// One epoch is one pass over the data, full batch or in shuffled mini-batches.
// The trainer watches for divergence: if the loss stops being finite or explodes, it
// stops, keeps the last finite weights and says why, so nothing non-finite ever leaves it.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "dataset.h"
#include "loss.h"
#include "mlp.h"

namespace neuron {

struct TrainConfig {
  double learning_rate = 0.5;
  int batch_size = 0;  // 0 (or >= the number of points): full batch
  Loss loss = Loss::CrossEntropy;
  std::uint64_t seed = 1;  // order of the mini-batches
};

enum class TrainStatus {
  Ready,     // can take more epochs
  Diverged,  // stopped: the loss blew up; weights are the last finite ones
  Invalid,   // the configuration cannot train (message says why)
};

class Trainer {
 public:
  // Training stops as "diverged" when the loss is not finite, or exceeds this many times
  // the loss at the start (and at least kDivergedLossFloor), or a weight exceeds
  // kMaxParameter in size. A well-tuned run never comes near any of these.
  static constexpr double kDivergenceFactor = 50.0;
  static constexpr double kDivergedLossFloor = 5.0;
  static constexpr double kMaxParameter = 1e6;
  // The loss history keeps at most this many points: when full, every other one is dropped
  // and the spacing doubles, so a trainer that runs for a million epochs uses no more
  // memory than one that ran for a few thousand.
  static constexpr std::size_t kMaxHistory = 4096;

  Trainer(Mlp initial, Dataset data, TrainConfig config);

  // Runs `epochs` passes over the data (stops early on divergence). Returns the number run.
  int train(int epochs = 1);
  // Back to the initial weights and an empty history; the same configuration.
  void reset();

  const Mlp& model() const { return model_; }
  const Dataset& data() const { return data_; }
  const TrainConfig& config() const { return config_; }
  TrainStatus status() const { return status_; }
  const std::string& message() const { return message_; }
  int epoch() const { return epoch_; }
  // Mean loss over all the data: index 0 is before training, index k after epoch
  // k * history_stride() (the stride is 1 until the history fills up).
  const std::vector<double>& loss_history() const { return loss_history_; }
  int history_stride() const { return history_stride_; }
  double loss() const { return current_loss_; }  // after the latest epoch
  // Fraction of points on the right side of 0.5 (output >= 0.5 means class 1).
  double accuracy() const;
  // Size of each layer's weight gradient over the whole data set, at the current weights.
  std::vector<double> layer_gradient_norms() const;
  // The work of one epoch in weight-steps: every point through every weight and bias
  // (forward, backward, update), so that networks of different sizes can share a budget.
  long epoch_work() const;

 private:
  bool step(const Eigen::MatrixXd& x, const Eigen::MatrixXd& y);
  void diverge(const std::string& why);

  Mlp initial_, model_;
  Dataset data_;
  Eigen::MatrixXd inputs_, labels_;
  TrainConfig config_;
  TrainStatus status_ = TrainStatus::Ready;
  std::string message_;
  int epoch_ = 0;
  int history_stride_ = 1;
  double current_loss_ = 0.0;
  std::vector<double> loss_history_;
};

// The fraction of points a network classifies right (output >= 0.5 means class 1).
double accuracy(const Mlp& model, const Dataset& data);

}  // namespace neuron
