// maths_model.h: the neuron as y = f(Wx + b), and its loss as a surface over two weights
// with the path gradient descent takes across it from a starting point the reader picks.
#pragma once
#include <vector>

#include "dataset.h"
#include "loss_landscape.h"
#include "scene_model.h"

namespace lesson {

class MathsModel : public SceneModel {
 public:
  static constexpr double kRange = 6.0;  // weights (and the bias) in [-6, 6]
  static constexpr int kResolution = 64;
  static constexpr int kSteps = 150;

  MathsModel();
  static constexpr SceneName kName{"maths", Word::maths_title, Word::maths_short_title};
  const SceneName& name() const override { return kName; }
  const ParamTable& param_table() const override;
  std::string summary() const override;
  std::vector<Figure> figures() const override;

  bool animating() const override { return shown_steps_ < int(path_.size()) - 1; }
  void advance() override;
  // Draws the path again from its start, kReplayStepsPerFrame steps a frame (a Try it: the
  // reader watches where the steps go).
  static constexpr int kReplayStepsPerFrame = 3;
  void replay() { shown_steps_ = 0; }
  // The steps drawn so far (all of them unless a replay is under way), and where they end.
  int shown_steps() const { return shown_steps_; }
  const neuron::WeightPoint& shown_end() const { return path_[std::size_t(shown_steps_)]; }

  void set_start(double w1, double w2);
  void set_learning_rate(double rate);
  void set_bias(double bias);
  void set_data(neuron::DataKind kind);

  // The landscape, computed when first asked for after a change (4,096 losses: not at start
  // for a scene the reader may never open, nor once per control moved before it is drawn).
  const neuron::LossGrid& grid() const;
  const std::vector<neuron::WeightPoint>& path() const { return path_; }
  const neuron::Dataset& data() const { return data_; }
  const neuron::LandscapeSetup& setup() const { return setup_; }
  double start_w1() const { return start_w1_; }
  double start_w2() const { return start_w2_; }
  double learning_rate() const { return learning_rate_; }

 private:
  void recompute_path();

  neuron::Dataset data_;
  neuron::LandscapeSetup setup_;
  double start_w1_ = -4.0, start_w2_ = 5.0, learning_rate_ = 2.0;
  mutable neuron::LossGrid grid_;
  mutable bool grid_stale_ = true;  // grid_ is not yet the current data's and bias's
  std::vector<neuron::WeightPoint> path_;
  int shown_steps_ = 0;
};

}  // namespace lesson
