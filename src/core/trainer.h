// trainer.h: gradient descent on a network (a single neuron is the network {2, 1}).
// One epoch is one pass over the data, full batch or in shuffled mini-batches.
// Two engines do the arithmetic, chosen in TrainConfig:
//   Engine::Reference  Mlp: double precision, Eigen, written to read like the maths; it
//                      defines what training means, and the tests check it against calculus.
//   Engine::Fast       FastNetwork: float, four points per SIMD vector; what the page trains
//                      with. Given the same weights it visits the points in the same order,
//                      and tests/core/engines_test.cpp checks it follows the reference in
//                      every configuration the page trains.
// A configuration the fast engine cannot run (fast_network.h says which) uses the reference.
// The trainer watches for divergence: if the loss stops being finite or explodes, it
// stops, keeps the last finite weights and says why, so nothing non-finite ever leaves it.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <optional>

#include "dataset.h"
#include "fast_network.h"
#include "loss.h"
#include "mlp.h"

namespace neuron {

enum class Engine { Fast, Reference };

struct TrainConfig {
  double learning_rate = 0.5;
  int batch_size = 0;  // 0 (or >= the number of points): full batch
  Loss loss = Loss::CrossEntropy;
  std::uint64_t seed = 1;  // order of the mini-batches
  Engine engine = Engine::Fast;
};

enum class TrainStatus {
  Ready,     // can take more epochs
  Diverged,  // stopped: the loss blew up; weights are the last finite ones
  Invalid,   // the configuration cannot train (message says why)
};

// Why training stopped as diverged, with the numbers message() quotes: the page says the
// same in its edition's words from these (src/app/logic/training_setup.h).
enum class DivergenceReason {
  None,            // not diverged
  StartNotFinite,  // the starting weights give a non-finite loss
  Unbounded,       // the weights grew without bound
  LossRose,        // the next epoch would have raised the loss past the limit
};
struct Divergence {
  DivergenceReason reason = DivergenceReason::None;
  int epoch = 0;             // the epoch training stopped at (epoch())
  double loss = 0.0;         // its loss, the last finite one (loss())
  double raised_to = 0.0;    // LossRose: the loss the next epoch would have had
  double start_loss = 0.0;   // LossRose: the loss at the start
};

// A loss as message() writes it: three significant digits ("0.693", "1.2e+03").
std::string short_number(double v);

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
  // Continues from these weights (a network of the same shape; anything else is ignored),
  // keeping the epoch count and the history. The engine tests start the reference from the
  // fast engine's weights this way, to compare single epochs along the fast engine's path.
  void set_weights(const Mlp& weights);

  // The current weights as a double-precision network (copied from the fast engine when
  // they changed since the last call).
  const Mlp& model() const;
  // The engine actually training: the configured one, or the reference as a fallback.
  Engine engine() const { return fast_ ? Engine::Fast : Engine::Reference; }
  const Mlp& initial() const { return initial_; }
  const Dataset& data() const { return data_; }
  const TrainConfig& config() const { return config_; }
  TrainStatus status() const { return status_; }
  const std::string& message() const { return message_; }
  // Why it diverged, with its numbers (reason None unless status() is Diverged).
  const Divergence& divergence() const { return divergence_; }
  int epoch() const { return epoch_; }
  // Mean loss over all the data: index 0 is before training, index k after epoch
  // k * history_stride() (the stride is 1 until the history fills up).
  const std::vector<double>& loss_history() const { return loss_history_; }
  int history_stride() const { return history_stride_; }
  double loss() const { return current_loss_; }  // after the latest epoch
  // Fraction of points on the right side of 0.5 (output >= 0.5 means class 1).
  double accuracy() const { return accuracy_; }
  // Size of each layer's weight gradient over the whole data set, at the current weights.
  std::vector<double> layer_gradient_norms() const;
  // The work of one epoch in weight-steps: every point through every weight and bias
  // (forward, backward, update), so that networks of different sizes can share a budget.
  long epoch_work() const;

 private:
  bool step(const Eigen::MatrixXd& x, const Eigen::MatrixXd& y);
  bool reference_epoch(Eigen::Index batch);
  void evaluate();
  void diverge(Divergence why);

  Mlp initial_;
  mutable Mlp model_;
  mutable bool model_stale_ = false;  // the fast engine has weights model_ does not have yet
  Dataset data_;
  Eigen::MatrixXd inputs_, labels_;
  std::vector<int> order_;  // the order of this epoch's points
  TrainConfig config_;
  long parameter_count_ = 0;
  std::optional<FastNetwork> fast_;
  std::vector<float> x_, y_;        // the data as the fast engine reads it
  std::vector<float> last_finite_;  // its weights before the epoch it is running
  double accuracy_ = 0.0;
  TrainStatus status_ = TrainStatus::Ready;
  std::string message_;
  Divergence divergence_;
  int epoch_ = 0;
  int history_stride_ = 1;
  double current_loss_ = 0.0;
  std::vector<double> loss_history_;
};

// The fraction of points a network classifies right (output >= 0.5 means class 1).
double accuracy(const Mlp& model, const Dataset& data);

}  // namespace neuron
