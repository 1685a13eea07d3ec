// param_table.h: one definition per scene parameter. Each row of a scene's table holds a
// URL key with its kind, range, default, scale and display format (or, for a choice, the
// names, which come from the core's name() functions), and how to read and change it on
// the model. The URL parser, the URL writer, the clamping (with its warning), the sliders
// and radio buttons, the README's URL table and the tests all read these rows.
#pragma once
#include <string>
#include <vector>

#include "url_state.h"

namespace lesson {

class SceneModel;

enum class ParamKind {
  Number,  // a slider: min..max, linear or logarithmic
  Choice,  // radio buttons: one of `choices`; the value is the index
  Toggle,  // a checkbox: 0 or 1
  Button,  // a button: pressing it calls set(scene, 1), or for a toggle button (Run) set(scene, !get)
  Action,  // a URL key only (t=4000): applied, never written back, no widget of its own
};

// "number", "choice", "toggle", "button", "url": the kind in lesson_controls_json.
const char* name(ParamKind kind);

// How the canvas draws a choice or a toggle (the native control is the same either way).
enum class ParamLook {
  Default,  // radio buttons, a checkbox
  Buttons,  // a choice as a row of toggle buttons; a toggle as two (its choice_labels: off, on)
};

// How a row reads and changes its model: plain functions (captureless lambdas) that cast
// the scene to its own type. (std::function here cost ~5 KB of gzipped wasm.)
using ParamGet = double (*)(const SceneModel&);
using ParamSet = void (*)(SceneModel&, double);
using ParamApplies = bool (*)(const SceneModel&);

struct ParamRow {
  std::string key;    // "lr": in URLs, the JS API, the README
  std::string label;  // "learning rate η": the widget's label and its spoken name
  ParamKind kind = ParamKind::Number;
  double min = 0.0, max = 1.0, initial = 0.0;
  bool log_scale = false;
  bool integer = false;         // whole numbers only (layer counts)
  const char* format = "%.2f";  // printf format of the value on a slider ("%.0f Hz")
  std::vector<std::string> choices;        // URL names, e.g. "cross-entropy"
  std::vector<std::string> choice_labels;  // shown on the radio buttons, e.g. "cross-entropy"
  std::string help;  // one line for the README (for a button that is not a URL key: its tooltip)
  ParamLook look = ParamLook::Default;
  bool in_url = true;          // false for buttons that are not URL keys (Reset, Step)
  bool toggles = false;        // a button that stays pressed (Run): get() says whether it is
  std::string pressed_label;   // what the canvas shows on a pressed toggle button ("Pause")

  ParamGet get = nullptr;  // a choice's index, a toggle's 0 or 1, or the number
  // Receives a value already checked and clamped to [min, max] (an index for a choice).
  ParamSet set = nullptr;
  // Whether the row applies in the model's current state (e.g. lr only for pitfall=lr).
  // Rows that do not apply are neither written to the URL nor drawn. Null: always.
  ParamApplies applies = nullptr;
  // Whether a button can be pressed now (Run once training has diverged or finished: no;
  // Reset says how to go on). Drawn dimmed on the canvas, aria-disabled in the page. Null: always.
  ParamApplies enabled = nullptr;
  std::string disabled_help;  // why it is dimmed, and what to do: its tooltip and description then

  bool written() const { return kind != ParamKind::Action && kind != ParamKind::Button; }
  bool applies_to(const SceneModel& scene) const { return !applies || applies(scene); }
  bool enabled_in(const SceneModel& scene) const { return !enabled || enabled(scene); }
  // A button's tooltip (and its native twin's description) now: why it is dimmed, or what a
  // button that is not a URL key does (a URL key's help is the README's); else empty.
  std::string tooltip(const SceneModel& scene) const {
    if (!enabled_in(scene)) return disabled_help;
    return in_url ? std::string() : help;
  }
  // Whether the figure shows a control for the row (everything but URL-only keys).
  bool has_control() const { return kind != ParamKind::Action; }
  // The URL text of a value: a choice's name, or a short number.
  std::string url_text(double value) const;
  // Copies with one more property, for building tables: number_param(...).logarithmic().
  ParamRow logarithmic() const { ParamRow r = *this; r.log_scale = true; return r; }
  ParamRow described(std::string text) const { ParamRow r = *this; r.help = std::move(text); return r; }
  ParamRow whole_numbers() const { ParamRow r = *this; r.integer = true; return r; }
  ParamRow only_when(ParamApplies test) const { ParamRow r = *this; r.applies = test; return r; }
  ParamRow enabled_when(ParamApplies test, std::string why_not) const {
    ParamRow r = *this;
    r.enabled = test;
    r.disabled_help = std::move(why_not);
    return r;
  }
  ParamRow drawn_as_buttons(std::vector<std::string> labels = {}) const {
    ParamRow r = *this;
    r.look = ParamLook::Buttons;
    if (!labels.empty()) r.choice_labels = std::move(labels);
    return r;
  }
  // The step of one arrow-key press on the row's native slider: 1 for whole numbers, else
  // about 1% of the range on a 1-2-5 ladder, never finer than the format shows. (A
  // logarithmic row's native slider moves in kLogStepsPerDecade steps per decade.)
  double step() const;
  static constexpr int kLogStepsPerDecade = 20;
  int steps_per_decade = kLogStepsPerDecade;  // finer where a threshold must be found
  ParamRow finely(int per_decade) const { ParamRow r = *this; r.steps_per_decade = per_decade; return r; }
  // How many steps a logarithmic row's native slider has from min to max.
  int log_positions() const;
  // The value as the canvas writes it, with its unit: "0.30", "20 Hz", a choice's label.
  std::string value_text(double value) const;
};

using ParamTable = std::vector<ParamRow>;

// What a URL key sets, for the README's table of URL parameters (url_table_markdown): written
// for developers, in English, and read by no learner (a control's tooltip is a button's help
// or why it is dimmed: ParamRow::tooltip), so it is not one of the figure's words and the
// page's build leaves it out. So is the label of a URL-only key (action_param).
#ifdef __EMSCRIPTEN__
#define LESSON_URL_DOC(english) std::string()
#else
#define LESSON_URL_DOC(english) std::string(english)
#endif

// ---- Building rows ------------------------------------------------------------------
// The default is not given here: with_defaults() (scene_model.h) reads it off a fresh model.

ParamRow number_param(std::string key, std::string label, double min, double max, const char* format,
                      ParamGet get, ParamSet set);
// get returns 0 or 1; set receives 0 or 1.
ParamRow toggle_param(std::string key, std::string label, ParamGet get, ParamSet set);
// A URL key only: t=4000.
ParamRow action_param(std::string key, std::string label, double min, double max, ParamSet set);
// A button; press receives 1. Not a URL key.
ParamRow button_param(std::string key, std::string label, ParamSet press);
// A button that stays pressed while get() is 1 (Run, shown as `pressed_label` while pressed),
// and the URL key run=0|1; set receives 0 or 1.
ParamRow toggle_button_param(std::string key, std::string label, std::string pressed_label, ParamGet get,
                             ParamSet set);
// A choice among enum values; the URL names are name(value), found in the enum's
// namespace. get returns the index of the current value (index_of); set receives an index.
template <class E, std::size_t N>
ParamRow choice_param(std::string key, std::string label, const E (&values)[N], std::vector<std::string> labels,
                      ParamGet get, ParamSet set) {
  ParamRow row = number_param(std::move(key), std::move(label), 0, double(N) - 1, "%.0f", get, set);
  row.kind = ParamKind::Choice;
  row.integer = true;
  for (const E& value : values) row.choices.emplace_back(name(value));
  row.choice_labels = labels.empty() ? row.choices : std::move(labels);
  return row;
}

// The position of v among values (0 if absent): a choice row's getter.
template <class E, std::size_t N>
double index_of(const E (&values)[N], E v) {
  for (std::size_t i = 0; i < N; ++i)
    if (values[i] == v) return double(i);
  return 0.0;
}

// ---- Reading a row ---------------------------------------------------------------------

// Checks and clamps a value for a row, in the one place where clamping happens: non-finite
// values are refused (returns false), values outside [min, max] are clamped, whole-number
// rows are rounded. Each adjustment leaves a warning naming the key.
bool check_value(const ParamRow& row, double* value, Warnings& warnings);
// Parses a URL value for a row (a number, or a choice name) and checks it.
bool read_param(const ParamRow& row, const QueryParam& param, double* value, Warnings& warnings);

// The README's table of URL parameters, generated from every scene's rows (markdown).
struct SceneTable {
  std::string scene;
  const ParamTable* rows;
};
std::string url_table_markdown(const std::vector<SceneTable>& scenes);

}  // namespace lesson
