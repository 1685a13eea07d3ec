// Losses: squared error and cross-entropy from logits.
#include <doctest.h>

#include <cmath>

#include "activation.h"
#include "loss.h"

using namespace neuron;

TEST_SUITE("loss") {
  TEST_CASE("cross-entropy from logits is finite and right at |z| = 1000") {
    const double s = activate(Activation::Sigmoid, 1000.0);
    // Confidently right: loss 0. Confidently wrong: loss |z|.
    CHECK(loss_value(Loss::CrossEntropy, 1000.0, s, 1.0) == doctest::Approx(0.0));
    CHECK(loss_value(Loss::CrossEntropy, 1000.0, s, 0.0) == doctest::Approx(1000.0));
    CHECK(loss_value(Loss::CrossEntropy, -1000.0, 0.0, 1.0) == doctest::Approx(1000.0));
    CHECK(loss_value(Loss::CrossEntropy, -1000.0, 0.0, 0.0) == doctest::Approx(0.0));
    CHECK(std::isfinite(loss_gradient_z(Loss::CrossEntropy, Activation::Sigmoid, 1000.0, s, 0.0)));
  }

  TEST_CASE("cross-entropy matches -[y log a + (1-y) log(1-a)] where that is safe") {
    for (double z = -5; z <= 5; z += 0.5) {
      const double a = activate(Activation::Sigmoid, z);
      for (double y : {0.0, 1.0}) {
        const double direct = -(y * std::log(a) + (1 - y) * std::log(1 - a));
        CHECK(loss_value(Loss::CrossEntropy, z, a, y) == doctest::Approx(direct).epsilon(1e-12));
      }
    }
  }

  TEST_CASE("gradients with respect to z match finite differences") {
    const double h = 1e-6;
    for (Loss loss : {Loss::SquaredError, Loss::CrossEntropy}) {
      for (Activation f : {Activation::Sigmoid, Activation::Tanh, Activation::Identity}) {
        if (!loss_fits_output(loss, f)) continue;
        for (double z = -3; z <= 3; z += 0.37) {
          for (double y : {0.0, 1.0}) {
            auto value = [&](double zz) { return loss_value(loss, zz, activate(f, zz), y); };
            const double numeric = (value(z + h) - value(z - h)) / (2 * h);
            CHECK(loss_gradient_z(loss, f, z, activate(f, z), y) ==
                  doctest::Approx(numeric).epsilon(1e-6).scale(1.0));
          }
        }
      }
    }
  }

  TEST_CASE("squared error on a saturated sigmoid has a tiny gradient, cross-entropy does not") {
    // The mismatched-loss pitfall in two numbers: confidently wrong at z = -8, label 1.
    const double z = -8.0, a = activate(Activation::Sigmoid, z);
    const double mse = std::fabs(loss_gradient_z(Loss::SquaredError, Activation::Sigmoid, z, a, 1.0));
    const double bce = std::fabs(loss_gradient_z(Loss::CrossEntropy, Activation::Sigmoid, z, a, 1.0));
    CHECK(mse < 1e-3);
    CHECK(bce > 0.99);
  }

  TEST_CASE("cross-entropy needs a sigmoid output") {
    CHECK(loss_fits_output(Loss::CrossEntropy, Activation::Sigmoid));
    CHECK_FALSE(loss_fits_output(Loss::CrossEntropy, Activation::Tanh));
    CHECK(loss_fits_output(Loss::SquaredError, Activation::Relu));
  }
}
