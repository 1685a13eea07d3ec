// artificial_model.h: the artificial-neuron calculator: three inputs, their weights, a bias
// and an activation; the multiply-add-activate arithmetic.
#pragma once
#include "neuron.h"
#include "scene_model.h"

namespace lesson {

class ArtificialModel : public SceneModel {
 public:
  static constexpr int kInputs = 3;

  ArtificialModel();
  static constexpr SceneName kName{"artificial", Word::art_title, Word::art_short_title};
  const SceneName& name() const override { return kName; }
  const ParamTable& param_table() const override;
  std::string summary() const override;
  std::vector<Figure> figures() const override;

  neuron::ForwardPass pass() const;
  bool animating() const override { return gliding(); }
  void advance() override;

  // Moves input 1 to `x1` a little each frame (a Try it shows the arithmetic change as the
  // input grows): about 40 frames for a change of 1.
  static constexpr double kGlidePerFrame = 0.025;
  void glide_x1_to(double x1);
  bool gliding() const { return glide_to_ != inputs[0]; }

  double inputs[kInputs] = {1.0, 0.5, -1.0};
  neuron::Neuron cell;

 private:
  double glide_to_ = 1.0;  // input 1's destination (equal to it while still)
};

}  // namespace lesson
