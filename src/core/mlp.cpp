// mlp.cpp: forward and backward passes of a small network, with Eigen matrices.
#include "mlp.h"

#include <algorithm>
#include <cmath>

#include "random.h"

namespace neuron {

namespace {
Eigen::MatrixXd apply(Activation f, const Eigen::MatrixXd& z) {
  return z.unaryExpr([f](double v) { return activate(f, v); });
}
Eigen::MatrixXd apply_derivative(Activation f, const Eigen::MatrixXd& z) {
  return z.unaryExpr([f](double v) { return derivative(f, v); });
}

// Layer by layer: the weights (column-major), then the bias.
template <class Weights, class Bias>
Eigen::VectorXd pack(std::size_t count, Weights weights, Bias bias) {
  Eigen::Index size = 0;
  for (std::size_t l = 0; l < count; ++l) size += weights(l).size() + bias(l).size();
  Eigen::VectorXd p(size);
  Eigen::Index at = 0;
  for (std::size_t l = 0; l < count; ++l) {
    p.segment(at, weights(l).size()) = weights(l).reshaped();
    at += weights(l).size();
    p.segment(at, bias(l).size()) = bias(l);
    at += bias(l).size();
  }
  return p;
}
}  // namespace

Mlp::Mlp(const std::vector<int>& sizes, Activation hidden, Activation output,
         std::uint64_t seed) {
  Rng rng(seed);
  for (std::size_t l = 1; l < sizes.size(); ++l) {
    const int fan_in = std::max(sizes[l - 1], 1), fan_out = std::max(sizes[l], 1);
    Layer layer;
    layer.activation = l + 1 == sizes.size() ? output : hidden;
    layer.weights.resize(fan_out, fan_in);
    layer.bias = Eigen::VectorXd::Zero(fan_out);
    // He initialisation keeps ReLU activations from shrinking layer by layer; Xavier does
    // the same for functions that are symmetric around 0.
    const bool he = layer.activation == Activation::Relu;
    const double limit = std::sqrt(6.0 / (fan_in + fan_out));
    const double sd = std::sqrt(2.0 / fan_in);
    for (Eigen::Index c = 0; c < layer.weights.cols(); ++c)
      for (Eigen::Index r = 0; r < layer.weights.rows(); ++r)
        layer.weights(r, c) = he ? rng.normal(0.0, sd) : rng.uniform(-limit, limit);
    layers.push_back(std::move(layer));
  }
}

int Mlp::inputs() const { return layers.empty() ? 0 : int(layers.front().weights.cols()); }

std::vector<int> Mlp::sizes() const {
  std::vector<int> s{inputs()};
  for (const Layer& layer : layers) s.push_back(int(layer.weights.rows()));
  return s;
}

Activation Mlp::output_activation() const {
  return layers.empty() ? Activation::Identity : layers.back().activation;
}

Mlp::Cache Mlp::forward(const Eigen::MatrixXd& x) const {
  Cache cache;
  cache.a.push_back(x);
  for (const Layer& layer : layers) {
    Eigen::MatrixXd z = layer.weights * cache.a.back();
    z.colwise() += layer.bias;
    cache.a.push_back(apply(layer.activation, z));
    cache.z.push_back(std::move(z));
  }
  return cache;
}

Eigen::MatrixXd Mlp::predict(const Eigen::MatrixXd& x) const { return forward(x).a.back(); }

double Mlp::mean_loss(const Eigen::MatrixXd& x, const Eigen::MatrixXd& y, Loss loss) const {
  const Cache cache = forward(x);
  if (cache.z.empty() || x.cols() == 0) return 0.0;
  const Eigen::MatrixXd& z = cache.z.back();
  const Eigen::MatrixXd& a = cache.a.back();
  double total = 0.0;
  for (Eigen::Index i = 0; i < z.size(); ++i) total += loss_value(loss, z(i), a(i), y(i));
  return total / double(x.cols());
}

Gradients Mlp::gradients(const Eigen::MatrixXd& x, const Eigen::MatrixXd& y, Loss loss) const {
  const Cache cache = forward(x);
  const std::size_t count = layers.size();
  Gradients g;
  g.weights.resize(count);
  g.bias.resize(count);
  g.weight_norms.resize(count);
  if (count == 0 || x.cols() == 0) return g;
  const double n = double(x.cols());

  // Output layer: dL/dz for each point, averaged over the batch.
  const Eigen::MatrixXd& z_out = cache.z.back();
  const Eigen::MatrixXd& a_out = cache.a.back();
  Eigen::MatrixXd delta(z_out.rows(), z_out.cols());
  for (Eigen::Index i = 0; i < z_out.size(); ++i) {
    g.loss += loss_value(loss, z_out(i), a_out(i), y(i));
    delta(i) = loss_gradient_z(loss, output_activation(), z_out(i), a_out(i), y(i)) / n;
  }
  g.loss /= n;

  // Chain rule backwards: dL/dW_l = delta_l a_{l-1}^T, and
  // delta_{l-1} = (W_l^T delta_l) .* f'(z_{l-1}).
  for (std::size_t l = count; l-- > 0;) {
    g.weights[l] = delta * cache.a[l].transpose();
    g.bias[l] = delta.rowwise().sum();
    g.weight_norms[l] = g.weights[l].norm();
    if (l > 0) {
      delta = (layers[l].weights.transpose() * delta)
                  .cwiseProduct(apply_derivative(layers[l - 1].activation, cache.z[l - 1]));
    }
  }
  return g;
}

void Mlp::descend(const Gradients& g, double learning_rate) {
  for (std::size_t l = 0; l < layers.size(); ++l) {
    layers[l].weights -= learning_rate * g.weights[l];
    layers[l].bias -= learning_rate * g.bias[l];
  }
}

Eigen::VectorXd Mlp::parameters() const {
  return pack(layers.size(), [&](std::size_t l) -> const Eigen::MatrixXd& { return layers[l].weights; },
              [&](std::size_t l) -> const Eigen::VectorXd& { return layers[l].bias; });
}

void Mlp::set_parameters(const Eigen::VectorXd& p) {
  Eigen::Index at = 0;
  for (Layer& layer : layers) {
    if (at + layer.weights.size() + layer.bias.size() > p.size()) return;
    layer.weights.reshaped() = p.segment(at, layer.weights.size());
    at += layer.weights.size();
    layer.bias = p.segment(at, layer.bias.size());
    at += layer.bias.size();
  }
}

Eigen::VectorXd Mlp::flatten(const Gradients& g) {
  return pack(g.weights.size(), [&](std::size_t l) -> const Eigen::MatrixXd& { return g.weights[l]; },
              [&](std::size_t l) -> const Eigen::VectorXd& { return g.bias[l]; });
}

}  // namespace neuron
