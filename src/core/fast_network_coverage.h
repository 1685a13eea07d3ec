// fast_network_coverage.h: every configuration in which the fast engine is checked against
// the reference. tests/core/engines_test.cpp trains both engines in each one;
// tests/logic/engines_test.cpp checks that every trainer a scene can build is one of them,
// so a scene that gains a shape, a loss or a batch size fails a test until it is added here.
// (Only the tests read this list; the page does not link it.)
#pragma once
#include <algorithm>
#include <optional>
#include <vector>

#include "trainer.h"

namespace neuron {

// What decides the fast engine's arithmetic: the network, the loss it descends, how the
// points are batched, and the learning rates the page lets it take.
struct EngineConfiguration {
  std::vector<int> sizes;                 // {2, hidden..., 1}
  Activation hidden = Activation::Tanh;   // every layer before the output (one neuron: its own)
  Activation output = Activation::Sigmoid;
  Loss loss = Loss::CrossEntropy;
  int batch_size = 0;                     // 0: full batch
  double min_learning_rate = 0.3, max_learning_rate = 0.3;  // both included

  // The same network, loss and batches, whatever the learning rates.
  bool same_training(const EngineConfiguration& other) const {
    return sizes == other.sizes && hidden == other.hidden && output == other.output && loss == other.loss &&
           batch_size == other.batch_size;
  }
};

// {2, width x layers, 1}.
inline std::vector<int> stacked_sizes(int hidden_layers, int width) {
  std::vector<int> sizes{2};
  sizes.insert(sizes.end(), std::size_t(hidden_layers), width);
  sizes.push_back(1);
  return sizes;
}

// The list, scene by scene: each row is a configuration one of them builds.
inline std::vector<EngineConfiguration> checked_engine_configurations() {
  using A = Activation;
  std::vector<EngineConfiguration> list;
  // Training: a sigmoid neuron, or 1-3 tanh layers of 2-8 units under a sigmoid output;
  // either loss; full batch; the learning-rate slider's whole range. (The pitfall of the
  // mismatched loss, a sigmoid neuron at eta 1 with either loss, is among these.)
  for (Loss loss : {Loss::CrossEntropy, Loss::SquaredError}) {
    list.push_back({stacked_sizes(0, 0), A::Sigmoid, A::Sigmoid, loss, 0, 0.001, 1000.0});
    for (int layers = 1; layers <= 3; ++layers)
      for (int width = 2; width <= 8; ++width)
        list.push_back({stacked_sizes(layers, width), A::Tanh, A::Sigmoid, loss, 0, 0.001, 1000.0});
  }
  // Pitfalls, learning rate too high: a linear neuron on squared error, eta 0.01 to 10.
  list.push_back({stacked_sizes(0, 0), A::Identity, A::Identity, Loss::SquaredError, 0, 0.01, 10.0});
  // Pitfalls, vanishing gradients: six sigmoid (broken) or ReLU (fixed) layers of 8, in
  // mini-batches of 20.
  for (A hidden : {A::Sigmoid, A::Relu})
    list.push_back({stacked_sizes(6, 8), hidden, A::Sigmoid, Loss::CrossEntropy, 20, 0.3, 0.3});
  // Pitfalls, deeper is not smarter: 1-6 layers of 8 with each activation, full batch
  // (depth 0, and tanh up to three layers, are training rows above).
  for (A hidden : {A::Sigmoid, A::Tanh, A::Relu})
    for (int layers = hidden == A::Tanh ? 4 : 1; layers <= 6; ++layers)
      list.push_back({stacked_sizes(layers, 8), hidden, A::Sigmoid, Loss::CrossEntropy, 0, 0.3, 0.3});
  return list;
}

// The configuration a trainer trains in (its learning rate as both ends of the range), or
// none if its hidden layers do not share one activation (the fast engine refuses those).
inline std::optional<EngineConfiguration> configuration_of(const Trainer& trainer) {
  const Mlp& network = trainer.initial();
  if (network.layers.empty()) return std::nullopt;
  EngineConfiguration c;
  c.sizes = network.sizes();
  c.hidden = network.layers.front().activation;
  for (std::size_t l = 0; l + 1 < network.layers.size(); ++l)
    if (network.layers[l].activation != c.hidden) return std::nullopt;
  c.output = network.output_activation();
  c.loss = trainer.config().loss;
  const int points = int(trainer.data().points.size());
  // A batch as large as the data (or larger) is the full batch: Trainer runs it as one.
  c.batch_size = trainer.config().batch_size >= points ? 0 : std::max(0, trainer.config().batch_size);
  c.min_learning_rate = c.max_learning_rate = trainer.config().learning_rate;
  return c;
}

// Whether the list holds this trainer's configuration, at its learning rate.
inline bool engines_checked_in(const Trainer& trainer) {
  const std::optional<EngineConfiguration> c = configuration_of(trainer);
  if (!c) return false;
  for (const EngineConfiguration& row : checked_engine_configurations())
    if (row.same_training(*c) && row.min_learning_rate <= c->min_learning_rate &&
        c->max_learning_rate <= row.max_learning_rate)
      return true;
  return false;
}

}  // namespace neuron
