// The fast engine against the reference, in every configuration the lesson trains
// (fast_network_coverage.h lists them; tests/logic/engines_test.cpp checks the scenes build
// no other). Each one is trained at both ends of the learning rates the page offers it and
// at their geometric middle (the linear neuron also around its critical rate, where
// gradient descent starts to diverge): a Trainer on the fast engine and one on the reference
// start from the same weights on the same data (so they visit the points in the same
// order), and are compared two ways.
//  - Step by step, along the fast engine's path: before every epoch the reference is set to
//    the fast engine's weights, and both must measure the same loss there, within 1e-3
//    (relative, or absolute below 1) plus 1e-4 of the largest weight; one epoch later both
//    must have made the same update, within 2% of the reference's largest change plus 1e-4
//    of the largest weight times (1 + the learning rate). Why these: the fast engine runs in
//    float (1e-7 relative per operation, summed over a hundred points), and its tanh and
//    output sigmoid are off by up to 1e-4 where they saturate, where their slopes round to 0
//    while the true ones are up to 2e-4 (fast_network_test.cpp). An output sums activations
//    times weights, so its error is about 1e-4 of the weights; a gradient component carries
//    a slope times the weights above it, and the step is the learning rate times that
//    (measured: 0.07 at eta 1000 with squared error on 2-6-6-6-1, where the saturated output
//    sigmoid rounds to 1). A wrong gradient (a sign, a missing term, a lane left out) is off
//    by far more. This is the whole claim "the same arithmetic", whatever the network does next.
//  - Run freely side by side, where training is smooth: a single neuron or one hidden layer
//    at a learning rate of at most 1, or the linear neuron at any rate (its loss is a
//    quadratic bowl, so a difference grows no faster than the run itself). The losses stay
//    within 1e-3 after every epoch, and the weights within 1e-2 of the largest at the end.
//    Deeper networks crossing a plateau, and any network bouncing at a high rate, amplify a
//    rounding difference every epoch (in float with the exact tanh the gap is as large:
//    measured), so they are compared only step by step.
// Both must end with the same status; a run stopped as diverged stops at the same epoch,
// give or take one (at the edge of divergence float may cross the line a step apart).
#include <doctest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "curvature.h"
#include "dataset.h"
#include "fast_network_coverage.h"
#include "trainer.h"

using namespace neuron;

namespace {
// Every epoch of the step-by-step check is a comparison of its own, from weights the fast
// engine reached; 50 of them, in about 160 runs, keep the suite quick enough for the
// sanitizer and wasm builds.
constexpr int kEpochs = 50;

// The circles: the data set the deepest networks of the lesson train on, and one no
// single neuron fits, so every configuration has something left to learn for kEpochs.
Dataset circles() { return make_dataset(DataKind::Circles, {120, 0.15, 1}); }

Trainer trainer_for(const EngineConfiguration& c, double learning_rate, Engine engine) {
  return Trainer(Mlp(c.sizes, c.hidden, c.output, 1), circles(),
                 {learning_rate, c.batch_size, c.loss, 1, engine});
}

// The range's ends and its geometric middle; for the linear neuron on squared error (the
// pitfall of the learning rate) also around its critical rate 2 / (largest curvature).
std::vector<double> learning_rates_of(const EngineConfiguration& c) {
  std::vector<double> rates{c.min_learning_rate};
  if (c.max_learning_rate > c.min_learning_rate)
    rates.insert(rates.end(), {std::sqrt(c.min_learning_rate * c.max_learning_rate), c.max_learning_rate});
  if (c.output == Activation::Identity && c.sizes.size() == 2) {
    for (double factor : {0.5, 0.9, 1.1, 2.0}) {
      const double rate = factor * critical_learning_rate(circles());
      if (c.min_learning_rate < rate && rate < c.max_learning_rate) rates.push_back(rate);
    }
  }
  return rates;
}

std::string describe(const EngineConfiguration& c, double learning_rate) {
  std::string text;
  for (int size : c.sizes) text += (text.empty() ? "" : "-") + std::to_string(size);
  return text + " " + std::string(name(c.hidden)) + "/" + std::string(name(c.output)) + " " +
         std::string(name(c.loss)) + " batch " + std::to_string(c.batch_size) + " rate " +
         std::to_string(learning_rate);
}

double largest(const Eigen::VectorXd& w) { return std::max(1.0, w.cwiseAbs().maxCoeff()); }

bool same_loss(double fast, double reference) {
  return std::fabs(fast - reference) <= 1e-3 * std::max(1.0, reference);
}

void check_follows_reference(const EngineConfiguration& c, double learning_rate) {
  CAPTURE(describe(c, learning_rate));
  const Trainer start = trainer_for(c, learning_rate, Engine::Fast);
  REQUIRE(start.engine() == Engine::Fast);
  REQUIRE(start.status() == TrainStatus::Ready);

  // Step by step.
  Trainer fast = start;
  Trainer reference = trainer_for(c, learning_rate, Engine::Reference);
  for (int e = 0; e < kEpochs && fast.status() == TrainStatus::Ready; ++e) {
    CAPTURE(e);
    reference.set_weights(fast.model());
    const Eigen::VectorXd before = fast.model().parameters();
    const double loss_allowed = 1e-3 * std::max(1.0, reference.loss()) + 1e-4 * largest(before);
    if (std::fabs(fast.loss() - reference.loss()) > loss_allowed) {
      CHECK(std::fabs(fast.loss() - reference.loss()) <= loss_allowed);
      return;
    }
    fast.train(1);
    reference.train(1);
    if (fast.status() != reference.status()) {
      // At the edge: the diverging one must be over the line by a hair only.
      CHECK(std::fabs(fast.loss() / reference.loss() - 1.0) < 1e-3);
      break;
    }
    const Eigen::VectorXd wf = fast.model().parameters(), wr = reference.model().parameters();
    const double allowed =
        2e-2 * (wr - before).cwiseAbs().maxCoeff() + 1e-4 * largest(wr) * (1.0 + learning_rate);
    if ((wf - wr).cwiseAbs().maxCoeff() > allowed) {
      CHECK((wf - wr).cwiseAbs().maxCoeff() <= allowed);
      return;
    }
  }

  // Freely, side by side.
  fast = start;
  reference = trainer_for(c, learning_rate, Engine::Reference);
  const bool linear = c.output == Activation::Identity && c.sizes.size() == 2;
  const bool smooth = linear || (c.sizes.size() <= 3 && learning_rate <= 1.0);
  int apart = 0;
  for (int e = 0; e < kEpochs; ++e) {
    fast.train(1);
    reference.train(1);
    if (fast.status() != reference.status()) {
      if (++apart > 1) break;
      continue;
    }
    if (fast.status() != TrainStatus::Ready) break;
    if (smooth && !same_loss(fast.loss(), reference.loss())) {
      CAPTURE(e);
      CHECK(fast.loss() == doctest::Approx(reference.loss()).epsilon(1e-3));
      return;
    }
  }
  CHECK(fast.status() == reference.status());
  CHECK(std::abs(fast.epoch() - reference.epoch()) <= 1);
  if (smooth && fast.status() == TrainStatus::Ready) {
    const Eigen::VectorXd wf = fast.model().parameters(), wr = reference.model().parameters();
    CHECK((wf - wr).cwiseAbs().maxCoeff() <= 1e-2 * largest(wr));
    CHECK(fast.accuracy() == doctest::Approx(reference.accuracy()).epsilon(0.02));
  }
}
}  // namespace

TEST_SUITE("engines") {
  TEST_CASE("the fast engine makes the reference's updates in every configuration the lesson trains") {
    for (const EngineConfiguration& c : checked_engine_configurations())
      for (double rate : learning_rates_of(c)) check_follows_reference(c, rate);
  }

}
