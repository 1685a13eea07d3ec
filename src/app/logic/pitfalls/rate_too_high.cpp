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
  const std::string rate = format_number(learning_rate_), critical = format_number(critical_rate_);
  if (t.status() == neuron::TrainStatus::Diverged)
    return say(Word::pitfall_lr_summary_diverged, {rate, critical, diverged_words(t.divergence()), critical});
  const bool rising = t.loss() > t.loss_history().front();
  const Word what = below_critical_rate() ? (rising ? Word::pitfall_lr_summary_below_rising : Word::pitfall_lr_summary_below_falling)
                                          : (rising ? Word::pitfall_lr_summary_above_rising : Word::pitfall_lr_summary_above_falling);
  return say(what, {rate, critical, std::to_string(t.epoch()), format_number(t.loss(), 3)});
}

void RateTooHighPitfall::add_figures(std::vector<Figure>& out) const {
  out.push_back({"learningRate", learning_rate_});
  out.push_back({"criticalRate", critical_rate_});
  out.push_back({"startLoss", trainer_.loss_history().front()});
}

}  // namespace lesson
