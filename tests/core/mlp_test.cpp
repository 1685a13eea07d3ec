// The multilayer network: backpropagation against finite differences.
#include <doctest.h>

#include <cmath>

#include "dataset.h"
#include "mlp.h"
#include "neuron.h"

using namespace neuron;

namespace {
// Relative error between the backpropagated gradient and central finite differences of
// the mean loss, over every weight and bias.
double gradient_error(const Mlp& net, const Dataset& data, Loss loss) {
  const Eigen::MatrixXd x = data.inputs(), y = data.labels();
  const Eigen::VectorXd analytic = Mlp::flatten(net.gradients(x, y, loss));
  const Eigen::VectorXd p = net.parameters();
  Eigen::VectorXd numeric(p.size());
  Mlp probe = net;
  const double h = 1e-5;
  for (Eigen::Index i = 0; i < p.size(); ++i) {
    Eigen::VectorXd q = p;
    q(i) = p(i) + h;
    probe.set_parameters(q);
    const double up = probe.mean_loss(x, y, loss);
    q(i) = p(i) - h;
    probe.set_parameters(q);
    const double down = probe.mean_loss(x, y, loss);
    numeric(i) = (up - down) / (2 * h);
  }
  return (analytic - numeric).norm() / std::max(analytic.norm(), numeric.norm());
}
}  // namespace

TEST_SUITE("multilayer network") {
  TEST_CASE("backpropagated gradients match finite differences (relative error < 1e-6)") {
    const Dataset data = make_dataset(DataKind::Circles, {30, 0.1, 4});
    SUBCASE("2-4-1 tanh, cross-entropy") {
      CHECK(gradient_error(Mlp({2, 4, 1}, Activation::Tanh, Activation::Sigmoid, 1), data,
                           Loss::CrossEntropy) < 1e-6);
    }
    SUBCASE("2-8-8-1 sigmoid, squared error") {
      CHECK(gradient_error(Mlp({2, 8, 8, 1}, Activation::Sigmoid, Activation::Sigmoid, 2), data,
                           Loss::SquaredError) < 1e-6);
    }
    SUBCASE("2-5-3-1 tanh hidden, identity output, squared error") {
      CHECK(gradient_error(Mlp({2, 5, 3, 1}, Activation::Tanh, Activation::Identity, 3), data,
                           Loss::SquaredError) < 1e-6);
    }
    SUBCASE("a single neuron {2, 1}") {
      CHECK(gradient_error(Mlp({2, 1}, Activation::Sigmoid, Activation::Sigmoid, 4), data,
                           Loss::CrossEntropy) < 1e-6);
    }
  }

  TEST_CASE("the network {2, 1} is exactly the single artificial neuron") {
    const Mlp net({2, 1}, Activation::Tanh, Activation::Tanh, 9);
    const Neuron cell{{net.layers[0].weights(0, 0), net.layers[0].weights(0, 1)},
                      net.layers[0].bias(0), Activation::Tanh};
    Eigen::MatrixXd x(2, 1);
    x << 0.3, -0.8;
    CHECK(net.predict(x)(0, 0) == doctest::Approx(forward(cell, {0.3, -0.8}).a).epsilon(1e-15));
  }

  TEST_CASE("initialisation is seeded and scaled to the layer") {
    const Mlp a({2, 16, 1}, Activation::Tanh, Activation::Sigmoid, 5);
    const Mlp b({2, 16, 1}, Activation::Tanh, Activation::Sigmoid, 5);
    const Mlp c({2, 16, 1}, Activation::Tanh, Activation::Sigmoid, 6);
    CHECK(a.parameters() == b.parameters());
    CHECK(a.parameters() != c.parameters());
    // Xavier uniform: every first-layer weight within sqrt(6 / (2 + 16)).
    CHECK(a.layers[0].weights.cwiseAbs().maxCoeff() <= std::sqrt(6.0 / 18.0));
    // He normal for ReLU: spread about sqrt(2 / fan_in).
    const Mlp r({64, 256, 1}, Activation::Relu, Activation::Sigmoid, 5);
    const Eigen::MatrixXd& w = r.layers[0].weights;
    const double sd = std::sqrt(w.array().square().mean());
    CHECK(sd == doctest::Approx(std::sqrt(2.0 / 64)).epsilon(0.05));
  }

  TEST_CASE("parameters round-trip through the flat vector") {
    Mlp net({2, 3, 2}, Activation::Relu, Activation::Identity, 1);
    Eigen::VectorXd p = net.parameters();
    CHECK(p.size() == 2 * 3 + 3 + 3 * 2 + 2);
    p(4) = 42.0;
    net.set_parameters(p);
    CHECK(net.parameters() == p);
  }

  TEST_CASE("gradients vanish layer by layer through a deep sigmoid stack, not through ReLU") {
    const Dataset data = make_dataset(DataKind::Circles, {100, 0.1, 1});
    const std::vector<int> deep{2, 8, 8, 8, 8, 8, 8, 1};
    const auto sig = Mlp(deep, Activation::Sigmoid, Activation::Sigmoid, 1)
                         .gradients(data.inputs(), data.labels(), Loss::CrossEntropy)
                         .weight_norms;
    const auto relu = Mlp(deep, Activation::Relu, Activation::Sigmoid, 1)
                          .gradients(data.inputs(), data.labels(), Loss::CrossEntropy)
                          .weight_norms;
    // Each sigmoid layer multiplies the gradient by at most f'(z) <= 1/4 (times the weights).
    CHECK(sig.front() < sig.back() / 100.0);
    CHECK(relu.front() > relu.back() / 10.0);
  }
}
