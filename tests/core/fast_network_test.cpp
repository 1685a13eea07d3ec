// The fast float path against the double-precision reference it was written from.
#include <doctest.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

#include "dataset.h"
#include "fast_network.h"
#include "trainer.h"

using namespace neuron;

namespace {
struct Floats {
  std::vector<float> x, y;
  std::vector<int> order;
};
Floats as_floats(const Dataset& d) {
  Floats f;
  for (const Point& p : d.points) {
    f.x.push_back(float(p.x1));
    f.x.push_back(float(p.x2));
    f.y.push_back(float(p.label));
  }
  f.order.resize(d.points.size());
  std::iota(f.order.begin(), f.order.end(), 0);
  return f;
}
}  // namespace

TEST_SUITE("fast network") {
  TEST_CASE("fast_tanh is within 2e-7 of tanh for |x| < 2, 1.1e-6 for |x| < 3, 1e-4 anywhere") {
    double worst[3] = {0, 0, 0};
    for (double x = -12.0; x <= 12.0; x += 0.0005) {
      const double err = std::fabs(fast_tanh(float(x)) - std::tanh(double(float(x))));
      const int band = std::fabs(x) < 2 ? 0 : std::fabs(x) < 3 ? 1 : 2;
      for (int b = band; b < 3; ++b) worst[b] = std::max(worst[b], err);
    }
    CHECK(worst[0] < 2e-7);
    CHECK(worst[1] < 1.1e-6);
    CHECK(worst[2] < 1e-4);
    CHECK(fast_tanh(50.0f) == 1.0f);
    CHECK(fast_tanh(-50.0f) == -1.0f);
  }

  TEST_CASE("full-batch training follows the double reference step for step") {
    const Dataset data = make_dataset(DataKind::Circles, {101, 0.1, 3});  // 101: a ragged last lane group
    const Mlp initial({2, 8, 8, 1}, Activation::Tanh, Activation::Sigmoid, 5);
    Trainer reference(initial, data, {0.5, 0, Loss::CrossEntropy, 1});
    FastNetwork fast(initial);
    REQUIRE(fast.valid());
    Floats f = as_floats(data);
    const int n = int(data.points.size());
    CHECK(fast.mean_loss(f.x.data(), f.y.data(), n) == doctest::Approx(reference.loss()).epsilon(1e-5));
    for (int epoch = 1; epoch <= 200; ++epoch) {
      reference.train(1);
      fast.train_epoch(f.x.data(), f.y.data(), f.order.data(), n, n, 0.5f);
    }
    CHECK(fast.mean_loss(f.x.data(), f.y.data(), n) == doctest::Approx(reference.loss()).epsilon(1e-3));
    CHECK(accuracy(fast.to_mlp(), data) == reference.accuracy());
  }

  TEST_CASE("every shape compiled with fixed sizes, and one that is not, follows the reference") {
    const Dataset data = make_dataset(DataKind::Circles, {61, 0.1, 4});  // 61: a ragged last lane group
    Floats f = as_floats(data);
    const int n = int(data.points.size());
    for (const std::vector<int>& sizes : {std::vector<int>{2, 1}, std::vector<int>{2, 4, 1}, std::vector<int>{2, 8, 1},
                                          std::vector<int>{2, 16, 1}, std::vector<int>{2, 4, 4, 1},
                                          std::vector<int>{2, 16, 16, 1}, std::vector<int>{2, 5, 3, 1}}) {
      const Mlp initial(sizes, Activation::Tanh, Activation::Sigmoid, 7);
      Trainer reference(initial, data, {0.3, 0, Loss::CrossEntropy, 1});
      FastNetwork fast(initial);
      REQUIRE(fast.valid());
      for (int epoch = 1; epoch <= 50; ++epoch) {
        reference.train(1);
        fast.train_epoch(f.x.data(), f.y.data(), f.order.data(), n, n, 0.3f);
      }
      CAPTURE(sizes.size());
      CAPTURE(sizes[1]);
      CHECK(fast.mean_loss(f.x.data(), f.y.data(), n) == doctest::Approx(reference.loss()).epsilon(1e-3));
    }
  }

  TEST_CASE("mini-batches of any size, ReLU and sigmoid hidden layers, and odd shapes train too") {
    const Dataset data = make_dataset(DataKind::Circles, {250, 0.1, 1});
    Floats f = as_floats(data);
    for (Activation hidden : {Activation::Tanh, Activation::Relu, Activation::Sigmoid}) {
      for (const std::vector<int>& sizes : {std::vector<int>{2, 8, 8, 1}, std::vector<int>{2, 5, 3, 1}}) {
        const Mlp initial(sizes, hidden, Activation::Sigmoid, 2);
        FastNetwork fast(initial);
        REQUIRE(fast.valid());
        const double before = fast.mean_loss(f.x.data(), f.y.data(), 250);
        for (int e = 0; e < 300; ++e) fast.train_epoch(f.x.data(), f.y.data(), f.order.data(), 250, 7, 0.1f);
        CAPTURE(name(hidden));
        CAPTURE(sizes.size());
        CHECK(fast.mean_loss(f.x.data(), f.y.data(), 250) < before / 2);
      }
    }
  }

  TEST_CASE("with a generator, each epoch visits every point once, in a new order") {
    const Dataset data = make_dataset(DataKind::Circles, {40, 0.1, 1});
    Floats f = as_floats(data);
    FastNetwork fast(Mlp({2, 8, 8, 1}, Activation::Tanh, Activation::Sigmoid, 1));
    Rng rng(3);
    std::vector<int> before = f.order;
    for (int epoch = 0; epoch < 3; ++epoch) {
      CHECK(fast.train_epoch(f.x.data(), f.y.data(), f.order.data(), 40, 10, 0.1f, &rng) == 40);
      CHECK(f.order != before);
      std::vector<int> sorted = f.order;
      std::sort(sorted.begin(), sorted.end());
      for (int k = 0; k < 40; ++k) CHECK(sorted[std::size_t(k)] == k);
      before = f.order;
    }
  }

  TEST_CASE("shapes it cannot run are refused, not run wrong") {
    CHECK_FALSE(FastNetwork(Mlp({2, 3, 2}, Activation::Tanh, Activation::Sigmoid, 1)).valid());
    CHECK_FALSE(FastNetwork(Mlp({2, 1}, Activation::Tanh, Activation::Identity, 1)).valid());
    CHECK_FALSE(FastNetwork(Mlp({3, 1}, Activation::Tanh, Activation::Sigmoid, 1)).valid());
  }
}
