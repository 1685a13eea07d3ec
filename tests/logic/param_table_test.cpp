// The parameter tables: one row per URL key, and every path (URL in, URL out, widgets,
// the JS API, the README) agrees with it because every path reads it.
#include <doctest.h>

#include <cmath>
#include <fstream>
#include <set>
#include <sstream>

#include "lesson.h"

using namespace lesson;

namespace {
// Values worth trying on a row: both ends, the default, and one in between.
std::vector<double> probes(const ParamRow& row) {
  const double mid = row.log_scale ? std::sqrt(row.min * row.max) : (row.min + row.max) / 2;
  std::vector<double> out{row.min, row.max, row.initial, row.integer ? std::round(mid) : mid};
  return out;
}

// Brings a scene into the state where a row applies (e.g. pitfall=depth for depth).
void make_applicable(Lesson& lesson, SceneModel& scene, const ParamRow& row) {
  if (!row.applies || row.applies(scene)) return;
  // Try the other rows' whole-number values (choices, toggles, counts) until it applies.
  for (const ParamRow& other : scene.param_table()) {
    if (&other == &row || !other.integer || other.kind == ParamKind::Action) continue;
    for (double i = other.min; i <= other.max && !row.applies(scene); ++i) {
      Warnings ignored;
      scene.set_param(other.key, i, ignored);
    }
  }
  (void)lesson;
}
}  // namespace

TEST_SUITE("parameter tables") {
  TEST_CASE("every row is well formed: unique keys, defaults inside their ranges, choices named") {
    Lesson lesson;
    for (SceneModel* scene : lesson.scenes()) {
      std::set<std::string> keys;
      for (const ParamRow& row : scene->param_table()) {
        CAPTURE(scene->id());
        CAPTURE(row.key);
        CHECK(keys.insert(row.key).second);
        CHECK(row.key != "scene");
        CHECK(row.min < row.max);
        CHECK((row.get != nullptr));
        CHECK((row.set != nullptr));
        if (row.log_scale) CHECK(row.min > 0);
        if (row.kind != ParamKind::Action) {
          CHECK(row.initial >= row.min);
          CHECK(row.initial <= row.max);
          CHECK(row.get(*scene) == row.initial);  // a fresh scene shows its defaults
        }
        if (row.kind == ParamKind::Choice) {
          CHECK(row.choices.size() == std::size_t(row.max) + 1);
          CHECK(row.choice_labels.size() == row.choices.size());
          for (const std::string& c : row.choices) CHECK_FALSE(c.empty());
        }
      }
    }
  }

  TEST_CASE("every key round-trips through the URL at both ends of its range") {
    for (const SceneTable& table : Lesson().param_tables()) {
      for (const ParamRow& row : *table.rows) {
        if (!row.written()) continue;
        for (double value : probes(row)) {
          Lesson lesson;
          lesson.show(table.scene);
          SceneModel& scene = lesson.current();
          make_applicable(lesson, scene, row);
          Warnings warnings;
          REQUIRE(scene.set_param(row.key, value, warnings));
          CHECK(warnings.empty());
          const std::string url = lesson.url();
          CAPTURE(url);
          REQUIRE(url.find(row.key + "=") != std::string::npos);
          Lesson copy;
          CHECK(copy.apply_url(url).empty());
          CHECK(copy.current().param(row.key) == doctest::Approx(value).epsilon(1e-3));
          CHECK(copy.url() == url);
        }
      }
    }
  }

  TEST_CASE("clamping happens in the table: out-of-range values by URL and by set_param agree") {
    for (const SceneTable& table : Lesson().param_tables()) {
      for (const ParamRow& row : *table.rows) {
        if (row.kind != ParamKind::Number) continue;
        for (double asked : {row.min - 1e6, row.max + 1e6}) {
          Lesson by_url, by_widget;
          by_url.show(table.scene);
          by_widget.show(table.scene);
          make_applicable(by_url, by_url.current(), row);
          make_applicable(by_widget, by_widget.current(), row);
          Warnings w1, w2;
          by_url.current().apply({row.key, url_number(asked)}, w1);
          by_widget.current().set_param(row.key, asked, w2);
          CAPTURE(row.key);
          CHECK(w1.size() == 1);  // "... is out of range ...; using ..."
          CHECK(w2.size() == 1);
          const double expected = asked < row.min ? row.min : row.max;
          CHECK(by_url.current().param(row.key) == doctest::Approx(expected));
          CHECK(by_widget.current().param(row.key) == doctest::Approx(expected));
        }
        Lesson lesson;
        lesson.show(table.scene);
        Warnings w;
        const double before = lesson.current().param(row.key);
        CHECK_FALSE(lesson.current().set_param(row.key, NAN, w));
        CHECK(lesson.current().param(row.key) == before);
      }
    }
  }

  TEST_CASE("the learning rate pitfall's URL range is its slider's range (0.01-10)") {
    Lesson lesson;
    const Warnings w = lesson.apply_url("scene=pitfalls&pitfall=lr&lr=1000");
    REQUIRE(w.size() == 1);
    CHECK(lesson.pitfalls().rate_too_high().learning_rate() == 10.0);
  }

  TEST_CASE("buttons are rows: pressed through the table, and only Run is a URL key") {
    Lesson lesson;
    lesson.show("training");
    SceneModel& scene = lesson.current();
    CHECK_FALSE(lesson.training().running);
    CHECK(scene.press("run"));  // a toggle button: pressed, then released
    CHECK(lesson.training().running);
    CHECK(scene.press("run"));
    CHECK_FALSE(lesson.training().running);
    CHECK(scene.press("step"));
    CHECK(lesson.training().trainer().epoch() == 1);
    CHECK(scene.press("reset"));
    CHECK(lesson.training().trainer().epoch() == 0);
    CHECK_FALSE(scene.press("lr"));  // not a button
    const Warnings w = lesson.apply_url("step=1&run=1");
    REQUIRE(w.size() == 1);  // "step" is a button, not a URL key
    CHECK(w[0].find("unknown URL parameter 'step'") != std::string::npos);
    CHECK(lesson.training().running);
    CHECK(lesson.url().find("step") == std::string::npos);
  }

  TEST_CASE("Run and Step are dimmed once training diverged, and pressing them does nothing; Reset brings them back") {
    Lesson lesson;
    lesson.apply_url("scene=training&lr=1000");
    SceneModel& scene = lesson.current();
    for (int i = 0; i < 50 && lesson.training().can_train(); ++i) scene.press("step");
    REQUIRE(lesson.training().trainer().status() == neuron::TrainStatus::Diverged);
    CHECK(lesson.controls_json().find("\"key\":\"step\",\"kind\":\"button\"") != std::string::npos);
    CHECK(lesson.controls_json().find("\"disabled\":true") != std::string::npos);
    CHECK(lesson.controls_json().find("Reset to start again") != std::string::npos);  // and says why
    const int epoch = lesson.training().trainer().epoch();
    scene.press("step");
    scene.press("run");
    CHECK(lesson.training().trainer().epoch() == epoch);
    CHECK_FALSE(lesson.training().running);
    scene.press("reset");
    CHECK(lesson.training().can_train());
    CHECK(lesson.controls_json().find("\"disabled\"") == std::string::npos);
  }

  TEST_CASE("another pitfall opens broken; the same one keeps its fix") {
    Lesson lesson;
    lesson.apply_url("scene=pitfalls&pitfall=lr&fixed=1");
    REQUIRE(lesson.pitfalls().fixed());
    Warnings w;
    lesson.current().set_param("pitfall", 0, w);
    CHECK(lesson.pitfalls().fixed());
    lesson.current().set_param("pitfall", 1, w);
    CHECK_FALSE(lesson.pitfalls().fixed());
  }

  TEST_CASE("the native controls' description lists every row, in the table's order, with its value") {
    Lesson lesson;
    for (SceneModel* scene : lesson.scenes()) {
      lesson.show(scene->id());
      const std::string json = lesson.controls_json();
      CAPTURE(json);
      std::size_t at = 0;
      for (const ParamRow& row : scene->param_table()) {
        const std::size_t found = json.find("{\"key\":\"" + row.key + "\"", at);
        REQUIRE(found != std::string::npos);  // present, and after the row before it
        at = found;
        CHECK(json.find("\"label\":" + json_string(row.label), found) != std::string::npos);
        if (row.kind == ParamKind::Number)
          CHECK(json.find("\"text\":" + json_string(row.value_text(row.get(*scene))), found) != std::string::npos);
      }
      CHECK(json.find("nan") == std::string::npos);
    }
  }

  TEST_CASE("a slider's keyboard step: whole numbers by one, others by about 1% on a 1-2-5 ladder") {
    Lesson lesson;
    CHECK(lesson.artificial().find_param("x1")->step() == doctest::Approx(0.05));  // -2..2 at %.2f
    CHECK(lesson.biological().find_param("drive")->step() == doctest::Approx(0.1));  // 0..4 at %.1f
    CHECK(lesson.biological().find_param("speed")->log_scale);  // 0.25x to 32x: a slider by factors
    CHECK(lesson.training().find_param("layers")->step() == 1.0);
    CHECK(lesson.biological().find_param("rate")->value_text(5.0) == "5.0 Hz");
    CHECK(lesson.pitfalls().find_param("pitfall")->value_text(1.0) == "Mismatched loss");
  }

#ifdef LESSON_README
  TEST_CASE("the README's URL table is the one the parameter tables generate") {
    std::ifstream file(LESSON_README);
    if (!file) {
      MESSAGE("README.md not found at " LESSON_README "; skipping");
      return;
    }
    std::stringstream text;
    text << file.rdbuf();
    const std::string readme = text.str();
    const std::string begin = "<!-- url-table: generated from the parameter tables -->\n";
    const std::string end = "<!-- /url-table -->";
    const std::size_t a = readme.find(begin), b = readme.find(end);
    REQUIRE(a != std::string::npos);
    REQUIRE(b != std::string::npos);
    const std::string expected = url_table_markdown(Lesson().param_tables());
    const std::string actual = readme.substr(a + begin.size(), b - a - begin.size());
    if (actual != expected)
      FAIL_CHECK("README.md's URL table is out of date; replace it with:\n" << expected);
  }
#endif
}
