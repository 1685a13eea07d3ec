// fast_network.cpp: the fast engine's hot loops, four training points per SIMD vector
// through a small network. Compiled for speed (in wasm: -O3, SIMD, outside LTO) while its
// setup (fast_network_setup.cpp) is size-optimised with the rest. Measured in
// bench/README.md (bench_train).
#include "fast_network.h"

#include <algorithm>
#include <cmath>
#include <cstring>

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
using OutputRule = FastNetwork::OutputRule;
inline Vec splat(float x) { return Vec{x, x, x, x}; }

// The two inputs of four points (indices p[0..3], 2 floats per point in x), one point per lane.
inline void gather_inputs(const float* x, const int* p, Vec input[2]) {
  input[0] = Vec{x[2 * p[0]], x[2 * p[1]], x[2 * p[2]], x[2 * p[3]]};
  input[1] = Vec{x[2 * p[0] + 1], x[2 * p[1] + 1], x[2 * p[2] + 1], x[2 * p[3] + 1]};
}
#if defined(__wasm_simd128__)
// wasm's pseudo-min and -max (b < a ? b : a, and a < b ? b : a) are one x86 instruction
// each in V8; the comparison and select they stand for, or the IEEE min and max that order
// NaNs and signed zeros too, cost several.
inline Vec vmin(Vec a, Vec b) { return __builtin_wasm_pmin_f32x4(a, b); }
inline Vec vmax(Vec a, Vec b) { return __builtin_wasm_pmax_f32x4(a, b); }
#else
inline Vec vmin(Vec a, Vec b) { return b < a ? b : a; }
inline Vec vmax(Vec a, Vec b) { return a < b ? b : a; }
#endif

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

// dL/dz of the output unit for four points, from its pre-activation z (see loss.h).
inline Vec output_delta(OutputRule rule, Vec z, Vec y) {
  switch (rule) {
    case OutputRule::SigmoidCrossEntropy: return act<Activation::Sigmoid>(z) - y;  // f'(z) cancels
    case OutputRule::SigmoidSquaredError: {
      const Vec a = act<Activation::Sigmoid>(z);
      return 2.0f * (a - y) * (a * (1.0f - a));
    }
    default: return 2.0f * (z - y);  // identity output, squared error
  }
}

inline float lane_sum(Vec v) { return (v[0] + v[2]) + (v[1] + v[3]); }

// The lane sums of four vectors at once, as one vector: {sum(a), sum(b), sum(c), sum(d)}.
// Six shuffles and three adds instead of twelve lane extractions and twelve scalar adds.
inline Vec lane_sums(Vec a, Vec b, Vec c, Vec d) {
  const Vec ab = __builtin_shufflevector(a, b, 0, 4, 1, 5) + __builtin_shufflevector(a, b, 2, 6, 3, 7);
  const Vec cd = __builtin_shufflevector(c, d, 0, 4, 1, 5) + __builtin_shufflevector(c, d, 2, 6, 3, 7);
  return __builtin_shufflevector(ab, cd, 0, 1, 4, 5) + __builtin_shufflevector(ab, cd, 2, 3, 6, 7);
}

// parameters -= step * (lane sums of the gradients).
void descend(std::vector<float>& parameters, std::vector<Vec>& gradients, float step) {
  const std::size_t count = parameters.size();
  float* p = parameters.data();
  Vec* g = gradients.data();
  std::size_t k = 0;
  for (; k + 4 <= count; k += 4) {
    Vec v;
    std::memcpy(&v, p + k, sizeof v);
    v -= step * lane_sums(g[k], g[k + 1], g[k + 2], g[k + 3]);
    std::memcpy(p + k, &v, sizeof v);
  }
  for (; k < count; ++k) p[k] -= step * lane_sum(g[k]);
}

// ---- layer kernels ------------------------------------------------------------------
// A layer's parameters are its weights (out x in, row-major) followed by its biases; its
// gradients have the same layout, one vector (four points) per parameter. Written once with
// the sizes as parameters: the shapes of the lesson's networks get instantiations with the
// sizes fixed at compile time (In, Out > 0), any other shape runs the same code with run-time
// sizes (In = Out = 0). With fixed sizes the loops over a layer's inputs are unrolled and
// the loops over its units are not: unrolled too, the code doubled and V8 spent more time
// moving values between registers and the stack than it saved (bench/README.md).
// body(i) for i < n: unrolled when the count N is known at compile time, a plain loop when
// it is not (N = 0). Unrolling the run-time loops 16 ways as well, with their remainders, cost
// the page 45 KB of wasm for no speed it needs.
template <int N, typename Body>
inline __attribute__((always_inline)) void for_index(int n, Body body) {
  if constexpr (N > 0) {
#pragma GCC unroll 16
    for (int i = 0; i < N; ++i) body(i);
  } else {
    for (int i = 0; i < n; ++i) body(i);
  }
}

template <int In, int Out, Activation f>
void layer_forward(const float* params, const Vec* in, Vec* out, Vec* logit, int in_n, int out_n) {
  const int n_in = In ? In : in_n, n_out = Out ? Out : out_n;
  const float* bias = params + n_out * n_in;
#pragma GCC unroll 1
  for (int o = 0; o < n_out; ++o) {
    Vec z = splat(bias[o]);
    const float* row = params + o * n_in;
    for_index<In>(n_in, [&](int i) { z += row[i] * in[i]; });
    if (logit) *logit = z;
    out[o] = act<f>(z);
  }
}

// Gradient of one layer for four points, and (below != nullptr) the delta one layer down.
// The first group of a mini-batch writes its gradients, the others add to them.
template <int In, int Out, Activation below_f>
void layer_backward(const float* params, const Vec* in, const Vec* delta, Vec* grads, Vec* below, bool first,
                    int in_n, int out_n) {
  const int n_in = In ? In : in_n, n_out = Out ? Out : out_n;
  Vec* grad_bias = grads + n_out * n_in;
#pragma GCC unroll 1
  for (int o = 0; o < n_out; ++o) {
    const Vec d = delta[o];
    Vec* grad_row = grads + o * n_in;
    if (first) {
      grad_bias[o] = d;
      for_index<In>(n_in, [&](int i) { grad_row[i] = d * in[i]; });
    } else {
      grad_bias[o] += d;
      for_index<In>(n_in, [&](int i) { grad_row[i] += d * in[i]; });
    }
  }
  if (!below) return;
  for_index<In>(n_in, [&](int i) {
    Vec sum = splat(0.0f);
    for_index<Out>(n_out, [&](int o) { sum += params[o * n_in + i] * delta[o]; });
    below[i] = sum * act_slope<below_f>(in[i]);
  });
}

// The run-time-sized path applies the hidden activation in a pass of its own, read at run
// time: one copy of the kernels for every activation (a copy per activation cost the page
// 3 KB of gzipped wasm), and a switch per layer instead of per weight.
template <Activation f>
void activate_all(Vec* v, int n) {
  for (int i = 0; i < n; ++i) v[i] = act<f>(v[i]);
}
void activate_all(Activation f, Vec* v, int n) {
  switch (f) {
    case Activation::Tanh: return activate_all<Activation::Tanh>(v, n);
    case Activation::Relu: return activate_all<Activation::Relu>(v, n);
    case Activation::Sigmoid: return activate_all<Activation::Sigmoid>(v, n);
    default: return;
  }
}
// delta[i] *= f'(z_i), from the activations a_i = f(z_i).
template <Activation f>
void scale_by_slope(Vec* delta, const Vec* a, int n) {
  for (int i = 0; i < n; ++i) delta[i] *= act_slope<f>(a[i]);
}
void scale_by_slope(Activation f, Vec* delta, const Vec* a, int n) {
  switch (f) {
    case Activation::Tanh: return scale_by_slope<Activation::Tanh>(delta, a, n);
    case Activation::Relu: return scale_by_slope<Activation::Relu>(delta, a, n);
    case Activation::Sigmoid: return scale_by_slope<Activation::Sigmoid>(delta, a, n);
    default: return;
  }
}

// ---- fixed shapes ---------------------------------------------------------------------
// The lesson's shapes with every size known at compile time, one training point group in a
// single inlined function: each layer computes its output, hands it to the rest of the
// network, gets back the gradient with respect to that output (delta), adds up its own
// weight gradients and, unless it is the first layer, returns the gradient for its input.
// The activations and deltas are locals, and every parameter sits at a fixed offset from
// one pointer, which leaves the registers to the arithmetic.
template <Activation f, bool kFirst, int In, int Out, int... Rest>
inline __attribute__((always_inline)) void train_group(const float* params, Vec* grads, const Vec* in,
                                                       Vec labels, Vec mask, OutputRule rule, Vec* delta_in) {
  Vec out[Out], delta[Out];
  if constexpr (sizeof...(Rest) == 0) {
    static_assert(Out == 1, "the output layer is one unit");
    layer_forward<In, Out, Activation::Identity>(params, in, out, nullptr, In, Out);
    delta[0] = output_delta(rule, out[0], labels) * mask;
  } else {
    layer_forward<In, Out, f>(params, in, out, nullptr, In, Out);
    constexpr int kNext = Out * In + Out;  // where the next layer's parameters start
    train_group<f, kFirst, Out, Rest...>(params + kNext, grads + kNext, out, labels, mask, rule, delta);
  }
  layer_backward<In, Out, f>(params, in, delta, grads, delta_in, kFirst, In, Out);
}

// The shapes compiled with fixed sizes; any other shape runs the same kernels with sizes
// read at run time. Each fixed shape costs about 1.4 KB of gzipped wasm per hidden
// activation, so the page (LESSON_FAST_SHAPES=0) runs everything with run-time sizes and only
// the benchmarks compile the fixed ones (bench/README.md compares the two).
#ifndef LESSON_FAST_SHAPES
#define LESSON_FAST_SHAPES 1
#endif
#if LESSON_FAST_SHAPES
#define LESSON_FIXED_SHAPES(X) X(2, 1) X(2, 4, 1) X(2, 8, 1) X(2, 16, 1) X(2, 4, 4, 1) X(2, 8, 8, 1) X(2, 16, 16, 1)
#else
#define LESSON_FIXED_SHAPES(X)
#endif
}  // namespace

FastNetwork::EpochFunction FastNetwork::choose_epoch(Activation hidden, const std::vector<int>& sizes) {
  switch (hidden) {
    case Activation::Tanh: return epoch_function_for<Activation::Tanh>(sizes);
    case Activation::Relu: return epoch_function_for<Activation::Relu>(sizes);
    case Activation::Identity: return epoch_function_for<Activation::Identity>(sizes);
    default: return epoch_function_for<Activation::Sigmoid>(sizes);
  }
}

FastNetwork::Vec FastNetwork::forward(const Vec* input) {
  const Vec* in = input;
  Vec logit = splat(0.0f);
  for (std::size_t l = 0; l < layers_.size(); ++l) {
    Layer& layer = layers_[l];
    Vec* out = layer.activation.data();
    const float* params = parameters_.data() + layer.offset;
    layer_forward<0, 0, Activation::Identity>(params, in, out, &logit, layer.in, layer.out);
    if (l + 1 < layers_.size()) activate_all(hidden_, out, layer.out);
    in = out;
  }
  return logit;
}

long FastNetwork::train_epoch(const float* x, const float* y, int* order, int n, int batch, float learning_rate,
                              Rng* shuffle) {
  if (!valid_ || n <= 0) return 0;
  return (this->*train_epoch_)(Epoch{x, y, order, n, batch, learning_rate, shuffle});
}

// Chosen once, in the constructor. Called through a pointer, each shape's epoch stays a
// function of its own: Binaryen inlines a function with one call site into its caller, and
// would otherwise fold every shape into train_epoch (one 57,000-line function in wasm that
// V8 compiled slowly and allocated registers badly for), or further into a caller entered
// only once, where V8 never replaces the baseline code (wasm has no on-stack replacement).
template <Activation kHidden>
FastNetwork::EpochFunction FastNetwork::epoch_function_for(const std::vector<int>& sizes) {
#define LESSON_CASE(...) \
  if (sizes == std::vector<int>{__VA_ARGS__}) return &FastNetwork::train_epoch_fixed<kHidden, __VA_ARGS__>;
  LESSON_FIXED_SHAPES(LESSON_CASE)
  (void)sizes;  // no fixed shapes in this build
#undef LESSON_CASE
  return &FastNetwork::train_epoch_any;
}

template <Activation kHidden, int... kSizes>
long FastNetwork::train_epoch_fixed(const Epoch& epoch) {
  const float* params = parameters_.data();
  Vec* grads = gradients_.data();
  const OutputRule rule = rule_;
  return run_epoch(epoch, [params, grads, rule](const Vec* input, Vec labels, Vec mask, bool first) {
    if (first)
      train_group<kHidden, true, kSizes...>(params, grads, input, labels, mask, rule, nullptr);
    else
      train_group<kHidden, false, kSizes...>(params, grads, input, labels, mask, rule, nullptr);
  });
}

// Any other shape: forward with run-time sizes, keeping every layer's output, then back.
long FastNetwork::train_epoch_any(const Epoch& epoch) {
  return run_epoch(epoch, [this](const Vec* input, Vec labels, Vec mask, bool first) {
    delta_[0] = output_delta(rule_, forward(input), labels) * mask;
    for (std::size_t l = layers_.size(); l-- > 0;) {
      const Layer& layer = layers_[l];
      const Vec* below = l == 0 ? input : layers_[l - 1].activation.data();
      layer_backward<0, 0, Activation::Identity>(parameters_.data() + layer.offset, below, delta_.data(),
                                                 gradients_.data() + layer.offset,
                                                 l == 0 ? nullptr : delta_below_.data(), first, layer.in, layer.out);
      if (l > 0) scale_by_slope(hidden_, delta_below_.data(), below, layer.in);
      std::swap(delta_, delta_below_);
    }
  });
}

// Mini-batches of groups of four points (one per lane); after each batch, the mean
// gradient (the lanes summed) one step down.
template <typename GroupStep>
long FastNetwork::run_epoch(const Epoch& epoch, GroupStep train_group_of_four) {
  const float* x = epoch.x;
  const float* y = epoch.y;
  const int* order = epoch.order;
  const int n = epoch.n, batch = std::clamp(epoch.batch, 1, n);
  if (epoch.shuffle) epoch.shuffle->shuffle(epoch.order, std::size_t(n));
  for (int start = 0; start < n; start += batch) {
    const int size = std::min(batch, n - start);
    for (int g = 0; g < size; g += kLanes) {
      // Up to four points; missing lanes repeat a real point and are masked out.
      const int lanes = std::min(kLanes, size - g);
      int p[kLanes];
      for (int k = 0; k < kLanes; ++k) p[k] = order[start + g + std::min(k, lanes - 1)];
      Vec input[2];
      gather_inputs(x, p, input);
      const Vec mask{1.0f, lanes > 1 ? 1.0f : 0.0f, lanes > 2 ? 1.0f : 0.0f, lanes > 3 ? 1.0f : 0.0f};
      train_group_of_four(input, Vec{y[p[0]], y[p[1]], y[p[2]], y[p[3]]}, mask, g == 0);
    }
    descend(parameters_, gradients_, epoch.learning_rate / float(size));
  }
  return n;
}

FastNetwork::Evaluation FastNetwork::evaluate(const float* x, const float* y, int n) {
  if (!valid_ || n <= 0) return {};
  double total = 0.0;
  int right = 0;
  for (int g = 0; g < n; g += kLanes) {
    const int lanes = std::min(kLanes, n - g);
    int p[kLanes];
    for (int k = 0; k < kLanes; ++k) p[k] = g + std::min(k, lanes - 1);
    Vec input[2];
    gather_inputs(x, p, input);
    const Vec z = forward(input);
    for (int k = 0; k < lanes; ++k) {
      const double a = activate(output_, z[k]);  // in double, as the reference computes it
      total += loss_value(loss_, z[k], a, y[p[k]]);
      right += (a >= 0.5) == (y[p[k]] >= 0.5f);
    }
  }
  return {total / n, double(right) / n};
}

}  // namespace neuron
