// artificial.h: the artificial-neuron calculator: inputs, weights, bias, activation, and
// the multiply-add-activate arithmetic written out with live numbers.
#pragma once
#include "scene.h"
#include "neuron.h"

namespace lesson {

class ArtificialScene : public Scene {
 public:
  ArtificialScene();
  const char* id() const override { return "artificial"; }
  const char* title() const override { return "Artificial neuron"; }
  void draw() override;
  std::string summary() const override;

  static constexpr int kInputs = 3;
  float inputs[kInputs] = {1.0f, 0.5f, -1.0f};
  neuron::Neuron cell;
};

}  // namespace lesson
