// pitfalls_model.h: the failure modes of training, each one click away, each with its
// mathematical fix:
//  - learning rate too high: a linear neuron on squared error; past the critical rate
//    2 / (largest curvature of the loss), computed from the data (curvature.h), every step
//    overshoots further and the loss grows geometrically (diverges);
//  - mismatched loss: squared error on a sigmoid learns slowly from a confidently wrong
//    start (its gradient carries f'(z) ~ 0), cross-entropy does not;
//  - vanishing gradients: through six sigmoid layers the gradient shrinks ~4x per layer;
//  - deeper is not smarter: networks of 0 to 6 hidden layers race side by side on simple
//    data, a bounded amount of training per frame; more layers do not do better, and deep
//    sigmoid stacks do worse.
#pragma once
#include <vector>

#include "scene_model.h"
#include "trainer.h"

namespace lesson {

enum class Pitfall { LearningRate, MismatchedLoss, VanishingGradients, Depth };

// Everything that is said about one pitfall, in one row.
struct PitfallInfo {
  Pitfall pitfall;
  const char* name;     // in URLs: pitfall=lr
  const char* button;   // the preset's button
  const char* problem;  // what goes wrong, and why
  const char* fix;      // the mathematical fix
  int epochs;           // how long a run lasts before it pauses by itself
};
// In the order of the buttons.
const std::vector<PitfallInfo>& pitfall_table();
const PitfallInfo& info(Pitfall pitfall);
const char* name(Pitfall pitfall);


class PitfallsModel : public SceneModel {
 public:
  static constexpr double kTooHighRate = 1.1;  // the broken preset: above the critical rate
  static constexpr int kMaxDepth = 6;
  static constexpr int kFramesPerOvershoot = 6;

  PitfallsModel();
  const char* id() const override { return "pitfalls"; }
  const char* title() const override { return "Pitfalls"; }
  const ParamTable& param_table() const override;
  std::string summary() const override;
  std::vector<Figure> figures() const override;
  bool animating() const override { return running; }
  // Whether Run can train on: not once diverged or finished (the race: every racer done).
  bool can_train() const;
  void advance() override;

  // One-click presets: show a pitfall broken (fixed = false) or with its fix applied.
  void select(Pitfall pitfall, bool fixed);
  // Values arrive checked against the parameter table.
  void set_learning_rate(double rate);  // learning-rate pitfall only
  void set_depth(int hidden_layers);    // depth pitfall only: which racer is highlighted
  void set_race_activation(neuron::Activation f);  // depth pitfall only: restarts the race
  void reset();

  Pitfall pitfall() const { return pitfall_; }
  bool fixed() const { return fixed_; }
  double learning_rate() const { return learning_rate_; }
  // The learning-rate pitfall's data decide where gradient descent stops converging.
  double critical_rate() const { return critical_rate_; }
  double largest_curvature() const { return 2.0 / critical_rate_; }
  // What "Apply the fix" picks: half the critical rate, rounded to two decimals.
  double fixed_rate() const;
  int depth() const { return depth_; }
  int max_epochs() const { return info(pitfall_).epochs; }

  // The trainer of the current pitfall (for the mismatched loss: the squared-error one; for
  // the depth race: the highlighted racer).
  const neuron::Trainer& trainer() const;
  // Mismatched loss: the cross-entropy twin, and "how wrong" (mean |a - y|) per epoch of both.
  const neuron::Trainer& twin() const { return twin_; }
  const std::vector<double>& error_squared() const { return error_squared_; }
  const std::vector<double>& error_cross_entropy() const { return error_cross_entropy_; }
  // Mismatched loss: the first epoch at which each neuron got every point right (-1: not yet).
  int squared_solved_epoch() const { return squared_solved_; }
  int cross_entropy_solved_epoch() const { return cross_entropy_solved_; }
  // Vanishing gradients: each layer's gradient size now (first layer first).
  const std::vector<double>& layer_gradients() const { return layer_gradients_; }
  // Deeper is not smarter: one network per depth 0..kMaxDepth, their accuracy per epoch,
  // the hidden activation they share.
  const std::vector<neuron::Trainer>& race() const { return race_; }
  const std::vector<std::vector<double>>& race_accuracy() const { return race_accuracy_; }
  neuron::Activation race_activation() const { return race_activation_; }
  // Weight-steps trained in the last frame, by any pitfall (at most kWeightStepsPerFrame).
  long last_frame_work() const { return last_frame_work_; }
  bool race_done() const;

  bool running = false;

 private:
  void rebuild();
  void record();
  void advance_race();
  bool still_racing(const neuron::Trainer& racer) const;

  Pitfall pitfall_ = Pitfall::LearningRate;
  bool fixed_ = false;
  double learning_rate_ = kTooHighRate;
  double critical_rate_ = 1.0;
  int depth_ = 4;
  neuron::Trainer trainer_, twin_;
  std::vector<double> error_squared_, error_cross_entropy_, layer_gradients_;
  int squared_solved_ = -1, cross_entropy_solved_ = -1;
  std::vector<neuron::Trainer> race_;
  std::vector<std::vector<double>> race_accuracy_;
  neuron::Activation race_activation_ = neuron::Activation::Sigmoid;
  long last_frame_work_ = 0;
  int frames_waited_ = 0;
};

}  // namespace lesson
