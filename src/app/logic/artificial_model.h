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
  const char* id() const override { return "artificial"; }
  const char* title() const override { return "Artificial neuron"; }
  const ParamTable& param_table() const override;
  std::string summary() const override;
  std::vector<Figure> figures() const override;

  neuron::ForwardPass pass() const;

  double inputs[kInputs] = {1.0, 0.5, -1.0};
  neuron::Neuron cell;
};

}  // namespace lesson
