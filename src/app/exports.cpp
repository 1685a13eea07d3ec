// exports.cpp: the functions the page calls, one per line of LESSON_PAGE_API
// (logic/page_api.h), which also declares them and names their kinds. Each is a thin call
// into the Lesson, the app or the seam's state; the JSON is built by logic/page_json.h.
#include <emscripten/emscripten.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "page_api.h"
#include "page_json.h"
#include "param_widget.h"
#include "plot.h"
#include "words.h"
#include "seam.h"

namespace page_api {
namespace {

using lesson::seam;

std::string_view view(text s) { return s ? s : ""; }

// Warnings for the page's console, one per line (empty when all was understood).
std::string lines(const lesson::Warnings& warnings) {
  std::string joined;
  for (const std::string& w : warnings) joined += w + "\n";
  return joined;
}

// Device pixels to CSS pixels.
lesson::CssRect css(ImVec2 min, ImVec2 max) {
  const double s = seam.scale > 0 ? seam.scale : 1.0;
  return {min.x / s, min.y / s, (max.x - min.x) / s, (max.y - min.y) / s};
}

}  // namespace

int frames() { return int(seam.frames_drawn); }

std::string set_words(text words) { return lesson::use_words(std::string(view(words))); }

void set_visible(int visible) {
  if (visible && !seam.visible) seam.request_frames();  // only a change asks for frames:
  seam.visible = visible != 0;                           // an idle figure stays idle
}

void set_theme(int dark) {
  if ((dark != 0) == seam.dark) return;
  seam.dark = dark != 0;
  if (seam.scale > 0) lesson::apply_style(seam.scale, seam.dark);
  seam.request_frames();
}

void set_reduced_motion(int on) { seam.app->lesson.set_reduced_motion(on != 0); }

std::string open(text query) {
  const lesson::Warnings warnings = seam.app->lesson.open(view(query));
  seam.request_frames();
  return lines(warnings);
}

std::string open_still(text query) {
  const lesson::Warnings warnings = seam.app->lesson.open(view(query), /*still=*/true);
  seam.request_frames();
  return lines(warnings);
}

void show_first_scene() {
  seam.app->lesson.show_first_scene();
  seam.request_frames();
}

std::string apply_url(text query) {
  const lesson::Warnings warnings = seam.app->lesson.apply_url(view(query));
  seam.request_frames();
  return lines(warnings);
}

std::string url() { return seam.app->lesson.url(); }
std::string state_json() { return seam.app->lesson.state_json(); }
std::string scenes_json() { return seam.app->lesson.scenes_json(); }
std::string controls_json() { return seam.app->lesson.controls_json(); }

// A button pressed (value unused), or a value set, checked and clamped by the table as a URL
// value is.
std::string set_control(text key, double value) {
  lesson::SceneModel& scene = seam.app->lesson.current();
  lesson::Warnings warnings;
  if (!scene.press(view(key))) scene.set_param(view(key), value, warnings);
  seam.request_frames();
  return lines(warnings);
}

void focus_control(text key) {
  seam.app->focused = std::string(view(key));
  seam.request_frames();
}

// "scene=training&data=xor&...", or "" for an unknown id.
std::string prediction_setup(text id) {
  for (const lesson::PredictionRule& rule : lesson::prediction_rules())
    if (view(id) == rule.id) return std::string("scene=") + rule.scene + "&" + rule.setup;
  return "";
}

// 0 for an unknown id, or when the current scene is not the prediction's.
int arm_prediction(text id) {
  const bool armed = seam.app->lesson.arm_prediction(view(id));
  seam.request_frames();
  return armed ? 1 : 0;
}

// Whether the scene is still moving after the frame (print stills run it forward).
int draw_now() {
  lesson::draw_now();
  return seam.app->animating() ? 1 : 0;
}

double content_height() { return seam.scale > 0 ? double(seam.app->content_height / seam.scale) : 0.0; }

std::string control_rects_json() {
  return lesson::rects_json(lesson::drawn_controls(), [](const lesson::DrawnControl& c) {
    return lesson::NamedRect{c.key, css(c.min, c.max)};
  });
}

std::string text_rects_json() {
  const double s = seam.scale > 0 ? seam.scale : 1.0;
  return lesson::texts_json(lesson::drawn_texts(), [s](const lesson::DrawnText& t) {
    return lesson::PlacedText{css(t.min, t.max), css(t.panel_min, t.panel_max), t.size / s, t.text};
  });
}

std::string frame_times_json() {
  std::vector<double> ms;
  const long count = std::min<long>(seam.timed, lesson::Seam::kTimedFrames);
  for (long i = seam.timed - count; i < seam.timed; ++i) ms.push_back(seam.frame_ms[i % lesson::Seam::kTimedFrames]);
  return lesson::times_json(ms);
}

}  // namespace page_api

// ---- the exports: lesson_<name>, one per line of the table --------------------------
// A text result is kept in the seam until the next call; the page copies it at once.
namespace {
const char* hand_to_js(std::string text) {
  lesson::seam.text = std::move(text);
  return lesson::seam.text.c_str();
}
}  // namespace

#define LESSON_EXPORT_C_none void
#define LESSON_EXPORT_C_number double
#define LESSON_EXPORT_C_integer int
#define LESSON_EXPORT_C_text const char*
#define LESSON_EXPORT_OUT_none(call) call
#define LESSON_EXPORT_OUT_number(call) call
#define LESSON_EXPORT_OUT_integer(call) call
#define LESSON_EXPORT_OUT_text(call) hand_to_js(call)
#define LESSON_EXPORT(name, js, result, params, args)                              \
  extern "C" EMSCRIPTEN_KEEPALIVE LESSON_EXPORT_C_##result lesson_##name params { \
    return LESSON_EXPORT_OUT_##result(page_api::name args);                       \
  }
namespace page_api {  // for the kinds' names; extern "C" names are global all the same
LESSON_PAGE_API(LESSON_EXPORT)
}  // namespace page_api
