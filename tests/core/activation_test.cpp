// Activations: the functions themselves and their derivatives.
#include <doctest.h>

#include <cmath>

#include "activation.h"

using namespace neuron;

TEST_SUITE("activation") {
  TEST_CASE("every derivative matches a central finite difference") {
    const double h = 1e-6;
    for (Activation f : kAllActivations) {
      CAPTURE(name(f));
      for (double z = -6.0; z <= 6.0; z += 0.173) {
        // Step and ReLU have a kink at 0; the grid never lands on it.
        const double numeric = (activate(f, z + h) - activate(f, z - h)) / (2 * h);
        CAPTURE(z);
        CHECK(derivative(f, z) == doctest::Approx(numeric).epsilon(1e-7).scale(1.0));
      }
    }
  }

  TEST_CASE("sigmoid squashes into (0, 1) and is 0.5 at z = 0") {
    CHECK(activate(Activation::Sigmoid, 0.0) == 0.5);
    CHECK(activate(Activation::Sigmoid, 1000.0) == 1.0);
    CHECK(activate(Activation::Sigmoid, -1000.0) == 0.0);
    CHECK(std::isfinite(derivative(Activation::Sigmoid, -1000.0)));
  }

  TEST_CASE("a step neuron fires or it does not: output 0 or 1, and no gradient") {
    CHECK(activate(Activation::Step, -0.01) == 0.0);
    CHECK(activate(Activation::Step, 0.01) == 1.0);
    CHECK(derivative(Activation::Step, 0.5) == 0.0);
  }

  TEST_CASE("ReLU passes positive z and blocks negative z") {
    CHECK(activate(Activation::Relu, 2.5) == 2.5);
    CHECK(activate(Activation::Relu, -2.5) == 0.0);
  }

  TEST_CASE("names round-trip") {
    for (Activation f : kAllActivations) CHECK(parse_activation(name(f)) == f);
    CHECK_FALSE(parse_activation("softmax"));
  }
}
