// depth_race.h: the pitfall "deeper is not smarter". Networks of 0 to 6 hidden layers race
// side by side on simple data, a bounded amount of training per frame; more layers do not
// do better, and deep sigmoid stacks do worse.
#pragma once
#include "pitfall.h"

namespace lesson {

class DepthRacePitfall : public PitfallUnit {
 public:
  static constexpr int kMaxDepth = 6;

  Pitfall pitfall() const override { return Pitfall::Depth; }
  void preset(bool fixed) override;
  void rebuild(bool fixed) override;
  FrameTrained train_frame() override;
  bool can_train() const override { return !race_done(); }
  // The highlighted racer (the race is built by rebuild()).
  const neuron::Trainer& trainer() const override { return race_[std::size_t(depth_)]; }
  std::string summary() const override;
  void add_figures(std::vector<Figure>& out) const override;

  // Which racer is highlighted: its hidden layers.
  void set_depth(int hidden_layers) { depth_ = hidden_layers; }
  int depth() const { return depth_; }
  // The hidden activation every racer shares; takes effect at the next rebuild().
  void set_activation(neuron::Activation f) { activation_ = f; }
  neuron::Activation activation() const { return activation_; }
  // One network per depth 0..kMaxDepth, and their accuracy per epoch.
  const std::vector<neuron::Trainer>& race() const { return race_; }
  const std::vector<std::vector<double>>& race_accuracy() const { return race_accuracy_; }
  // Every racer done: diverged or at max_epochs().
  bool race_done() const;

 private:
  bool still_racing(const neuron::Trainer& racer) const;

  int depth_ = 4;
  neuron::Activation activation_ = neuron::Activation::Sigmoid;
  std::vector<neuron::Trainer> race_;
  std::vector<std::vector<double>> race_accuracy_;
};

}  // namespace lesson
