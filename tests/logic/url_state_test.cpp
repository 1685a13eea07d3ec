// URL state: a teacher's link opens the exact view; a broken link never breaks the page.
#include <doctest.h>

#include "lesson.h"

using namespace lesson;

TEST_SUITE("url state") {
  TEST_CASE("query strings are split and percent-decoded") {
    Warnings w;
    const auto params = parse_query("?scene=training&lr=3&note=a%20b+c&flag", w);
    REQUIRE(params.size() == 4);
    CHECK(params[0].key == "scene");
    CHECK(params[1].value == "3");
    CHECK(params[2].value == "a b c");
    CHECK(params[3].key == "flag");
    CHECK(params[3].value.empty());
    CHECK(w.empty());
  }

  TEST_CASE("malformed percent escapes and fragments are harmless") {
    Warnings w;
    const auto params = parse_query("a=%zz&b=%4&c=1#frag=2", w);
    REQUIRE(params.size() == 3);
    CHECK(params[0].value == "%zz");
    CHECK(params[1].value == "%4");
    CHECK(params[2].value == "1");
  }

  TEST_CASE("over-long values and too many parameters are dropped with a warning") {
    Warnings w;
    std::string query = "lr=" + std::string(10000, '9');
    for (int i = 0; i < 100; ++i) query += "&k" + std::to_string(i) + "=1";
    const auto params = parse_query(query, w);
    CHECK(params.size() == kMaxParams);
    CHECK(w.size() == 2);
  }

  TEST_CASE("numbers: read as written; NaN, Infinity and words ignored with a warning") {
    Warnings w;
    double value = 7.0;
    CHECK(read_number({"lr", "3"}, &value, w));
    CHECK(value == 3.0);
    CHECK(read_number({"lr", "1e6"}, &value, w));
    CHECK(value == 1e6);  // the range is the table's (check_value), not the parser's
    CHECK(w.empty());
    for (const char* bad : {"NaN", "nan", "Infinity", "inf", "-inf", "", "3x", "abc", "1e999"}) {
      CAPTURE(bad);
      double untouched = 7.0;
      CHECK_FALSE(read_number({"lr", bad}, &untouched, w));
      CHECK(untouched == 7.0);
    }
  }

  TEST_CASE("a teacher's link opens the training scene with learning rate 3") {
    Lesson lesson;
    const Warnings w = lesson.apply_url("?scene=training&lr=3&data=xor");
    CHECK(w.empty());
    CHECK(std::string(lesson.current().id()) == "training");
    CHECK(lesson.training().learning_rate() == 3.0);
    CHECK(lesson.training().data() == neuron::DataKind::Xor);
    CHECK(lesson.url() == "scene=training&data=xor&lr=3&loss=cross-entropy&layers=0");
  }

  TEST_CASE("every scene's URL round-trips") {
    Lesson lesson;
    lesson.artificial().cell.weights[1] = -2.25;
    lesson.artificial().cell.activation = neuron::Activation::Relu;
    lesson.pitfalls().select(Pitfall::Depth, false);
    lesson.pitfalls().set_depth(3);
    lesson.maths().set_start(1.5, -2.0);
    for (SceneModel* scene : lesson.scenes()) {
      lesson.show(scene->id());
      const std::string url = lesson.url();
      Lesson copy;
      CAPTURE(url);
      CHECK(copy.apply_url(url).empty());
      CHECK(copy.url() == url);
    }
  }

  TEST_CASE("unknown scenes, unknown keys and bad values warn and change nothing else") {
    Lesson lesson;
    const Warnings w = lesson.apply_url("scene=brain&colour=red&lr=fast");
    CHECK(std::string(lesson.current().id()) == "biological");
    CHECK(w.size() == 3);
    Lesson training;
    const Warnings w2 = training.apply_url("scene=training&lr=NaN&data=spirals&loss=hinge");
    CHECK(training.training().learning_rate() == 1.0);
    CHECK(training.training().data() == neuron::DataKind::And);
    CHECK(w2.size() == 3);
  }

  TEST_CASE("page-level parameters are not the figure's: page.js removes them, the figure would warn") {
    Lesson lesson;
    CHECK(lesson.apply_url("scene=maths&embed=1&parentOrigin=https%3A%2F%2Flms.example").size() == 2);
    CHECK(std::string(lesson.current().id()) == "maths");
  }
}
