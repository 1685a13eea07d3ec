// trainer.cpp: the gradient-descent loop, mini-batches, and the divergence guard.
#include "trainer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

#include "random.h"

namespace neuron {

namespace {
std::string format(double v) {
  char text[32];
  std::snprintf(text, sizeof text, "%.3g", v);
  return text;
}
}  // namespace

double accuracy(const Mlp& model, const Dataset& data) {
  if (data.points.empty()) return 0.0;
  const Eigen::MatrixXd out = model.predict(data.inputs());
  int right = 0;
  for (std::size_t i = 0; i < data.points.size(); ++i)
    right += (out(0, Eigen::Index(i)) >= 0.5) == (data.points[i].label >= 0.5);
  return double(right) / double(data.points.size());
}

Trainer::Trainer(Mlp initial, Dataset data, TrainConfig config)
    : initial_(std::move(initial)), model_(initial_), data_(std::move(data)), config_(config) {
  inputs_ = data_.inputs();
  labels_ = data_.labels();
  reset();
}

void Trainer::reset() {
  model_ = initial_;
  epoch_ = 0;
  history_stride_ = 1;
  status_ = TrainStatus::Ready;
  message_.clear();
  loss_history_.clear();
  if (!loss_fits_output(config_.loss, model_.output_activation())) {
    status_ = TrainStatus::Invalid;
    message_ = "cross-entropy needs a sigmoid output; use squared error or a sigmoid";
  } else if (!(config_.learning_rate > 0.0) || !std::isfinite(config_.learning_rate)) {
    status_ = TrainStatus::Invalid;
    message_ = "the learning rate must be a positive number";
  } else if (model_.layers.empty() || model_.inputs() != 2 || data_.points.empty()) {
    status_ = TrainStatus::Invalid;
    message_ = "the network needs 2 inputs and the data at least one point";
  }
  loss_history_.push_back(status_ == TrainStatus::Invalid
                              ? 0.0
                              : model_.mean_loss(inputs_, labels_, config_.loss));
  if (!std::isfinite(loss_history_.back())) {
    loss_history_.back() = 0.0;
    diverge("the starting weights give a non-finite loss");
  }
  current_loss_ = loss_history_.back();
}

double Trainer::accuracy() const { return neuron::accuracy(model_, data_); }

long Trainer::epoch_work() const {
  return long(data_.points.size()) * long(model_.parameters().size());
}

std::vector<double> Trainer::layer_gradient_norms() const {
  return model_.gradients(inputs_, labels_, config_.loss).weight_norms;
}

void Trainer::diverge(const std::string& why) {
  status_ = TrainStatus::Diverged;
  message_ = "training diverged at epoch " + std::to_string(epoch_ + 1) + ": " + why +
             ". Lower the learning rate and reset.";
}

bool Trainer::step(const Eigen::MatrixXd& x, const Eigen::MatrixXd& y) {
  const Gradients g = model_.gradients(x, y, config_.loss);
  model_.descend(g, config_.learning_rate);
  // Layer by layer, in place: packing every parameter into a new vector after each
  // mini-batch would allocate in the training loop.
  for (const Layer& layer : model_.layers) {
    if (!layer.weights.allFinite() || !layer.bias.allFinite() ||
        layer.weights.cwiseAbs().maxCoeff() > kMaxParameter || layer.bias.cwiseAbs().maxCoeff() > kMaxParameter)
      return false;
  }
  return true;
}

int Trainer::train(int epochs) {
  const Eigen::Index n = inputs_.cols();
  const Eigen::Index batch =
      config_.batch_size <= 0 ? n : std::min<Eigen::Index>(config_.batch_size, n);
  std::vector<Eigen::Index> order(std::size_t(n), 0);
  std::iota(order.begin(), order.end(), 0);
  // The order of mini-batches depends on the seed and the epoch only, so reset() followed
  // by the same calls repeats a run exactly.
  Rng rng(config_.seed * 0x9E3779B97F4A7C15ull + std::uint64_t(epoch_));

  int run = 0;
  for (; run < epochs && status_ == TrainStatus::Ready; ++run) {
    const Mlp before = model_;
    bool ok = true;
    if (batch == n) {
      ok = step(inputs_, labels_);
    } else {
      rng.shuffle(order.data(), order.size());
      Eigen::MatrixXd x(inputs_.rows(), batch), y(labels_.rows(), batch);
      for (Eigen::Index start = 0; ok && start < n; start += batch) {
        const Eigen::Index size = std::min(batch, n - start);
        x.conservativeResize(Eigen::NoChange, size);
        y.conservativeResize(Eigen::NoChange, size);
        for (Eigen::Index j = 0; j < size; ++j) {
          x.col(j) = inputs_.col(order[std::size_t(start + j)]);
          y.col(j) = labels_.col(order[std::size_t(start + j)]);
        }
        ok = step(x, y);
      }
    }
    const double loss = ok ? model_.mean_loss(inputs_, labels_, config_.loss) : NAN;
    const double limit = std::max(kDivergenceFactor * loss_history_.front(), kDivergedLossFloor);
    if (!ok || !std::isfinite(loss) || loss > limit) {
      model_ = before;
      diverge(!ok || !std::isfinite(loss)
                  ? "the weights grew without bound"
                  : "the loss rose from " + format(loss_history_.front()) + " to " + format(loss));
      break;
    }
    ++epoch_;
    current_loss_ = loss;
    if (epoch_ % history_stride_ == 0) loss_history_.push_back(loss);
    if (loss_history_.size() > kMaxHistory) {
      // Keep epochs 0, 2s, 4s, ... : the same curve at half the resolution.
      std::size_t kept = 0;
      for (std::size_t i = 0; i < loss_history_.size(); i += 2) loss_history_[kept++] = loss_history_[i];
      loss_history_.resize(kept);
      history_stride_ *= 2;
    }
  }
  return run;
}

}  // namespace neuron
