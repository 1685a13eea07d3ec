// mlp.h: a small multilayer network (a "multilayer perceptron"): layers of artificial
// neurons, each layer computing a = f(W a_prev + b) for a whole batch at once with Eigen.
// Backpropagation gives the gradient of the mean loss for every weight and bias, and the
// size of each layer's gradient (the vanishing-gradient figure plots it).
// A single neuron is the network {inputs, 1}.
#pragma once
#include <cstdint>
#include <vector>

#include <Eigen/Core>

#include "activation.h"
#include "loss.h"

namespace neuron {

struct Layer {
  Eigen::MatrixXd weights;  // outputs x inputs
  Eigen::VectorXd bias;     // outputs
  Activation activation = Activation::Sigmoid;
};

struct Gradients {
  std::vector<Eigen::MatrixXd> weights;  // same shapes as the layers
  std::vector<Eigen::VectorXd> bias;
  std::vector<double> weight_norms;      // Frobenius norm of each layer's weight gradient
  double loss = 0.0;                     // mean loss of the batch the gradients came from
};

class Mlp {
 public:
  Mlp() = default;
  // sizes = {inputs, hidden..., outputs}. Hidden layers use `hidden`, the last layer
  // `output`. Weights start random from `seed`: Xavier/Glorot uniform for sigmoid, tanh
  // and identity, He normal for ReLU; biases start at 0.
  Mlp(const std::vector<int>& sizes, Activation hidden, Activation output, std::uint64_t seed);

  std::vector<Layer> layers;

  int inputs() const;
  std::vector<int> sizes() const;
  Activation output_activation() const;

  // x is inputs x n (one column per point); the result is outputs x n.
  Eigen::MatrixXd predict(const Eigen::MatrixXd& x) const;
  // Mean loss over the columns of x against labels y (outputs x n).
  double mean_loss(const Eigen::MatrixXd& x, const Eigen::MatrixXd& y, Loss loss) const;
  // Forward then backward pass over the batch.
  Gradients gradients(const Eigen::MatrixXd& x, const Eigen::MatrixXd& y, Loss loss) const;
  // One gradient-descent step: p -= learning_rate * dL/dp.
  void descend(const Gradients& g, double learning_rate);

  // All weights and biases in one vector, layer by layer (weights column-major, then
  // bias), and back: for finite-difference checks and the divergence guard.
  Eigen::VectorXd parameters() const;
  void set_parameters(const Eigen::VectorXd& p);
  static Eigen::VectorXd flatten(const Gradients& g);

 private:
  struct Cache {
    std::vector<Eigen::MatrixXd> z;  // pre-activations per layer
    std::vector<Eigen::MatrixXd> a;  // a[0] = x, a[l+1] = f(z[l])
  };
  Cache forward(const Eigen::MatrixXd& x) const;
};

}  // namespace neuron
