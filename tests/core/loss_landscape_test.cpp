// The loss landscape over two weights, and gradient descent walking downhill on it.
#include <doctest.h>

#include <cmath>

#include "loss_landscape.h"
#include "neuron.h"

using namespace neuron;

TEST_SUITE("loss landscape") {
  const Dataset data = make_dataset(DataKind::And);
  const LandscapeSetup setup{Activation::Sigmoid, Loss::CrossEntropy, -3.0};

  TEST_CASE("the grid holds the loss at each pair of weights") {
    const LossGrid grid = loss_grid(data, setup, -4.0, 4.0, 33);
    REQUIRE(grid.loss.size() == 33u * 33u);
    CHECK(grid.weight(0) == -4.0);
    CHECK(grid.weight(32) == 4.0);
    CHECK(grid.weight(16) == doctest::Approx(0.0));
    CHECK(grid.at(20, 7) == landscape_loss(data, setup, grid.weight(20), grid.weight(7)));
    CHECK(grid.lowest < grid.highest);
    // For AND with bias -3, large equal weights are good, negative weights are bad.
    CHECK(landscape_loss(data, setup, 2.0, 2.0) < landscape_loss(data, setup, -2.0, -2.0));
  }

  TEST_CASE("each point of the grid is the one neuron's mean loss, computed as forward() does") {
    for (const Activation activation : {Activation::Sigmoid, Activation::Tanh, Activation::Relu})
      for (const Loss loss : {Loss::CrossEntropy, Loss::SquaredError}) {
        const LandscapeSetup other{activation, loss, 0.7};
        for (const double w1 : {-3.5, 0.0, 1.25})
          for (const double w2 : {-0.5, 2.0}) {
            double total = 0.0;
            for (const Point& p : data.points) {
              const ForwardPass pass = forward(Neuron{{w1, w2}, other.bias, activation}, {p.x1, p.x2});
              total += loss_value(loss, pass.z, pass.a, p.label);
            }
            CHECK(landscape_loss(data, other, w1, w2) == total / double(data.points.size()));
          }
      }
  }

  TEST_CASE("gradient descent walks downhill every step with a small learning rate") {
    const auto path = descent_path(data, setup, -3.0, 3.5, 0.5, 200);
    REQUIRE(path.size() == 201u);
    CHECK(path.front().w1 == -3.0);
    for (std::size_t i = 1; i < path.size(); ++i) CHECK(path[i].loss <= path[i - 1].loss + 1e-12);
    CHECK(path.back().loss < path.front().loss / 2);
  }

  TEST_CASE("a path that runs away stops while still finite") {
    const auto path = descent_path(data, setup, 0.0, 0.0, 1e7, 50, 1e3);
    CHECK(path.size() < 51u);
    for (const WeightPoint& p : path) CHECK(std::isfinite(p.loss));
  }
}
