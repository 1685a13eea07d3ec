// Predict, then see: every Try it's prediction is settled by the figure's own numbers within
// a bounded number of frames, on the fixed seed; every challenge is unmet at the scene's
// defaults and met by a set of control values that the figure's controls can reach.
#include <doctest.h>

#include <algorithm>
#include <cmath>

#include "lesson.h"

using namespace lesson;

namespace {
// What the reader sees when each prediction settles (the options' ids in assets/practice.json).
struct Expected {
  const char* id;
  const char* answer;
  const char* wording;  // which outcome text of assets/practice.json tells it
};
const Expected kExpected[] = {
    {"spike-size", "b", "*"},   {"stdp", "b", "*"},          {"timing", "b", "*"},
    {"double-input", "b", "*"}, {"xor", "c", "flat"},        {"rate-too-high", "b", "diverged"},
    {"loss-mismatch", "b", "*"}, {"vanishing", "c", "*"},    {"depth", "c", "*"},
    {"big-step", "b", "bouncing"},
};

// Sets the Try it's scene up, arms its prediction and draws frames until it settles.
int run_until_settled(Lesson& lesson, const PredictionRule& rule, int max_frames) {
  Warnings warnings = lesson.apply_url(std::string("scene=") + rule.scene + "&" + rule.setup);
  CHECK(warnings.empty());
  REQUIRE(lesson.arm_prediction(rule.id));
  int frames = 0;
  while (!lesson.outcome().settled && frames < max_frames) {
    lesson.advance();
    ++frames;
  }
  return frames;
}

Lesson& fresh_lesson() {
  static Lesson* lesson = nullptr;
  delete lesson;
  lesson = new Lesson;
  return *lesson;
}
}  // namespace

TEST_SUITE("predict, then see") {
  TEST_CASE("every Try it's prediction settles within 600 frames, with the option the numbers bear out") {
    REQUIRE(prediction_rules().size() == std::size(kExpected));
    for (const Expected& e : kExpected) {
      CAPTURE(e.id);
      const auto rule = std::find_if(prediction_rules().begin(), prediction_rules().end(),
                                     [&](const PredictionRule& r) { return std::string_view(r.id) == e.id; });
      REQUIRE(rule != prediction_rules().end());
      Lesson& lesson = fresh_lesson();
      const int frames = run_until_settled(lesson, *rule, 600);
      CAPTURE(frames);
      REQUIRE(lesson.outcome().settled);
      CHECK(lesson.outcome().answer == e.answer);
      CHECK(lesson.outcome().wording == e.wording);
      for (const Figure& d : lesson.outcome().derived) CHECK(std::isfinite(d.value));
      // The figure stops there: what the box quotes is what the state says, frame after frame.
      CHECK_FALSE(lesson.current().animating());
      const std::vector<Figure> now = lesson.current().figures();
      REQUIRE_FALSE(lesson.outcome().quoted.empty());
      for (const Figure& q : lesson.outcome().quoted) {
        CAPTURE(q.key);
        CHECK(std::isfinite(q.value));
        CHECK(figure(now, q.key) == q.value);
      }
      lesson.advance();
      CHECK(lesson.prediction_json() == lesson.prediction_json());
    }
  }

  TEST_CASE("a stronger input gives more spikes of the same height: 1.2 to 2.4 nA") {
    Lesson& lesson = fresh_lesson();
    run_until_settled(lesson, prediction_rules()[0], 600);
    const std::vector<Figure>& q = lesson.outcome().quoted;
    CHECK(figure(q, "spikePeakMv") == 20.0);
    CHECK(figure(q, "riseFromNa") == doctest::Approx(1.2));
    CHECK(figure(q, "riseToNa") == doctest::Approx(2.4));
    // Twice the input, more than twice the rate: the rate rises faster than the input.
    CHECK(figure(q, "spikesAfterRise") > 2 * figure(q, "spikesBeforeRise"));
    CHECK(figure(lesson.outcome().derived, "rateRatio") > figure(lesson.outcome().derived, "inputRatio"));
  }

  TEST_CASE("one neuron on XOR settles at 0.5 everywhere with loss ln 2, which reads as 50%") {
    Lesson& lesson = fresh_lesson();
    run_until_settled(lesson, prediction_rules()[4], 600);
    const std::vector<Figure>& q = lesson.outcome().quoted;
    CHECK(figure(q, "loss") == doctest::Approx(std::log(2.0)).epsilon(1e-4));
    CHECK(figure(q, "outputMin") == doctest::Approx(0.5).epsilon(0.01));
    CHECK(figure(q, "outputMax") == doctest::Approx(0.5).epsilon(0.01));
    CHECK(figure(q, "accuracy") == 0.5);
  }

  TEST_CASE("the first layer of six sigmoid layers gets a gradient over a thousand times smaller than the last") {
    Lesson& lesson = fresh_lesson();
    run_until_settled(lesson, prediction_rules()[7], 600);
    CHECK(figure(lesson.outcome().quoted, "gradientRatio") > 1000);
  }

  TEST_CASE("STDP shows within 4 s of neuron time, under 4 s of watching at the Try it's speed") {
    Lesson& lesson = fresh_lesson();
    const int frames = run_until_settled(lesson, prediction_rules()[1], 600);
    CHECK(frames * BiologicalModel::kMsPerFrame * lesson.biological().speed >= 4000.0);
    CHECK(frames <= 240);  // at 60 frames a second
    const std::vector<double>& w = lesson.biological().circuit().weights();
    CHECK(std::min({w[0], w[1], w[2]}) > 1.6);
    CHECK(std::max(w[3], w[4]) < 1.6);
  }

  TEST_CASE("with reduced motion what a Try it animates by itself happens in one frame, and still settles") {
    for (const char* id : {"double-input", "big-step"}) {
      CAPTURE(id);
      Lesson& lesson = fresh_lesson();
      lesson.set_reduced_motion(true);
      const auto rule = std::find_if(prediction_rules().begin(), prediction_rules().end(),
                                     [&](const PredictionRule& r) { return std::string_view(r.id) == id; });
      CHECK(run_until_settled(lesson, *rule, 600) == 1);
      CHECK(lesson.outcome().answer == "b");
    }
  }

  TEST_CASE("each Try it names a control of its own scene for the learner to move, and a plot") {
    for (const PredictionRule& rule : prediction_rules()) {
      Lesson& lesson = fresh_lesson();
      lesson.show(rule.scene);
      CAPTURE(rule.id);
      CHECK(lesson.current().find_param(rule.control) != nullptr);
      CHECK(std::string_view(rule.plot).size() > 0);
    }
  }

  TEST_CASE("a prediction is armed only in its own scene, and let go when the scene changes") {
    Lesson& lesson = fresh_lesson();
    CHECK_FALSE(lesson.arm_prediction("no-such-prediction"));
    lesson.show("training");
    CHECK_FALSE(lesson.arm_prediction("stdp"));
    CHECK(lesson.prediction_json() == "null");
    CHECK(lesson.arm_prediction("xor"));
    // With the plot that settles it and the control it asks for, which a phone's layout puts
    // first and the page's dock scrolls to.
    CHECK(lesson.prediction_json() == "{\"id\":\"xor\",\"plot\":\"decision\",\"control\":\"layers\",\"settled\":false}");
    CHECK(lesson.current().focus_plot == "decision");
    CHECK(lesson.current().focus_control == "layers");
    lesson.show("maths");
    lesson.advance();
    CHECK(lesson.prediction_json() == "null");
  }
}

TEST_SUITE("challenges") {
  // Control values, as URL parameters, that reach each challenge through the figure's controls.
  struct Reach {
    const char* id;
    const char* scene;
    const char* params;
    const char* press;  // a button pressed after, or ""
  };
  const Reach kReach[] = {
      {"fire-fast", "biological", "drive=2.8&run=0", "ff"},
      {"stdp-lead", "biological", "plasticity=stdp&rate=4&run=0", "ff"},
      {"spike-not-sum", "compare", "in1=0&in2=1&in3=1&timing=together", ""},
      {"weights-only", "artificial", "w1=2.5&w3=-0.5", ""},
      {"solve-xor", "training", "data=xor&layers=1&width=4&lr=1&run=1", ""},
      {"edge-of-stability", "pitfalls", "pitfall=lr&lr=0.91&run=1", ""},
      {"worse-than-start", "maths", "lr=32", ""},
  };

  TEST_CASE("no challenge is met at the scenes' defaults, however long they run") {
    Lesson& lesson = fresh_lesson();
    for (SceneModel* scene : lesson.scenes()) {
      lesson.show(scene->id());
      for (int i = 0; i < 3000; ++i) lesson.advance();
    }
    CHECK(lesson.challenges_done().empty());
  }

  TEST_CASE("each challenge is met by control values the figure can reach") {
    REQUIRE(challenge_rules().size() == std::size(kReach));
    for (const Reach& r : kReach) {
      CAPTURE(r.id);
      Lesson& lesson = fresh_lesson();
      CHECK(lesson.apply_url(std::string("scene=") + r.scene + "&" + r.params).empty());
      if (*r.press) CHECK(lesson.current().press(r.press));
      for (int i = 0; i < 3000 && lesson.challenges_done().empty(); ++i) lesson.advance();
      if (std::string_view(r.id) == "stdp-lead") {
        for (int i = 0; i < 3 && lesson.challenges_done().empty(); ++i) {
          lesson.current().press("ff");
          lesson.advance();
        }
      }
      CHECK(lesson.challenges_done() == std::vector<std::string>{r.id});
    }
  }

  TEST_CASE("the fast-firing challenge needs a strong input: 2.4 nA is not enough, 2.8 nA is") {
    Lesson& lesson = fresh_lesson();
    lesson.apply_url("scene=biological&drive=2.4&run=0");
    lesson.current().press("ff");
    lesson.advance();
    CHECK(lesson.challenges_done().empty());
    lesson.apply_url("scene=biological&drive=2.8&run=0");
    lesson.current().press("ff");
    lesson.advance();
    CHECK(lesson.challenges_done() == std::vector<std::string>{"fire-fast"});
  }

  TEST_CASE("the largest rate that still converges: just over 2/λ the loss ends higher than it began") {
    Lesson& lesson = fresh_lesson();
    const double critical = lesson.pitfalls().rate_too_high().critical_rate();
    lesson.apply_url("scene=pitfalls&pitfall=lr&lr=" + std::to_string(critical * 1.02) + "&run=1");
    for (int i = 0; i < 300; ++i) lesson.advance();
    const neuron::Trainer& t = lesson.pitfalls().trainer();
    CHECK(t.loss() > t.loss_history().front());
    CHECK(lesson.challenges_done().empty());
    // The native slider's steps are 1% apart there, so a rate within 5% below is one to find.
    CHECK(lesson.pitfalls().find_param("lr")->log_positions() >= 600);
  }
}
