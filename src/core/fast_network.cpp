// fast_network.cpp: four training points per SIMD vector through a small network.
// Measured in bench/README.md (bench_train).
#include "fast_network.h"

#include <algorithm>
#include <cmath>

namespace neuron {

float fast_tanh(float x) {
  if (x > 4.97f) return 1.0f;
  if (x < -4.97f) return -1.0f;
  const float x2 = x * x;
  const float p = x * (135135.0f + x2 * (17325.0f + x2 * (378.0f + x2)));
  const float q = 135135.0f + x2 * (62370.0f + x2 * (3150.0f + x2 * 28.0f));
  return p / q;
}

namespace {
typedef float Vec __attribute__((vector_size(16)));
inline Vec splat(float x) { return Vec{x, x, x, x}; }
inline Vec vmin(Vec a, Vec b) { return a < b ? a : b; }
inline Vec vmax(Vec a, Vec b) { return a > b ? a : b; }

template <Activation f>
inline Vec act(Vec z) {
  if constexpr (f == Activation::Tanh) {
    // fast_tanh, four at a time; clamping first gives the same +-1 beyond +-4.97.
    const Vec x = vmin(vmax(z, splat(-4.97f)), splat(4.97f));
    const Vec x2 = x * x;
    const Vec p = x * (135135.0f + x2 * (17325.0f + x2 * (378.0f + x2)));
    const Vec q = 135135.0f + x2 * (62370.0f + x2 * (3150.0f + x2 * 28.0f));
    return p / q;
  } else if constexpr (f == Activation::Sigmoid) {
    // sigmoid(z) = (1 + tanh(z / 2)) / 2: four at a time, no libm exp. Beyond |z| = 9.94 it
    // rounds to 0 or 1 (off by < 5e-5); the loss itself is computed from z, exactly.
    return 0.5f + 0.5f * act<Activation::Tanh>(0.5f * z);
  } else if constexpr (f == Activation::Relu) {
    return vmax(z, splat(0.0f));
  } else {
    return z;
  }
}

// f'(z) in terms of a = f(z), which is what the forward pass keeps.
template <Activation f>
inline Vec act_slope(Vec a) {
  if constexpr (f == Activation::Tanh) return 1.0f - a * a;
  else if constexpr (f == Activation::Sigmoid) return a * (1.0f - a);
  else if constexpr (f == Activation::Relu) return a > 0.0f ? splat(1.0f) : splat(0.0f);
  else return splat(1.0f);
}

inline float lane_sum(Vec v) { return (v[0] + v[1]) + (v[2] + v[3]); }

// ---- layer kernels ------------------------------------------------------------------
// Written once with the sizes as parameters. The shapes of the lesson's networks get
// instantiations with the sizes fixed at compile time (In, Out > 0), which the compiler
// unrolls completely; any other shape runs the same code with run-time sizes (In = Out = 0).
template <int In, int Out, Activation f>
void layer_forward(const float* w, const float* b, const Vec* in, Vec* out, Vec* logit, int in_n, int out_n) {
  const int n_in = In ? In : in_n, n_out = Out ? Out : out_n;
  for (int o = 0; o < n_out; ++o) {
    Vec z = splat(b[o]);
    const float* row = w + o * n_in;
    for (int i = 0; i < n_in; ++i) z += row[i] * in[i];
    if (logit) *logit = z;
    out[o] = act<f>(z);
  }
}

// Gradient of one layer for four points, and (below != nullptr) the delta one layer down.
template <int In, int Out, Activation below_f>
void layer_backward(const float* w, const Vec* in, const Vec* delta, Vec* gw, Vec* gb, Vec* below,
                    int in_n, int out_n) {
  const int n_in = In ? In : in_n, n_out = Out ? Out : out_n;
  for (int o = 0; o < n_out; ++o) {
    const Vec d = delta[o];
    gb[o] += d;
    Vec* g_row = gw + o * n_in;
    for (int i = 0; i < n_in; ++i) g_row[i] += d * in[i];
  }
  if (!below) return;
  for (int i = 0; i < n_in; ++i) {
    Vec sum = splat(0.0f);
    for (int o = 0; o < n_out; ++o) sum += w[o * n_in + i] * delta[o];
    below[i] = sum * act_slope<below_f>(in[i]);
  }
}

#define LESSON_FAST_SHAPES(X) X(2, 1) X(2, 4) X(4, 1) X(2, 8) X(8, 8) X(8, 1) X(2, 16) X(16, 16) X(16, 1)

template <Activation f>
void forward_any(const float* w, const float* b, const Vec* in, Vec* out, Vec* logit, int in_n, int out_n) {
#define LESSON_CASE(I, O) \
  if (in_n == I && out_n == O) return layer_forward<I, O, f>(w, b, in, out, logit, in_n, out_n);
  LESSON_FAST_SHAPES(LESSON_CASE)
#undef LESSON_CASE
  layer_forward<0, 0, f>(w, b, in, out, logit, in_n, out_n);
}

template <Activation f>
void backward_any(const float* w, const Vec* in, const Vec* delta, Vec* gw, Vec* gb, Vec* below,
                  int in_n, int out_n) {
#define LESSON_CASE(I, O) \
  if (in_n == I && out_n == O) return layer_backward<I, O, f>(w, in, delta, gw, gb, below, in_n, out_n);
  LESSON_FAST_SHAPES(LESSON_CASE)
#undef LESSON_CASE
  layer_backward<0, 0, f>(w, in, delta, gw, gb, below, in_n, out_n);
}
}  // namespace

FastNetwork::FastNetwork(const Mlp& reference) {
  const std::vector<int> sizes = reference.sizes();
  valid_ = sizes.size() >= 2 && sizes.front() == 2 && sizes.back() == 1 &&
           reference.output_activation() == Activation::Sigmoid &&
           *std::max_element(sizes.begin(), sizes.end()) <= kMaxWidth;
  if (!valid_) return;
  hidden_ = reference.layers.size() > 1 ? reference.layers.front().activation : Activation::Sigmoid;
  for (std::size_t k = 0; k + 1 < reference.layers.size(); ++k)
    valid_ = valid_ && reference.layers[k].activation == hidden_;
  for (const neuron::Layer& src : reference.layers) {
    Layer l;
    l.in = int(src.weights.cols());
    l.out = int(src.weights.rows());
    l.weights.resize(std::size_t(l.in * l.out));
    for (int o = 0; o < l.out; ++o)
      for (int i = 0; i < l.in; ++i) l.weights[std::size_t(o * l.in + i)] = float(src.weights(o, i));
    l.bias.resize(std::size_t(l.out));
    for (int o = 0; o < l.out; ++o) l.bias[std::size_t(o)] = float(src.bias(o));
    l.grad_weights.assign(l.weights.size(), splat(0.0f));
    l.grad_bias.assign(l.bias.size(), splat(0.0f));
    l.activation.assign(std::size_t(l.out), splat(0.0f));
    layers_.push_back(std::move(l));
  }
  delta_.assign(kMaxWidth, splat(0.0f));
  delta_below_.assign(kMaxWidth, splat(0.0f));
}

template <Activation kHidden>
FastNetwork::Vec FastNetwork::forward(const float* x, const int* p) {
  input_[0] = Vec{x[2 * p[0]], x[2 * p[1]], x[2 * p[2]], x[2 * p[3]]};
  input_[1] = Vec{x[2 * p[0] + 1], x[2 * p[1] + 1], x[2 * p[2] + 1], x[2 * p[3] + 1]};
  const Vec* in = input_;
  Vec logit = splat(0.0f);
  for (std::size_t l = 0; l < layers_.size(); ++l) {
    Layer& layer = layers_[l];
    Vec* out = layer.activation.data();
    if (l + 1 == layers_.size())
      forward_any<Activation::Sigmoid>(layer.weights.data(), layer.bias.data(), in, out, &logit, layer.in, layer.out);
    else
      forward_any<kHidden>(layer.weights.data(), layer.bias.data(), in, out, nullptr, layer.in, layer.out);
    in = out;
  }
  return logit;
}

long FastNetwork::train_epoch(const float* x, const float* y, const int* order, int n, int batch,
                              float learning_rate) {
  if (!valid_ || n <= 0) return 0;
  switch (hidden_) {
    case Activation::Tanh: return train_epoch_with<Activation::Tanh>(x, y, order, n, batch, learning_rate);
    case Activation::Relu: return train_epoch_with<Activation::Relu>(x, y, order, n, batch, learning_rate);
    case Activation::Identity: return train_epoch_with<Activation::Identity>(x, y, order, n, batch, learning_rate);
    default: return train_epoch_with<Activation::Sigmoid>(x, y, order, n, batch, learning_rate);
  }
}

template <Activation kHidden>
long FastNetwork::train_epoch_with(const float* x, const float* y, const int* order, int n, int batch,
                                   float learning_rate) {
  batch = std::clamp(batch, 1, n);
  const std::size_t count = layers_.size();
  for (int start = 0; start < n; start += batch) {
    const int size = std::min(batch, n - start);
    for (int g = 0; g < size; g += kLanes) {
      // Up to four points; missing lanes repeat a real point and are masked out below.
      const int lanes = std::min(kLanes, size - g);
      int p[kLanes];
      for (int k = 0; k < kLanes; ++k) p[k] = order[start + g + std::min(k, lanes - 1)];
      forward<kHidden>(x, p);
      const Vec mask{1.0f, lanes > 1 ? 1.0f : 0.0f, lanes > 2 ? 1.0f : 0.0f, lanes > 3 ? 1.0f : 0.0f};
      const Vec labels{y[p[0]], y[p[1]], y[p[2]], y[p[3]]};
      // Cross-entropy on a sigmoid: dL/dz = a - y for the output unit.
      delta_[0] = (layers_.back().activation[0] - labels) * mask;
      for (std::size_t l = count; l-- > 0;) {
        Layer& layer = layers_[l];
        const Vec* in = l == 0 ? input_ : layers_[l - 1].activation.data();
        backward_any<kHidden>(layer.weights.data(), in, delta_.data(), layer.grad_weights.data(),
                              layer.grad_bias.data(), l == 0 ? nullptr : delta_below_.data(), layer.in, layer.out);
        std::swap(delta_, delta_below_);
      }
    }
    // The mean gradient of the batch (the lanes summed), one step down.
    const float step = learning_rate / float(size);
    for (Layer& layer : layers_) {
      for (std::size_t k = 0; k < layer.weights.size(); ++k) {
        layer.weights[k] -= step * lane_sum(layer.grad_weights[k]);
        layer.grad_weights[k] = splat(0.0f);
      }
      for (std::size_t k = 0; k < layer.bias.size(); ++k) {
        layer.bias[k] -= step * lane_sum(layer.grad_bias[k]);
        layer.grad_bias[k] = splat(0.0f);
      }
    }
  }
  return n;
}

double FastNetwork::mean_loss(const float* x, const float* y, int n) {
  if (!valid_ || n <= 0) return 0.0;
  double total = 0.0;
  for (int g = 0; g < n; g += kLanes) {
    const int lanes = std::min(kLanes, n - g);
    int p[kLanes];
    for (int k = 0; k < kLanes; ++k) p[k] = g + std::min(k, lanes - 1);
    Vec z;
    switch (hidden_) {
      case Activation::Tanh: z = forward<Activation::Tanh>(x, p); break;
      case Activation::Relu: z = forward<Activation::Relu>(x, p); break;
      case Activation::Identity: z = forward<Activation::Identity>(x, p); break;
      default: z = forward<Activation::Sigmoid>(x, p); break;
    }
    for (int k = 0; k < lanes; ++k) total += loss_value(Loss::CrossEntropy, z[k], 0.0, y[p[k]]);
  }
  return total / n;
}

Mlp FastNetwork::to_mlp() const {
  Mlp out;
  for (std::size_t l = 0; l < layers_.size(); ++l) {
    const Layer& src = layers_[l];
    neuron::Layer dst;
    dst.activation = l + 1 == layers_.size() ? Activation::Sigmoid : hidden_;
    dst.weights.resize(src.out, src.in);
    for (int o = 0; o < src.out; ++o)
      for (int i = 0; i < src.in; ++i) dst.weights(o, i) = src.weights[std::size_t(o * src.in + i)];
    dst.bias.resize(src.out);
    for (int o = 0; o < src.out; ++o) dst.bias(o) = src.bias[std::size_t(o)];
    out.layers.push_back(std::move(dst));
  }
  return out;
}

}  // namespace neuron
