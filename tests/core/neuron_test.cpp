// The artificial neuron: multiply, add, activate.
#include <doctest.h>

#include <cmath>

#include "neuron.h"

using namespace neuron;

TEST_SUITE("artificial neuron") {
  TEST_CASE("forward pass is w·x + b, then f(z), term by term") {
    const Neuron cell{{0.5, -1.0, 2.0}, 0.25, Activation::Sigmoid};
    const ForwardPass pass = forward(cell, {1.0, 2.0, 0.5});
    REQUIRE(pass.products.size() == 3);
    CHECK(pass.products[0] == 0.5);
    CHECK(pass.products[1] == -2.0);
    CHECK(pass.products[2] == 1.0);
    // 0.5 - 2 + 1 + 0.25 = -0.25
    CHECK(pass.z == doctest::Approx(-0.25).epsilon(1e-15));
    CHECK(pass.a == doctest::Approx(1.0 / (1.0 + std::exp(0.25))).epsilon(1e-15));
  }

  TEST_CASE("each activation is applied to the same z") {
    Neuron cell{{1.0, 1.0}, -1.5, Activation::Step};
    CHECK(forward(cell, {1.0, 1.0}).a == 1.0);  // AND of two ones
    CHECK(forward(cell, {1.0, 0.0}).a == 0.0);
    cell.activation = Activation::Relu;
    CHECK(forward(cell, {1.0, 0.0}).a == 0.0);
    CHECK(forward(cell, {2.0, 0.0}).a == doctest::Approx(0.5));
    cell.activation = Activation::Identity;
    CHECK(forward(cell, {1.0, 0.0}).a == doctest::Approx(-0.5));
  }

  TEST_CASE("no time: the same inputs always give the same output") {
    const Neuron cell{{0.3, -0.7}, 0.1, Activation::Tanh};
    const double first = forward(cell, {0.9, 0.4}).a;
    for (int i = 0; i < 100; ++i) CHECK(forward(cell, {0.9, 0.4}).a == first);
  }

  TEST_CASE("mismatched lengths use the common part") {
    const Neuron cell{{1.0, 2.0}, 0.0, Activation::Identity};
    CHECK(forward(cell, {3.0}).z == 3.0);
    CHECK(forward(cell, {3.0, 1.0, 100.0}).z == 5.0);
  }
}
