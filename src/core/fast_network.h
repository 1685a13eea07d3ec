// fast_network.h: the engine the page trains with (Trainer's Engine::Fast). The same small
// network and mini-batch gradient descent as Mlp (Engine::Reference, which defines the
// maths), rewritten for speed:
//  - float instead of double, every buffer allocated once;
//  - four training points at a time, one per SIMD lane, so every multiply-add of the
//    forward and backward passes is a 4-wide vector operation with no horizontal sums
//    (the compilers' vector extension: SSE natively, simd128 in wasm with -msimd128);
//  - tanh (and the output sigmoid, as (1 + tanh(z/2)) / 2) by a rational approximation
//    instead of libm calls, which dominate in wasm;
//  - the lesson's network shapes compiled with fixed sizes: one fully unrolled function per
//    shape, its activations and deltas in registers (see train_group in the .cpp).
// The double-precision Mlp stays the reference: tests/core/engines_test.cpp trains both, from
// the same weights in the same order, in every configuration the page trains.
#pragma once
#include <cstdint>
#include <vector>

#include "activation.h"
#include "loss.h"
#include "mlp.h"
#include "random.h"

namespace neuron {

// tanh(x) by Lambert's continued fraction cut to a 7/6 rational function, clamped to +-1
// beyond |x| = 4.97. Largest error (measured in tests/core/fast_network_test.cpp): 2e-7 for
// |x| < 2, 1.1e-6 for |x| < 3, 1e-4 anywhere: far below what changes a training run.
float fast_tanh(float x);

class FastNetwork {
 public:
  static constexpr int kMaxWidth = 64;
  static constexpr int kLanes = 4;  // training points per vector

  // How the output unit's error is measured (loss.h): what backpropagation starts from.
  enum class OutputRule { SigmoidCrossEntropy, SigmoidSquaredError, IdentitySquaredError };

  // Copies the layer sizes, activations and weights of a reference network. Hidden layers
  // share one activation (tanh, sigmoid, ReLU or identity); the output is one unit, a
  // sigmoid (cross-entropy or squared error) or the identity (squared error). Anything else
  // leaves valid() false and train_epoch does nothing.
  explicit FastNetwork(const Mlp& reference, Loss loss = Loss::CrossEntropy);
  bool valid() const { return valid_; }

  // One epoch of mini-batch gradient descent over n points (x: 2 floats per point, y: the
  // labels), visiting them in the given order, which is shuffled in place first when a
  // generator is given (as Trainer does every epoch). Returns the number of samples processed.
  long train_epoch(const float* x, const float* y, int* order, int n, int batch, float learning_rate,
                   Rng* shuffle = nullptr);
  // Mean loss and fraction classified right (output >= 0.5 means class 1) over the points:
  // the forward pass in float, each point's loss from its output in double as loss.h has it.
  struct Evaluation {
    double loss = 0.0, accuracy = 0.0;
  };
  Evaluation evaluate(const float* x, const float* y, int n);
  double mean_loss(const float* x, const float* y, int n);
  // Every weight and bias is finite and at most `limit` in size.
  bool parameters_within(float limit) const;
  // Every weight and bias, layer by layer (weights row-major, then biases): to save and restore.
  const std::vector<float>& parameters() const { return parameters_; }
  void set_parameters(const std::vector<float>& p) {
    if (p.size() == parameters_.size()) parameters_ = p;
  }
  // The trained weights back in a double-precision network: into one of the same shape
  // (no allocation), or a new one.
  void copy_to(Mlp& model) const;
  Mlp to_mlp() const;

 private:
  typedef float Vec __attribute__((vector_size(16)));  // kLanes floats
  struct Layer {
    int in = 0, out = 0;
    std::size_t offset = 0;        // where its weights (out x in, row-major), then biases, start
    std::vector<Vec> activation;   // this layer's outputs for the current 4 points
  };
  struct Epoch {  // train_epoch's arguments
    const float* x;
    const float* y;
    int* order;
    int n, batch;
    float learning_rate;
    Rng* shuffle;
  };
  using EpochFunction = long (FastNetwork::*)(const Epoch&);
  static EpochFunction choose_epoch(Activation hidden, const std::vector<int>& sizes);
  template <Activation kHidden>
  static EpochFunction epoch_function_for(const std::vector<int>& sizes);
  template <Activation kHidden, int... kSizes>
  long train_epoch_fixed(const Epoch& epoch);
  long train_epoch_any(const Epoch& epoch);
  template <typename GroupStep>
  long run_epoch(const Epoch& epoch, GroupStep train_group_of_four);
  // Forward pass of four points (their two inputs, one point per lane) with run-time sizes,
  // keeping every layer's output; returns the output logits.
  Vec forward(const Vec* input);

  std::vector<Layer> layers_;
  std::vector<float> parameters_;  // every layer's weights and biases, one after the other
  std::vector<Vec> gradients_;     // the same layout, per lane, summed over lanes at batch end
  Activation hidden_ = Activation::Tanh, output_ = Activation::Sigmoid;
  Loss loss_ = Loss::CrossEntropy;
  OutputRule rule_ = OutputRule::SigmoidCrossEntropy;
  std::vector<Vec> delta_, delta_below_;
  EpochFunction train_epoch_ = nullptr;  // the fixed-shape or the general epoch, chosen once
  bool valid_ = false;
};

}  // namespace neuron
