// mismatched_loss.h: the pitfall "mismatched loss". Squared error on a sigmoid learns
// slowly from a confidently wrong start (its gradient carries f'(z) ~ 0); its cross-entropy
// twin, trained side by side from the same start, does not.
#pragma once
#include "pitfall.h"

namespace lesson {

class MismatchedLossPitfall : public PitfallUnit {
 public:
  MismatchedLossPitfall();
  Pitfall pitfall() const override { return Pitfall::MismatchedLoss; }
  void rebuild(bool fixed) override;
  FrameTrained train_frame() override;
  // The squared-error neuron: the one that crawls.
  const neuron::Trainer& trainer() const override { return squared_; }
  std::string summary() const override;
  void add_figures(std::vector<Figure>& out) const override;

  // The cross-entropy twin, and "how wrong" (mean |a - y|) per epoch of both.
  const neuron::Trainer& twin() const { return twin_; }
  const std::vector<double>& error_squared() const { return error_squared_; }
  const std::vector<double>& error_cross_entropy() const { return error_cross_entropy_; }
  // The first epoch at which each neuron got every point right (-1: not yet).
  int squared_solved_epoch() const { return squared_solved_; }
  int cross_entropy_solved_epoch() const { return cross_entropy_solved_; }

 private:
  void record() override;

  neuron::Trainer squared_, twin_;
  std::vector<double> error_squared_, error_cross_entropy_;
  int squared_solved_ = -1, cross_entropy_solved_ = -1;
};

}  // namespace lesson
