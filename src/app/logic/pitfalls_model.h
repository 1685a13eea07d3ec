// pitfalls_model.h: the failure modes of training, each one click away, each with its
// mathematical fix. Each pitfall is a unit of its own (pitfalls/: rate_too_high,
// mismatched_loss, vanishing_gradients, depth_race); the model holds them all, shows the
// current one, and owns what they share: Run, Reset, broken or fixed, the frame's work.
#pragma once
#include <vector>

#include "pitfalls/depth_race.h"
#include "pitfalls/mismatched_loss.h"
#include "pitfalls/pitfall.h"
#include "pitfalls/rate_too_high.h"
#include "pitfalls/vanishing_gradients.h"
#include "scene_model.h"

namespace lesson {

class PitfallsModel : public SceneModel {
 public:
  PitfallsModel();
  static constexpr SceneName kName{"pitfalls", Word::pitfall_title, Word::pitfall_title};
  const SceneName& name() const override { return kName; }
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
  void set_learning_rate(double rate);  // the rate-too-high pitfall's rate: fixed below the critical one
  void set_depth(int hidden_layers);    // the depth race: which racer is highlighted
  void set_race_activation(neuron::Activation f);  // the depth race: restarts it
  void reset();

  Pitfall pitfall() const { return pitfall_; }
  // Whether `pitfall` is the one shown (a pitfall's own parameters apply only then).
  bool shows(Pitfall pitfall) const { return pitfall_ == pitfall; }
  bool fixed() const { return fixed_; }
  int max_epochs() const { return current().max_epochs(); }
  // The current pitfall's trainer (for the mismatched loss: the squared-error one; for the
  // depth race: the highlighted racer).
  const neuron::Trainer& trainer() const { return current().trainer(); }
  // Weight-steps trained in the last frame, by any pitfall (at most kWeightStepsPerFrame).
  long last_frame_work() const { return last_frame_work_; }

  // Each pitfall, for what only it has (its plots, its prediction).
  const PitfallUnit& current() const;
  const RateTooHighPitfall& rate_too_high() const { return rate_too_high_; }
  const MismatchedLossPitfall& mismatched_loss() const { return mismatched_loss_; }
  const VanishingGradientsPitfall& vanishing_gradients() const { return vanishing_gradients_; }
  const DepthRacePitfall& depth_race() const { return depth_race_; }

  bool running = false;

 private:
  PitfallUnit& current();
  void rebuild();

  RateTooHighPitfall rate_too_high_;
  MismatchedLossPitfall mismatched_loss_;
  VanishingGradientsPitfall vanishing_gradients_;
  DepthRacePitfall depth_race_;

  Pitfall pitfall_ = Pitfall::RateTooHigh;
  bool fixed_ = false;
  long last_frame_work_ = 0;
};

}  // namespace lesson
