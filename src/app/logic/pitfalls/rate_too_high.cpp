// rate_too_high.cpp: gradient descent overshooting the bottom of a bowl, and the rate
// below which it does not.
#include "rate_too_high.h"

#include <cmath>

#include "curvature.h"
#include "training_setup.h"

namespace lesson {

using neuron::Activation;

namespace {
// Linear neuron, squared error: the loss is a bowl, and gradient descent overshoots its
// bottom by more each step once the rate passes 2 / (largest curvature).
neuron::Trainer linear_neuron(double learning_rate) {
  return neuron::Trainer(neuron::Mlp({2, 1}, Activation::Identity, Activation::Identity, 1),
                         page_dataset(neuron::DataKind::Blobs), train_config(learning_rate, neuron::Loss::SquaredError));
}
}  // namespace

RateTooHighPitfall::RateTooHighPitfall()
    : critical_rate_(neuron::critical_learning_rate(page_dataset(neuron::DataKind::Blobs))),
      trainer_(linear_neuron(learning_rate_)) {}

double RateTooHighPitfall::fixed_rate() const { return std::round(50.0 * critical_rate_) / 100.0; }

void RateTooHighPitfall::preset(bool fixed) { learning_rate_ = fixed ? fixed_rate() : kBrokenRate; }

void RateTooHighPitfall::rebuild(bool) { trainer_ = linear_neuron(learning_rate_); }

FrameTrained RateTooHighPitfall::train_frame() {
  if (++frames_waited_ % kFramesPerOvershoot != 0) return {};
  return train_side_by_side({&trainer_}, 1);
}

std::string RateTooHighPitfall::summary() const {
  const neuron::Trainer& t = trainer_;
  const std::string critical = "the critical rate " + format_number(critical_rate_) + " (2/λ for this data)";
  if (t.status() == neuron::TrainStatus::Diverged)
    return "Learning rate " + format_number(learning_rate_) + " is above " + critical +
           ", so each step overshoots further: " + t.message() + " Fix: a rate below " +
           format_number(critical_rate_) + ".";
  return "Learning rate " + format_number(learning_rate_) + (below_critical_rate() ? ", below " : ", above ") +
         critical + ": epoch " + std::to_string(t.epoch()) + ", loss " + format_number(t.loss(), 3) +
         (t.loss() > t.loss_history().front() ? ", rising." : ", falling.");
}

void RateTooHighPitfall::add_figures(std::vector<Figure>& out) const {
  out.push_back({"learningRate", learning_rate_});
  out.push_back({"criticalRate", critical_rate_});
  out.push_back({"startLoss", trainer_.loss_history().front()});
}

}  // namespace lesson
