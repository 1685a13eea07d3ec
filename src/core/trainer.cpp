// trainer.cpp: the gradient-descent loop, mini-batches, and the divergence guard.
#include "trainer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

#include "random.h"

namespace neuron {

std::string short_number(double v) {
  char text[32];
  std::snprintf(text, sizeof text, "%.3g", v);
  return text;
}

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
  parameter_count_ = long(initial_.parameters().size());
  order_.resize(data_.points.size());
  for (const Point& p : data_.points) {
    x_.push_back(float(p.x1));
    x_.push_back(float(p.x2));
    y_.push_back(float(p.label));
  }
  reset();
}

const Mlp& Trainer::model() const {
  if (model_stale_) fast_->copy_to(model_);
  model_stale_ = false;
  return model_;
}

// Loss and accuracy at the current weights, by the engine that trains.
void Trainer::evaluate() {
  if (fast_) {
    const FastNetwork::Evaluation e = fast_->evaluate(x_.data(), y_.data(), int(y_.size()));
    current_loss_ = e.loss;
    accuracy_ = e.accuracy;
  } else {
    current_loss_ = model_.mean_loss(inputs_, labels_, config_.loss);
    accuracy_ = neuron::accuracy(model_, data_);
  }
}

void Trainer::reset() {
  model_ = initial_;
  model_stale_ = false;
  fast_.reset();
  epoch_ = 0;
  history_stride_ = 1;
  status_ = TrainStatus::Ready;
  message_.clear();
  divergence_ = Divergence{};
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
  if (status_ != TrainStatus::Invalid && config_.engine == Engine::Fast) {
    fast_.emplace(model_, config_.loss);
    if (!fast_->valid()) fast_.reset();
  }
  current_loss_ = accuracy_ = 0.0;
  if (status_ != TrainStatus::Invalid) evaluate();
  if (!std::isfinite(current_loss_)) {
    current_loss_ = 0.0;
    diverge({DivergenceReason::StartNotFinite});
  }
  loss_history_.push_back(current_loss_);
}

void Trainer::set_weights(const Mlp& weights) {
  if (weights.sizes() != model_.sizes() || status_ == TrainStatus::Invalid) return;
  for (std::size_t l = 0; l < weights.layers.size(); ++l)
    if (weights.layers[l].activation != model_.layers[l].activation) return;
  model_ = weights;
  model_stale_ = false;
  if (fast_) fast_.emplace(model_, config_.loss);
  evaluate();
}

long Trainer::epoch_work() const { return long(data_.points.size()) * parameter_count_; }

std::vector<double> Trainer::layer_gradient_norms() const {
  return model_.gradients(inputs_, labels_, config_.loss).weight_norms;
}

void Trainer::diverge(Divergence why) {
  status_ = TrainStatus::Diverged;
  // Quotes the epoch and loss that training stopped at (the last finite ones, which
  // epoch() and loss() report), then what the next epoch did: the caption and the state agree.
  why.epoch = epoch_;
  why.loss = current_loss_;
  divergence_ = why;
  const std::string reason =
      why.reason == DivergenceReason::StartNotFinite ? "the starting weights give a non-finite loss"
      : why.reason == DivergenceReason::Unbounded
          ? "the weights grew without bound"
          : "the next epoch would have raised the loss to " + short_number(why.raised_to) + ", from " +
                short_number(why.start_loss) + " at the start";
  message_ = "training diverged after epoch " + std::to_string(epoch_) + " (loss " + short_number(current_loss_) +
             "): " + reason + ". Lower the learning rate and reset.";
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

// One epoch of the reference engine over the points in order_, `batch` at a time.
bool Trainer::reference_epoch(Eigen::Index batch) {
  const Eigen::Index n = inputs_.cols();
  if (batch == n) return step(inputs_, labels_);
  Eigen::MatrixXd x(inputs_.rows(), batch), y(labels_.rows(), batch);
  for (Eigen::Index start = 0; start < n; start += batch) {
    const Eigen::Index size = std::min(batch, n - start);
    x.conservativeResize(Eigen::NoChange, size);
    y.conservativeResize(Eigen::NoChange, size);
    for (Eigen::Index j = 0; j < size; ++j) {
      x.col(j) = inputs_.col(order_[std::size_t(start + j)]);
      y.col(j) = labels_.col(order_[std::size_t(start + j)]);
    }
    if (!step(x, y)) return false;
  }
  return true;
}

int Trainer::train(int epochs) {
  const Eigen::Index n = inputs_.cols();
  const Eigen::Index batch =
      config_.batch_size <= 0 ? n : std::min<Eigen::Index>(config_.batch_size, n);
  const double first_loss = loss_history_.front();
  int run = 0;
  for (; run < epochs && status_ == TrainStatus::Ready; ++run) {
    // Each epoch's order depends on the seed and the epoch only, the same for both engines,
    // so reset() followed by any split of the same epochs repeats a run exactly.
    std::iota(order_.begin(), order_.end(), 0);
    if (batch < n) Rng(config_.seed * 0x9E3779B97F4A7C15ull + std::uint64_t(epoch_)).shuffle(order_.data(), order_.size());
    Mlp before;
    bool ok;
    if (fast_) {
      last_finite_ = fast_->parameters();
      fast_->train_epoch(x_.data(), y_.data(), order_.data(), int(n), int(batch), float(config_.learning_rate));
      model_stale_ = true;
      ok = fast_->parameters_within(float(kMaxParameter));
    } else {
      before = model_;
      ok = reference_epoch(batch);
    }
    const double loss_before = current_loss_, accuracy_before = accuracy_;
    if (ok) evaluate();
    const double loss = ok ? current_loss_ : NAN;
    const double limit = std::max(kDivergenceFactor * first_loss, kDivergedLossFloor);
    if (!ok || !std::isfinite(loss) || loss > limit) {
      if (fast_) fast_->set_parameters(last_finite_);
      else model_ = before;
      current_loss_ = loss_before;
      accuracy_ = accuracy_before;
      if (!ok || !std::isfinite(loss)) diverge({DivergenceReason::Unbounded});
      else diverge({DivergenceReason::LossRose, 0, 0.0, loss, first_loss});
      break;
    }
    ++epoch_;
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
