// artificial_model.h: the artificial-neuron calculator: three inputs, their weights, a bias
// and an activation; the multiply-add-activate arithmetic.
#pragma once
#include "neuron.h"
#include "scene_model.h"

namespace lesson {

class ArtificialModel : public SceneModel {
 public:
  static constexpr int kInputs = 3;
  static constexpr double kInputRange = 2.0, kWeightRange = 3.0;

  ArtificialModel();
  const char* id() const override { return "artificial"; }
  const char* title() const override { return "Artificial neuron"; }
  void apply(const QueryParam& param, Warnings& warnings) override;
  std::vector<QueryParam> params() const override;
  std::string summary() const override;
  std::vector<Figure> figures() const override;

  neuron::ForwardPass pass() const;

  double inputs[kInputs] = {1.0, 0.5, -1.0};
  neuron::Neuron cell;
};

}  // namespace lesson
