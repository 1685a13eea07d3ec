// The critical learning rate: gradient descent on a quadratic loss converges below
// 2 / (largest curvature) and diverges above it, with the threshold computed from the data.
#include <doctest.h>

#include <cmath>

#include "curvature.h"
#include "trainer.h"

using namespace neuron;

TEST_SUITE("curvature") {
  TEST_CASE("a learning rate just below 2/lambda_max converges, just above it diverges") {
    const Dataset data = make_dataset(DataKind::Blobs, {120, 0.15, 1});
    const double critical = critical_learning_rate(data);
    CHECK(critical == doctest::Approx(2.0 / largest_curvature(data)));
    CHECK(critical < 0.95);  // so "any rate below 1 converges" would be false on this data
    auto train = [&](double rate) {
      Trainer t(Mlp({2, 1}, Activation::Identity, Activation::Identity, 1), data, {rate, 0, Loss::SquaredError, 1});
      t.train(400);
      return t.status();
    };
    CHECK(train(0.98 * critical) == TrainStatus::Ready);
    CHECK(train(1.02 * critical) == TrainStatus::Diverged);
  }

  TEST_CASE("the curvature of 1-D data x in {0, 1} (plus the bias) matches the closed form") {
    // Points (0,0) and (1,0), twice: H = (2/N) sum [x1 x1, x1, ...]; x2 = 0 adds a zero row.
    Dataset data;
    data.points = {{0, 0, 0}, {1, 0, 1}};
    // Hessian over (w1, w2, b): [[1, 0, 1], [0, 0, 0], [1, 0, 2]]; eigenvalues of [[1,1],[1,2]].
    CHECK(largest_curvature(data) == doctest::Approx((3.0 + std::sqrt(5.0)) / 2.0));
  }
}
