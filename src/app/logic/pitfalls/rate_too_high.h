// rate_too_high.h: the pitfall "learning rate too high". A linear neuron on squared error;
// past the critical rate 2 / (largest curvature of the loss), computed from the data
// (curvature.h), every step overshoots further and the loss grows geometrically (diverges).
#pragma once
#include "pitfall.h"

namespace lesson {

class RateTooHighPitfall : public PitfallUnit {
 public:
  static constexpr double kBrokenRate = 1.1;  // the broken preset: above the critical rate
  // One epoch every this many frames, so a watcher sees each step overshoot further (it
  // diverges in about ten).
  static constexpr int kFramesPerOvershoot = 6;

  RateTooHighPitfall();
  Pitfall pitfall() const override { return Pitfall::RateTooHigh; }
  void preset(bool fixed) override;
  void rebuild(bool fixed) override;
  FrameTrained train_frame() override;
  const neuron::Trainer& trainer() const override { return trainer_; }
  std::string summary() const override;
  void add_figures(std::vector<Figure>& out) const override;

  // Takes effect at the next rebuild().
  void set_learning_rate(double rate) { learning_rate_ = rate; }
  double learning_rate() const { return learning_rate_; }
  // The data decide where gradient descent stops converging.
  double critical_rate() const { return critical_rate_; }
  double largest_curvature() const { return 2.0 / critical_rate_; }
  bool below_critical_rate() const { return learning_rate_ < critical_rate_; }
  // What "Apply the fix" picks: half the critical rate, rounded to two decimals.
  double fixed_rate() const;

 private:
  double learning_rate_ = kBrokenRate;
  double critical_rate_;
  neuron::Trainer trainer_;
  int frames_waited_ = 0;
};

}  // namespace lesson
