// The scenes' logic: presets do what the lesson says, summaries state the key numbers,
// and the JSON state never carries NaN.
#include <doctest.h>

#include <cmath>

#include "lesson.h"

using namespace lesson;

namespace {
void run(SceneModel& scene, int frames) {
  for (int i = 0; i < frames && scene.animating(); ++i) scene.advance();
}
}  // namespace

TEST_SUITE("scenes") {
  TEST_CASE("artificial: the summary states z and the output; a step neuron outputs 0 or 1, it does not fire") {
    ArtificialModel m;
    CHECK(m.summary() == "Artificial neuron: z = 0.35, output 0.59, sigmoid activation.");
    m.cell.activation = neuron::Activation::Step;
    CHECK(m.summary() == "Artificial neuron: z = 0.35, output 1.00, step activation: z is 0 or more, so it outputs 1.");
    m.cell.bias = -3.0;
    CHECK(m.summary().find("so it outputs 0") != std::string::npos);
    CHECK(m.summary().find("fire") == std::string::npos);
  }

  TEST_CASE("biological: the slow-motion simulation pauses by itself, and STDP strengthens the pattern") {
    BiologicalModel m;
    CHECK(m.animating());
    run(m, 100000);
    CHECK_FALSE(m.animating());
    CHECK(m.circuit().time_ms() == doctest::Approx(BiologicalModel::kRunMs).epsilon(0.01));
    m.reset();
    m.set_plasticity(neuron::PlasticityRule::Stdp);
    m.fast_forward(8000.0);
    CHECK(m.circuit().weights()[0] > 2.2);
    CHECK(m.circuit().weights()[4] < 1.0);
    CHECK(m.weight_history().size() > 100);
    CHECK(m.summary().find("Plasticity on (spike-timing-dependent plasticity)") != std::string::npos);
  }

  TEST_CASE("biological: a link can jump ahead in time, after the plasticity rule is set") {
    Lesson lesson;
    CHECK(lesson.apply_url("scene=biological&plasticity=stdp&t=4000&run=0").empty());
    CHECK(lesson.biological.circuit().time_ms() == doctest::Approx(4000.0).epsilon(1e-6));
    CHECK(lesson.biological.circuit().weights()[0] > 1.8);
    CHECK_FALSE(lesson.biological.animating());
  }

  TEST_CASE("training: run trains until paused, diverged or done; XOR needs a hidden layer") {
    TrainingModel m;
    m.set_data(neuron::DataKind::Xor);
    m.running = true;
    run(m, 300);
    // The best one line can do under cross-entropy: 0.5 everywhere, loss ln 2. Which side of
    // 0.5 each point then falls is rounding; no line gets more than three of XOR's four corners.
    CHECK(m.trainer().accuracy() <= 0.75);
    CHECK(m.trainer().loss() == doctest::Approx(std::log(2.0)).epsilon(1e-3));
    CHECK(m.output_range().first > 0.49);
    CHECK(m.output_range().second < 0.51);
    CHECK(m.summary().find("no straight line separates XOR") != std::string::npos);
    m.set_hidden_layers(1);
    m.running = true;
    run(m, 2000);
    CHECK(m.trainer().accuracy() == 1.0);
    CHECK_FALSE(m.animating());  // stopped at the epoch limit
    CHECK(m.trainer().epoch() == TrainingModel::kMaxEpochs);
  }

  TEST_CASE("training: a learning rate of 1000 stops as diverged and says so") {
    Lesson lesson;
    lesson.apply_url("scene=training&lr=1000&run=1");
    run(lesson.current(), 100);
    CHECK(lesson.training.trainer().status() == neuron::TrainStatus::Diverged);
    CHECK(lesson.current().summary().find("diverged") != std::string::npos);
    const std::string json = lesson.state_json();
    CHECK(json.find("\"diverged\":1") != std::string::npos);
    CHECK(json.find("nan") == std::string::npos);
    CHECK(json.find("inf") == std::string::npos);
  }

  TEST_CASE("pitfall: a learning rate too high makes the loss grow until training stops") {
    PitfallsModel m;
    m.select(Pitfall::RateTooHigh, false);
    run(m, 200);
    const auto& t = m.trainer();
    CHECK(t.status() == neuron::TrainStatus::Diverged);
    CHECK(t.loss() > 10 * t.loss_history().front());
    for (std::size_t i = 2; i < t.loss_history().size(); ++i)
      CHECK(t.loss_history()[i] > t.loss_history()[i - 1]);  // rising every epoch
    CHECK(m.summary().find("is above the critical rate 0.92") != std::string::npos);
    // "Apply the fix" picks a rate below the critical one computed from the data.
    m.select(Pitfall::RateTooHigh, true);
    CHECK(m.rate_too_high().learning_rate() < m.rate_too_high().critical_rate());
    run(m, 200);
    CHECK(m.trainer().status() == neuron::TrainStatus::Ready);
    CHECK(m.trainer().loss() < 0.05);
    // Either side of the threshold, through the slider's own path.
    Warnings w;
    m.set_param("lr", 0.97 * m.rate_too_high().critical_rate(), w);
    CHECK(m.fixed());
    m.running = true;
    run(m, 200 * RateTooHighPitfall::kFramesPerOvershoot);
    CHECK(m.trainer().status() == neuron::TrainStatus::Ready);
    m.set_param("lr", 1.03 * m.rate_too_high().critical_rate(), w);
    CHECK_FALSE(m.fixed());
    m.running = true;
    run(m, 200 * RateTooHighPitfall::kFramesPerOvershoot);
    CHECK(m.trainer().status() == neuron::TrainStatus::Diverged);
  }

  TEST_CASE("pitfall: squared error on a sigmoid learns slowly where cross-entropy does not") {
    PitfallsModel m;
    m.select(Pitfall::MismatchedLoss, false);
    run(m, 50);  // 200 epochs
    CHECK(m.trainer().epoch() == 200);
    CHECK(m.mismatched_loss().error_cross_entropy().back() < m.mismatched_loss().error_squared().back() / 2);
    CHECK(m.mismatched_loss().twin().accuracy() == 1.0);
    CHECK(m.trainer().accuracy() < 1.0);
  }

  TEST_CASE("pitfall: gradients vanish through six sigmoid layers; ReLU is the fix") {
    PitfallsModel m;
    m.select(Pitfall::VanishingGradients, false);
    const auto sigmoid = m.vanishing_gradients().layer_gradients();
    REQUIRE(sigmoid.size() == 7);
    CHECK(sigmoid.front() < sigmoid.back() / 1000);
    run(m, 25);
    CHECK(m.trainer().loss() > 0.68);  // still guessing after 100 epochs
    m.select(Pitfall::VanishingGradients, true);
    CHECK(m.vanishing_gradients().layer_gradients().front() > m.vanishing_gradients().layer_gradients().back() / 10);
    run(m, 25);
    CHECK(m.trainer().accuracy() > 0.95);
  }

  TEST_CASE("no frame trains more than the budget, in every scene and preset that trains") {
    Lesson lesson;
    const char* views[] = {"scene=training&data=xor&layers=1&run=1", "scene=training&data=circles&layers=3&width=8&run=1",
                           "scene=pitfalls&pitfall=lr&fixed=1&run=1", "scene=pitfalls&pitfall=loss&run=1",
                           "scene=pitfalls&pitfall=vanishing&run=1", "scene=pitfalls&pitfall=vanishing&fixed=1&run=1",
                           "scene=pitfalls&pitfall=depth&run=1"};
    for (const char* view : views) {
      CAPTURE(view);
      REQUIRE(lesson.apply_url(view).empty());
      for (int frame = 0; frame < 400 && lesson.current().animating(); ++frame) {
        lesson.current().advance();
        double work = -1;
        for (const Figure& f : lesson.current().figures())
          if (std::string_view(f.key) == "frameWork") work = f.value;
        CHECK(work >= 0);
        CHECK(work <= double(kWeightStepsPerFrame));
      }
    }
  }

  TEST_CASE("pitfall: deeper is not smarter on simple data, shown as a race within a per-frame budget") {
    PitfallsModel m;
    for (neuron::Activation f : {neuron::Activation::Sigmoid, neuron::Activation::Tanh}) {
      m.select(Pitfall::Depth, false);
      m.set_race_activation(f);
      REQUIRE(m.depth_race().race().size() == DepthRacePitfall::kMaxDepth + 1);
      int frames = 0;
      while (m.animating() && frames < 10000) {
        m.advance();
        ++frames;
        // Never more than the budget in one frame, and never nothing while it runs.
        CHECK(m.last_frame_work() <= kWeightStepsPerFrame);
        if (m.animating()) CHECK(m.last_frame_work() > 0);
      }
      CAPTURE(neuron::name(f));
      REQUIRE(m.depth_race().race_done());
      // Every racer got the same number of epochs, spread over many frames.
      for (const neuron::Trainer& t : m.depth_race().race()) CHECK(t.epoch() == m.max_epochs());
      long total = 0;
      for (const neuron::Trainer& t : m.depth_race().race()) total += t.epoch_work() * t.epoch();
      CHECK(frames >= total / kWeightStepsPerFrame);  // spread over frames, not done in one
      const double one_neuron = m.depth_race().race().front().accuracy();
      CHECK(one_neuron == 1.0);  // one neuron separates two blobs
      for (const neuron::Trainer& t : m.depth_race().race()) CHECK(t.accuracy() <= one_neuron);
      if (f == neuron::Activation::Sigmoid) CHECK(m.depth_race().race()[4].accuracy() < 0.9);  // deep sigmoid stacks train worse
    }
  }

  TEST_CASE("maths: the descent path goes downhill from the chosen start") {
    MathsModel m;
    m.set_start(-4.0, 5.0);
    REQUIRE(m.path().size() == MathsModel::kSteps + 1);
    CHECK(m.path().back().loss < m.path().front().loss / 3);
    CHECK(m.summary().find("(w1, w2) = (-4.0, 5.0)") != std::string::npos);
    Warnings warnings;
    CHECK_FALSE(m.set_param("w1", NAN, warnings));
    CHECK(m.set_param("w2", 1e9, warnings));
    CHECK(m.start_w1() == -4.0);
    CHECK(m.start_w2() == MathsModel::kRange);
  }

  TEST_CASE("every scene's state is valid, NaN-free JSON with its scene id") {
    Lesson lesson;
    for (SceneModel* scene : lesson.scenes()) {
      lesson.show(scene->id());
      run(*scene, 50);
      const std::string json = lesson.state_json();
      CAPTURE(json);
      CHECK(json.front() == '{');
      CHECK(json.back() == '}');
      CHECK(json.find(std::string("\"scene\":\"") + scene->id() + "\"") != std::string::npos);
      CHECK(json.find("nan") == std::string::npos);
    }
  }

  TEST_CASE("time matters: the same inputs fire the spiking neuron or not by timing alone; the "
            "artificial neuron's output cannot change") {
    CompareModel m;
    CHECK(m.spikes_under(Timing::Together) > 0);
    CHECK(m.spikes_under(Timing::InOrder) > 0);
    CHECK(m.spikes_under(Timing::Reversed) == 0);  // the same spikes, in the other order
    CHECK(m.spikes_under(Timing::Spread) == 0);
    const double output = m.artificial_output();
    for (Timing t : kAllTimings) {
      m.set_timing(t);
      CHECK(m.artificial_output() == output);
    }
    CHECK(output == doctest::Approx(1.0 / (1.0 + std::exp(-0.9))));
    // Fewer inputs: the artificial neuron's output does change, with what arrives, not when.
    CHECK(m.summary().find("because time is not one of its inputs") != std::string::npos);
    m.set_active(2, false);
    CHECK(m.artificial_output() < 0.1);
    CHECK(m.spikes_under(Timing::Together) == 0);
    // Other inputs, other outcomes: the comparison waits until every timing is shown again.
    CHECK(m.summary().find("not shown yet") != std::string::npos);
    m.set_touring(true);
    run(m, 4 * CompareModel::kTourFrames + 1);
    CHECK_FALSE(m.animating());
    CHECK(m.seen_all());
    CHECK(m.summary().find("fires 0, 0, 0, 0 times") != std::string::npos);
  }

  TEST_CASE("lesson.scenes() lists the registry's scenes in the lesson's order") {
    Lesson lesson;
    CHECK(lesson.scenes_json() ==
          "[{\"id\":\"biological\",\"title\":\"Spiking neuron\"},{\"id\":\"artificial\",\"title\":"
          "\"Artificial neuron\"},{\"id\":\"compare\",\"title\":\"Time matters\"},{\"id\":\"training\",\"title\":\"Training\"},{\"id\":\"pitfalls\","
          "\"title\":\"Pitfalls\"},{\"id\":\"maths\",\"title\":\"The maths\"}]");
    int visited = 0;
    lesson.show("pitfalls");
    lesson.visit_current([&](auto& scene) {
      CHECK(std::string(scene.id()) == "pitfalls");
      ++visited;
    });
    CHECK(visited == 1);
  }

  TEST_CASE("json strings escape quotes and control characters") {
    CHECK(json_string("a\"b\\c\n") == "\"a\\\"b\\\\c\\u000a\"");
  }
}
