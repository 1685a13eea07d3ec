// The scenes' logic: presets do what the lesson says, summaries state the key numbers,
// and the JSON state never carries NaN.
#include <doctest.h>

#include <algorithm>
#include <cctype>
#include <cmath>

#include "lesson.h"
#include "training_setup.h"

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
    CHECK(lesson.biological().circuit().time_ms() == doctest::Approx(4000.0).epsilon(1e-6));
    CHECK(lesson.biological().circuit().weights()[0] > 1.8);
    CHECK_FALSE(lesson.biological().animating());
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
    // Both ends of the output's range read the same: the words give the number once.
    CHECK(m.output_range_words() == "0.50");
    CHECK(m.summary().find("Its output is 0.50 on every point") != std::string::npos);
    m.set_hidden_layers(1);
    m.running = true;
    run(m, 2000);
    CHECK(m.trainer().accuracy() == 1.0);
    CHECK_FALSE(m.animating());  // stopped at the epoch limit
    CHECK(m.trainer().epoch() == TrainingModel::kMaxEpochs);
  }

  TEST_CASE("training: an output range whose ends differ reads as a range") {
    TrainingModel m;
    m.set_data(neuron::DataKind::Xor);  // untrained: the outputs still differ from point to point
    const auto [lo, hi] = m.output_range();
    REQUIRE(format_number(lo) != format_number(hi));
    CHECK(m.output_range_words() == format_number(lo) + " to " + format_number(hi));
  }

  TEST_CASE("training: a learning rate of 1000 stops as diverged and says so") {
    Lesson lesson;
    lesson.apply_url("scene=training&lr=1000&run=1");
    run(lesson.current(), 100);
    CHECK(lesson.training().trainer().status() == neuron::TrainStatus::Diverged);
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

  TEST_CASE("maths: the landscape drawn is always the one for the current data and bias") {
    // The grid is computed when first asked for after a change (not at start): whatever was
    // changed in between, what is asked for is the landscape of what is set now.
    MathsModel m;
    const auto fresh = [&m] {
      return neuron::loss_grid(m.data(), m.setup(), -MathsModel::kRange, MathsModel::kRange, MathsModel::kResolution);
    };
    CHECK(m.grid().loss == fresh().loss);
    m.set_bias(1.5);
    m.set_data(neuron::DataKind::Or);
    CHECK(m.grid().loss == fresh().loss);
    const double lowest_or = m.grid().lowest;
    m.set_data(neuron::DataKind::And);
    CHECK(m.grid().lowest == fresh().lowest);
    CHECK(m.grid().lowest != lowest_or);
    m.set_start(1.0, 1.0);  // the path only: the same grid
    CHECK(m.grid().loss == fresh().loss);
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

  TEST_CASE("a scene's model is built when it is first shown, not before: the first frame needs only the first scene's") {
    Lesson lesson;
    lesson.set_reduced_motion(true);
    CHECK(lesson.scenes_json().find("\"id\":\"pitfalls\"") != std::string::npos);  // names need no model
    CHECK(std::string(lesson.current().id()) == "biological");
    CHECK(lesson.state_json().find("\"scene\":\"biological\"") != std::string::npos);
    CHECK(lesson.built(0));
    for (int i = 1; i < Lesson::kSceneCount; ++i) CHECK_FALSE(lesson.built(i));
    // Opening a scene builds it, with what the reader asked for before (less motion).
    CHECK(lesson.open("scene=maths").empty());
    CHECK(lesson.built(5));
    CHECK(lesson.maths().reduced_motion);
    CHECK_FALSE(lesson.built(3));
    CHECK(lesson.artificial().reduced_motion);  // built now, with the same
    lesson.set_reduced_motion(false);
    CHECK_FALSE(lesson.maths().reduced_motion);
    CHECK_FALSE(lesson.artificial().reduced_motion);
    CHECK(lesson.scenes().size() == std::size_t(Lesson::kSceneCount));  // builds the rest
    for (int i = 0; i < Lesson::kSceneCount; ++i) CHECK(lesson.built(i));
  }

  TEST_CASE("json strings escape quotes and control characters") {
    CHECK(json_string("a\"b\\c\n") == "\"a\\\"b\\\\c\\u000a\"");
  }
}

namespace {
// The words of another edition for one test, then the English ones back. Every scene's
// table is built first, with English, so that no table keeps the test's words.
class OtherWords {
 public:
  // `change(key index, English text)` gives the test's text of each word.
  template <class Change>
  explicit OtherWords(Change change) {
    (void)Lesson().param_tables();
    std::string other;
    for (int i = 0; i < kWordCount; ++i) {
      const std::string english = word(Word(i));
      english_ += english + '\x1f';
      other += change(Word(i), english) + '\x1f';
    }
    REQUIRE(use_words(other).empty());
  }
  ~OtherWords() { use_words(english_); }
  OtherWords(const OtherWords&) = delete;
  OtherWords& operator=(const OtherWords&) = delete;

 private:
  std::string english_;
};

// Only a word's slots, in marks: "threshold {0} mV" -> "«{0}»". What is left of plain ASCII
// letters in a text said with these words came from elsewhere than the catalog.
std::string slots_only(Word w, const std::string& english) {
  if (w == Word::number_decimal_mark) return ",";
  if (w == Word::list_separator) return "; ";
  std::string out = "«";
  for (std::size_t i = 0; i + 2 < english.size(); ++i)
    if (english[i] == '{' && std::isdigit(static_cast<unsigned char>(english[i + 1])) && english[i + 2] == '}')
      out += english.substr(i, 3);
  return out + "»";
}

// The plain ASCII words of a text, but for numbers (1,2e-06, a speed's 2x) and units.
std::vector<std::string> plain_words(const std::string& text) {
  std::vector<std::string> found;
  std::string token;
  const auto flush = [&] {
    const bool letters = std::any_of(token.begin(), token.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
    const bool number = !token.empty() && std::isdigit(static_cast<unsigned char>(token[0])) &&
                        token.find_first_not_of("0123456789,e+-") >= token.size() - (token.back() == 'x' ? 1 : 0);
    if (letters && !number && token != "nA" && token != "mV" && token != "ms" && token != "Hz" && token != "s")
      found.push_back(token);
    token.clear();
  };
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c)) || ((c == ',' || c == '+' || c == '-') && !token.empty())) token += c;
    else flush();
  }
  flush();
  return found;
}
}  // namespace

TEST_SUITE("words") {
  TEST_CASE("the trainer's reasons for diverging are said in the edition's words, its numbers with its decimal mark") {
    using neuron::Divergence;
    using neuron::DivergenceReason;
    const Divergence start{DivergenceReason::StartNotFinite, 0, 0.0}, unbounded{DivergenceReason::Unbounded, 12, 3.5},
        rose{DivergenceReason::LossRose, 7, 0.25, 1234.0, 0.6931};
    // In English, the words are the trainer's own.
    CHECK(diverged_words(start) == "training diverged after epoch 0 (loss 0): the starting weights give a non-finite loss. Lower the learning rate and reset.");
    CHECK(diverged_words(unbounded) == "training diverged after epoch 12 (loss 3.5): the weights grew without bound. Lower the learning rate and reset.");
    CHECK(diverged_words(rose) == "training diverged after epoch 7 (loss 0.25): the next epoch would have raised the loss to 1.23e+03, from 0.693 at the start. Lower the learning rate and reset.");
    CHECK(diverged_words(Divergence{}) == "");  // not diverged
    // What a diverging trainer says, word for word.
    Lesson lesson;
    lesson.apply_url("scene=training&lr=1000&run=1");
    run(lesson.current(), 100);
    const neuron::Trainer& trainer = lesson.training().trainer();
    REQUIRE(trainer.status() == neuron::TrainStatus::Diverged);
    CHECK(diverged_words(trainer.divergence()) == trainer.message());
    OtherWords other([](Word w, const std::string& english) {
      if (w == Word::number_decimal_mark) return std::string(",");
      if (w == Word::diverged_start) return std::string("S {0} {1}");
      if (w == Word::diverged_unbounded) return std::string("U {0} {1}");
      if (w == Word::diverged_loss_rose) return std::string("R {0} {1} {2} {3}");
      return english;
    });
    CHECK(diverged_words(start) == "S 0 0");
    CHECK(diverged_words(unbounded) == "U 12 3,5");
    CHECK(diverged_words(rose) == "R 7 0,25 1,23e+03 0,693");
    const std::string said = diverged_words(trainer.divergence());
    CHECK((said.rfind("U ", 0) == 0 || said.rfind("R ", 0) == 0));
  }

  TEST_CASE("in another edition, nothing the figure says is left in English: titles, summaries, values") {
    OtherWords other(slots_only);
    Lesson lesson;
    std::vector<std::string> texts;
    const auto look = [&](const std::string& url, int frames) {
      lesson.apply_url(url);
      run(lesson.current(), frames);
      const SceneModel& scene = lesson.current();
      texts.push_back(scene.summary());
      texts.push_back(scene.title());
      texts.push_back(scene.short_title());
      // (The rows' labels are kept from the first use, in English here: the browser's
      // pseudo-locale test sees them.)
      for (const ParamRow& row : scene.param_table())
        if (row.kind == ParamKind::Number) texts.push_back(row.value_text(row.get(scene)));
    };
    for (const char* url : {"scene=biological&plasticity=stdp&drive=1&run=1", "scene=biological&plasticity=hebbian",
                            "scene=artificial", "scene=artificial&act=step", "scene=artificial&act=step&b=-3",
                            "scene=compare&run=1", "scene=compare&in1=0&in2=0&in3=0", "scene=training&run=1",
                            "scene=training&data=xor&layers=0&run=1", "scene=training&data=blobs&lr=1000&run=1",
                            "scene=training&data=circles&layers=2", "scene=pitfalls&pitfall=lr&fixed=0&run=1",
                            "scene=pitfalls&pitfall=lr&fixed=1&run=1", "scene=pitfalls&pitfall=loss&run=1",
                            "scene=pitfalls&pitfall=vanishing&run=1", "scene=pitfalls&pitfall=vanishing&fixed=1",
                            "scene=pitfalls&pitfall=depth&act=tanh&run=1", "scene=maths&data=or&replay=1"})
      look(url, 300);
    std::vector<std::string> english;
    for (const std::string& text : texts)
      for (const std::string& w : plain_words(text)) english.push_back(w + "  in: " + text);
    CHECK(english.empty());
    for (const std::string& line : english) MESSAGE(line);
  }
}
