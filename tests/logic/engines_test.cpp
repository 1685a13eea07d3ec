// The fast engine against the reference, in every configuration the page trains: each
// scene's trainer is rebuilt with Engine::Reference from the same starting weights, data and
// settings (so it visits the points in the same order), and the two are compared two ways.
//  - Step by step, along the fast engine's path: before every epoch the reference is set to
//    the fast engine's weights; one epoch later both must have made the same update, within
//    2% of the reference's largest change plus 1e-4 of the largest weight (the fast tanh is
//    off by up to 1e-4 where it saturates, which a learning rate of 10 magnifies, and an
//    epoch of ten mini-batches compounds), and reached the same loss within 1e-3 (relative,
//    or absolute below 1). This is the whole claim
//    "the same arithmetic", and it holds whatever the network does next.
//  - Run freely side by side: for a single neuron or one hidden layer the losses stay within
//    1e-3 after every epoch, and the weights within 1e-2 at the end. Deeper networks
//    crossing a plateau amplify any rounding difference (in float with exact tanh the gap
//    is as large: measured), so free runs are compared only there.
// Both must end with the same status; a run stopped as diverged stops at the same epoch,
// give or take one (at the edge of divergence float may cross the line a step apart).
#include <doctest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "lesson.h"

using namespace lesson;
using neuron::Engine;
using neuron::Trainer;
using neuron::TrainStatus;

namespace {
int configurations_checked = 0;

Trainer reference_twin(const Trainer& page) {
  neuron::TrainConfig config = page.config();
  config.engine = Engine::Reference;
  Trainer reference(page.initial(), page.data(), config);
  REQUIRE(reference.engine() == Engine::Reference);
  return reference;
}

double largest(const Eigen::VectorXd& w) { return std::max(1.0, w.cwiseAbs().maxCoeff()); }

void check_follows_reference(const Trainer& page, int epochs, const std::string& what) {
  CAPTURE(what);
  ++configurations_checked;
  REQUIRE(page.engine() == Engine::Fast);
  REQUIRE(page.epoch() == 0);

  // Step by step.
  Trainer fast = page;  // the page's own trainer, copied before it ran
  Trainer reference = reference_twin(page);
  CHECK(fast.loss() == doctest::Approx(reference.loss()).epsilon(1e-5));
  for (int e = 0; e < epochs && fast.status() == TrainStatus::Ready; ++e) {
    reference.set_weights(fast.model());
    const Eigen::VectorXd start = fast.model().parameters();
    fast.train(1);
    reference.train(1);
    CAPTURE(e);
    if (fast.status() != reference.status()) {
      // At the edge: the diverging one must be over the line by a hair only.
      CHECK(std::fabs(fast.loss() / reference.loss() - 1.0) < 1e-3);
      break;
    }
    const Eigen::VectorXd wf = fast.model().parameters(), wr = reference.model().parameters();
    const double allowed = 2e-2 * (wr - start).cwiseAbs().maxCoeff() + 1e-4 * largest(wr);
    const bool same_step = (wf - wr).cwiseAbs().maxCoeff() <= allowed &&
                           std::fabs(fast.loss() - reference.loss()) <= 1e-3 * std::max(1.0, reference.loss());
    if (!same_step) {
      CHECK((wf - wr).cwiseAbs().maxCoeff() <= allowed);
      CHECK(fast.loss() == doctest::Approx(reference.loss()).epsilon(1e-3));
      return;
    }
  }

  // Freely, side by side.
  fast = page;
  reference = reference_twin(page);
  const bool shallow = page.initial().layers.size() <= 2;
  int apart = 0;
  for (int e = 0; e < epochs; ++e) {
    fast.train(1);
    reference.train(1);
    if (fast.status() != reference.status()) {
      if (++apart > 1) break;
      continue;
    }
    if (fast.status() != TrainStatus::Ready) break;
    if (shallow && std::fabs(fast.loss() - reference.loss()) > 1e-3 * std::max(1.0, reference.loss())) {
      CAPTURE(e);
      CHECK(fast.loss() == doctest::Approx(reference.loss()).epsilon(1e-3));
      return;
    }
  }
  CHECK(fast.status() == reference.status());
  CHECK(std::abs(fast.epoch() - reference.epoch()) <= 1);
  if (shallow && fast.status() == TrainStatus::Ready) {
    const Eigen::VectorXd wf = fast.model().parameters(), wr = reference.model().parameters();
    CHECK((wf - wr).cwiseAbs().maxCoeff() <= 1e-2 * largest(wr));
    CHECK(fast.accuracy() == doctest::Approx(reference.accuracy()).epsilon(0.02));
  }
}
}  // namespace

TEST_SUITE("engines") {
  TEST_CASE("training scene: every data set, both losses, 0-3 hidden layers of 2 to 8 units") {
    configurations_checked = 0;
    for (neuron::DataKind data : {neuron::DataKind::And, neuron::DataKind::Or, neuron::DataKind::Xor,
                                  neuron::DataKind::Blobs, neuron::DataKind::Circles}) {
      for (neuron::Loss loss : {neuron::Loss::CrossEntropy, neuron::Loss::SquaredError}) {
        for (int layers = 0; layers <= 3; ++layers) {
          for (int width : {2, 8}) {
            if (layers == 0 && width != 2) continue;  // no hidden layer: width plays no part
            TrainingModel m;
            m.set_data(data);
            m.set_loss(loss);
            m.set_hidden_layers(layers);
            m.set_width(width);
            check_follows_reference(m.trainer(), 100,
                                    std::string(neuron::name(data)) + " " + std::string(neuron::name(loss)) + " " +
                                        m.model_name());
          }
        }
      }
    }
    CHECK(configurations_checked == 5 * 2 * (1 + 3 * 2));
  }

  TEST_CASE("training scene: the ends of the learning-rate slider, on the deepest network") {
    for (double rate : {0.001, 0.1, 3.0, 10.0, 1000.0}) {
      TrainingModel m;
      m.set_data(neuron::DataKind::Circles);
      m.set_hidden_layers(3);
      m.set_width(8);
      m.set_learning_rate(rate);
      check_follows_reference(m.trainer(), 100, "learning rate " + std::to_string(rate));
    }
  }

  TEST_CASE("pitfalls: each one broken and fixed, and the learning-rate slider around the critical rate") {
    PitfallsModel m;
    for (const PitfallInfo& row : pitfall_table()) {
      if (row.pitfall == Pitfall::Depth) continue;  // the race: next case
      for (bool fixed : {false, true}) {
        m.select(row.pitfall, fixed);
        const std::string what = std::string(row.name) + (fixed ? " fixed" : " broken");
        check_follows_reference(m.trainer(), std::min(row.epochs, 100), what);
        if (row.pitfall == Pitfall::MismatchedLoss) check_follows_reference(m.mismatched_loss().twin(), std::min(row.epochs, 100), what + ", twin");
      }
    }
    m.select(Pitfall::RateTooHigh, false);
    for (double factor : {0.01, 0.5, 0.9, 1.1, 2.0, 10.0}) {
      m.set_learning_rate(std::clamp(factor * m.rate_too_high().critical_rate(), 0.01, 10.0));
      check_follows_reference(m.trainer(), 100, "learning rate " + std::to_string(factor) + " x critical");
    }
  }

  TEST_CASE("pitfalls: the depth race, every depth with each activation") {
    PitfallsModel m;
    for (neuron::Activation f : {neuron::Activation::Sigmoid, neuron::Activation::Tanh, neuron::Activation::Relu}) {
      m.select(Pitfall::Depth, false);
      m.set_race_activation(f);
      REQUIRE(m.depth_race().race().size() == std::size_t(DepthRacePitfall::kMaxDepth + 1));
      for (std::size_t depth = 0; depth < m.depth_race().race().size(); ++depth)
        check_follows_reference(m.depth_race().race()[depth], 50,
                                std::string(neuron::name(f)) + " depth " + std::to_string(depth));
    }
  }
}
