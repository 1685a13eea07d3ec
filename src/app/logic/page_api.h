// page_api.h: the seam between the page and the figure, declared once. Every function the
// page's JavaScript calls in the wasm is one line of LESSON_PAGE_API below:
//
//   X(name, jsName, result, (parameters), (arguments))
//
// - src/app/exports.cpp expands the list into the `extern "C"` exports `lesson_<name>`,
//   each calling `page_api::<name>` (declared here from the same line, defined there: a
//   definition whose kinds differ from its line is another function, and the link fails on
//   the missing one);
// - scripts/build-site.mjs reads this file and writes the page's binding table (the module
//   `lesson:page-api` that web/js/seam.mjs imports): wasm.<jsName>(...), with text copied
//   through the wasm heap both ways.
//
// Kinds: number (a double), integer (an int), text (a UTF-8 string: `const char*` in, a
// std::string out, copied by the page at once), none (no result). Adding a function to the
// page is one line here and its body in exports.cpp.
#pragma once
#include <string>

namespace page_api {

using number = double;
using integer = int;
using text = const char*;

// clang-format off
#define LESSON_PAGE_API(X)                                                                        \
  /* frames drawn since load: the tests' and the page's clock */                                  \
  X(frames,             frames,           integer, (),                          ())               \
  /* the edition's words, before the first frame (logic/words.h): "" or why not */                \
  X(set_words,          setWords,         text,    (text words),                (words))          \
  /* the page's facts: on screen, dark theme, reduced motion (only a change asks for frames) */   \
  X(set_visible,        setVisible,       none,    (integer visible),           (visible))        \
  X(set_theme,          setTheme,         none,    (integer dark),              (dark))           \
  X(set_reduced_motion, setReducedMotion, none,    (integer on),                (on))             \
  /* the reader's intents: a scene as asked ("scene=training&lr=3"), still, or the first */      \
  X(open,               open,             text,    (text query),                (query))          \
  X(open_still,         openStill,        text,    (text query),                (query))          \
  X(show_first_scene,   showFirstScene,   none,    (),                          ())               \
  /* a query exactly as given, motion and all (print stills, and putting the figure back) */     \
  X(apply_url,          applyUrl,         text,    (text query),                (query))          \
  X(url,                url,              text,    (),                          ())               \
  X(state_json,         stateJson,        text,    (),                          ())               \
  X(scenes_json,        scenesJson,       text,    (),                          ())               \
  X(controls_json,      controlsJson,     text,    (),                          ())               \
  /* the native controls: a value set or a button pressed; the one with focus (ringed) */         \
  X(set_control,        setControl,       text,    (text key, number value),    (key, value))     \
  X(focus_control,      focusControl,     none,    (text key),                  (key))            \
  /* predict, then see: a Try it's setup, and its prediction armed once that is applied */        \
  X(prediction_setup,   predictionSetup,  text,    (text id),                   (id))             \
  X(arm_prediction,     armPrediction,    integer, (text id),                   (id))             \
  /* drawing: one frame now (print stills), the canvas height the content took */                \
  X(draw_now,           drawNow,          integer, (),                          ())               \
  X(content_height,     contentHeight,    number,  (),                          ())               \
  /* measurements for tests and bench/: rectangles drawn last frame, recent frame times */        \
  X(control_rects_json, controlRectsJson, text,    (),                          ())               \
  X(text_rects_json,    textRectsJson,    text,    (),                          ())               \
  X(frame_times_json,   frameTimesJson,   text,    (),                          ())
// clang-format on

// What each kind is on the C++ side of the implementation: text comes back as a std::string.
#define LESSON_PAGE_API_RESULT_none void
#define LESSON_PAGE_API_RESULT_number double
#define LESSON_PAGE_API_RESULT_integer int
#define LESSON_PAGE_API_RESULT_text std::string

#define LESSON_PAGE_API_DECLARE(name, js, result, params, args) LESSON_PAGE_API_RESULT_##result name params;
LESSON_PAGE_API(LESSON_PAGE_API_DECLARE)
#undef LESSON_PAGE_API_DECLARE

}  // namespace page_api
