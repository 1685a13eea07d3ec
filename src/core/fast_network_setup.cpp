// fast_network_setup.cpp: building the fast engine from a reference network, and copying
// its weights back: everything outside the hot loops (fast_network.cpp), size-optimised
// with the rest of the page.
#include <algorithm>
#include <cmath>

#include "fast_network.h"

namespace neuron {

FastNetwork::FastNetwork(const Mlp& reference, Loss loss) : loss_(loss) {
  const std::vector<int> sizes = reference.sizes();
  output_ = reference.layers.empty() ? Activation::Step : reference.output_activation();
  valid_ = sizes.size() >= 2 && sizes.front() == 2 && sizes.back() == 1 &&
           *std::max_element(sizes.begin(), sizes.end()) <= kMaxWidth;
  if (output_ == Activation::Sigmoid)
    rule_ = loss == Loss::CrossEntropy ? OutputRule::SigmoidCrossEntropy : OutputRule::SigmoidSquaredError;
  else if (output_ == Activation::Identity && loss == Loss::SquaredError)
    rule_ = OutputRule::IdentitySquaredError;
  else
    valid_ = false;
  if (!valid_) return;
  hidden_ = reference.layers.size() > 1 ? reference.layers.front().activation : Activation::Sigmoid;
  valid_ = valid_ && hidden_ != Activation::Step;
  for (const neuron::Layer& src : reference.layers) {
    Layer l;
    l.in = int(src.weights.cols());
    l.out = int(src.weights.rows());
    l.offset = parameters_.size();
    for (int o = 0; o < l.out; ++o)
      for (int i = 0; i < l.in; ++i) parameters_.push_back(float(src.weights(o, i)));
    for (int o = 0; o < l.out; ++o) parameters_.push_back(float(src.bias(o)));
    if (src.activation != (&src == &reference.layers.back() ? output_ : hidden_)) valid_ = false;
    l.activation.assign(std::size_t(l.out), Vec{});
    layers_.push_back(std::move(l));
  }
  gradients_.assign(parameters_.size(), Vec{});
  delta_.assign(kMaxWidth, Vec{});
  delta_below_.assign(kMaxWidth, Vec{});
  train_epoch_ = choose_epoch(hidden_, sizes);
}

double FastNetwork::mean_loss(const float* x, const float* y, int n) { return evaluate(x, y, n).loss; }

bool FastNetwork::parameters_within(float limit) const {
  for (float p : parameters_)
    if (!(std::fabs(p) <= limit)) return false;  // false for NaN too
  return true;
}

void FastNetwork::copy_to(Mlp& model) const {
  for (std::size_t l = 0; l < layers_.size() && l < model.layers.size(); ++l) {
    const Layer& src = layers_[l];
    neuron::Layer& dst = model.layers[l];
    const float* params = parameters_.data() + src.offset;
    for (int o = 0; o < src.out; ++o) {
      for (int i = 0; i < src.in; ++i) dst.weights(o, i) = params[o * src.in + i];
      dst.bias(o) = params[src.out * src.in + o];
    }
  }
}

Mlp FastNetwork::to_mlp() const {
  Mlp out;
  for (std::size_t l = 0; l < layers_.size(); ++l) {
    neuron::Layer dst;
    dst.activation = l + 1 == layers_.size() ? output_ : hidden_;
    dst.weights.resize(layers_[l].out, layers_[l].in);
    dst.bias.resize(layers_[l].out);
    out.layers.push_back(std::move(dst));
  }
  copy_to(out);
  return out;
}

}  // namespace neuron
