// The page's side of the seam, natively: the JSON the page reads (page_json.h) and the
// reader's intents (Lesson::open, still or with reduced motion), which apply to whichever
// scene they concern without the page knowing its keys.
#include <doctest.h>

#include <cmath>
#include <limits>
#include <type_traits>

#include "lesson.h"
#include "page_api.h"

using namespace lesson;

namespace {
bool warned(const Warnings& warnings) { return !warnings.empty(); }
}  // namespace

TEST_SUITE("page api") {
  TEST_CASE("the figure's measurements are JSON the page can parse, to 0.1 px, never NaN") {
    const auto same = [](const auto& item) { return item; };
    CHECK(rects_json(std::vector<NamedRect>{}, same) == "{}");
    CHECK(rects_json(std::vector<NamedRect>{{"lr", {10, 20.25, 100, 30}}, {"scene:maths", {0, 0, 1.04, 2}}}, same) ==
          "{\"lr\":[10.0,20.2,100.0,30.0],\"scene:maths\":[0.0,0.0,1.0,2.0]}");
    CHECK(texts_json(std::vector<PlacedText>{{{1, 2, 3, 4}, {0, 0, 50, 60}, 15, "loss \"L\""}}, same) ==
          "[{\"r\":[1.0,2.0,3.0,4.0],\"p\":[0.0,0.0,50.0,60.0],\"px\":15,\"t\":\"loss \\\"L\\\"\"}]");
    CHECK(times_json({0.8125, 12}) == "[0.812,12.000]");
    const double nan = std::numeric_limits<double>::quiet_NaN();
    std::string rect;
    append_rect(rect, {nan, 1, std::numeric_limits<double>::infinity(), 2});
    CHECK(rect == "null");
    CHECK(json_number(nan) == "null");
    CHECK(json_number(0.25) == "0.25");
  }

  TEST_CASE("the export table names every kind it uses, and its functions have them") {
    // Each line of LESSON_PAGE_API declares its function with the kinds it names (defined in
    // src/app/exports.cpp, in the wasm build only).
    static_assert(std::is_same_v<decltype(&page_api::set_control), std::string (*)(const char*, double)>);
    static_assert(std::is_same_v<decltype(&page_api::frames), int (*)()>);
    static_assert(std::is_same_v<decltype(&page_api::set_visible), void (*)(int)>);
    int lines = 0;
#define COUNT_LINE(name, js, result, params, args) ++lines;
    LESSON_PAGE_API(COUNT_LINE)
#undef COUNT_LINE
    CHECK(lines >= 20);
  }

  TEST_CASE("opening a scene still pauses it if it runs, and warns about nothing, in every scene") {
    Lesson lesson;
    for (const SceneModel* s : lesson.scenes()) {
      CAPTURE(s->id());
      const Warnings warnings = lesson.open(std::string("scene=") + s->id() + "&run=1", /*still=*/true);
      CHECK_FALSE(warned(warnings));
      CHECK(std::string(lesson.current().id()) == s->id());
      if (lesson.current().find_param("run")) CHECK(lesson.current().param("run") == 0.0);
    }
  }

  TEST_CASE("with reduced motion, nothing a link asks for starts moving; without, it runs as asked") {
    Lesson lesson;
    CHECK_FALSE(warned(lesson.open("scene=training&data=xor&run=1")));
    CHECK(lesson.current().param("run") == 1.0);
    lesson.set_reduced_motion(true);
    CHECK_FALSE(warned(lesson.open("scene=training&data=xor&run=1")));
    CHECK(lesson.current().param("run") == 0.0);
    CHECK(lesson.url().find("data=xor") != std::string::npos);
    CHECK_FALSE(warned(lesson.open("scene=biological")));  // runs by default: opened paused
    CHECK(lesson.current().param("run") == 0.0);
    CHECK_FALSE(warned(lesson.open("scene=maths")));  // no Run: nothing to pause, nothing said
  }

  TEST_CASE("a query as given still starts a run (print stills), and unknown keys are still reported") {
    Lesson lesson;
    lesson.set_reduced_motion(true);
    CHECK_FALSE(warned(lesson.apply_url("scene=training&run=1")));
    CHECK(lesson.current().param("run") == 1.0);
    CHECK(warned(lesson.open("scene=maths&run=1&nonsense=2")));
  }

  TEST_CASE("the first scene is the lesson's first, whatever its name") {
    Lesson lesson;
    lesson.open("scene=maths");
    lesson.show_first_scene();
    CHECK(lesson.current_index() == 0);
    CHECK(lesson.current().id() == lesson.scenes().front()->id());
    CHECK(lesson.current().animating());  // the spiking neuron runs by default...
    lesson.set_reduced_motion(true);
    lesson.open("scene=maths");
    lesson.show_first_scene();
    CHECK_FALSE(lesson.current().animating());  // ...but not when the reader asked for less motion
  }
}
