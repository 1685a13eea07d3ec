// vanishing_gradients.h: the pitfall "vanishing gradients". Through six sigmoid layers the
// gradient shrinks ~4x per layer, and the early layers barely move; ReLU is the fix.
#pragma once
#include "pitfall.h"

namespace lesson {

class VanishingGradientsPitfall : public PitfallUnit {
 public:
  static constexpr int kHiddenLayers = 6;

  VanishingGradientsPitfall();
  Pitfall pitfall() const override { return Pitfall::VanishingGradients; }
  void rebuild(bool fixed) override;
  FrameTrained train_frame() override;
  const neuron::Trainer& trainer() const override { return trainer_; }
  std::string summary() const override;
  void add_figures(std::vector<Figure>& out) const override;

  // Each layer's gradient size now (first layer first).
  const std::vector<double>& layer_gradients() const { return layer_gradients_; }

 private:
  void record() override;

  bool relu_ = false;  // the fix: ReLU hidden layers instead of sigmoid ones
  neuron::Trainer trainer_;
  std::vector<double> layer_gradients_;
};

}  // namespace lesson
