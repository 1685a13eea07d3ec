// vanishing_gradients.cpp: a six-layer stack on two circles, its gradient measured layer by
// layer as it trains.
#include "vanishing_gradients.h"

#include "training_setup.h"

namespace lesson {

using neuron::Activation;

namespace {
neuron::Trainer stack(bool relu) {
  neuron::DataOptions circles;
  circles.points = 200;
  circles.noise = 0.1;
  circles.seed = 1;
  return neuron::Trainer(
      neuron::Mlp(layer_sizes(VanishingGradientsPitfall::kHiddenLayers, 8), relu ? Activation::Relu : Activation::Sigmoid,
                  Activation::Sigmoid, 1),
      neuron::make_dataset(neuron::DataKind::Circles, circles), train_config(0.3, neuron::Loss::CrossEntropy, 20));
}
}  // namespace

VanishingGradientsPitfall::VanishingGradientsPitfall() : trainer_(stack(relu_)) {}

void VanishingGradientsPitfall::rebuild(bool fixed) {
  relu_ = fixed;
  trainer_ = stack(relu_);
  record();
}

void VanishingGradientsPitfall::record() { layer_gradients_ = trainer_.layer_gradient_norms(); }

FrameTrained VanishingGradientsPitfall::train_frame() { return train_side_by_side({&trainer_}, 4); }

std::string VanishingGradientsPitfall::summary() const {
  const neuron::Trainer& t = trainer_;
  const double first = layer_gradients_.empty() ? 0 : layer_gradients_.front();
  const double last = layer_gradients_.empty() ? 0 : layer_gradients_.back();
  return say(relu_ ? Word::pitfall_vanishing_summary_relu : Word::pitfall_vanishing_summary_sigmoid,
             {std::to_string(t.epoch()), format_significant(first), format_significant(last),
              format_significant(last / first), format_number(t.loss(), 3), format_number(100 * t.accuracy(), 0)});
}

void VanishingGradientsPitfall::add_figures(std::vector<Figure>& out) const {
  if (layer_gradients_.empty()) return;
  out.push_back({"gradientFirst", layer_gradients_.front()});
  out.push_back({"gradientLast", layer_gradients_.back()});
  out.push_back({"gradientRatio", layer_gradients_.back() / layer_gradients_.front()});
}

}  // namespace lesson
