// scene_model.h: what each scene of the figure is, apart from how it is drawn: its
// numbers, its parameter table (URL keys, ranges, widgets), its text summary and the
// figures lesson.state() reports. UI-free, so it is unit tested natively; src/app/scenes/
// draws it with ImGui.
#pragma once
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "param_table.h"
#include "url_state.h"
#include "words.h"

namespace lesson {

// The most training any scene does in one frame, in weight-steps (Trainer::epoch_work):
// scenes train whole epochs until the next would pass it, and long work (the depth race)
// spreads over frames and is drawn as it goes. At the page's measured speed (30-45 weight-
// steps per microsecond here, bench/README.md) a frame's training stays near 4-5 ms.
inline constexpr long kWeightStepsPerFrame = 160000;
// How many epochs of `cost` weight-steps a frame may train: as many as fit the budget, at
// least one (so training always moves), at most `wanted` (the pace the eye can follow).
inline int epochs_this_frame(int wanted, long cost) {
  return int(std::clamp<long>(kWeightStepsPerFrame / std::max(cost, 1L), 1, std::max(wanted, 1)));
}

// One key number of a scene, e.g. {"loss", 0.31}. The key is a string literal (or one of
// numbered_key's): the state is built many times a second, with no string to allocate.
struct Figure {
  const char* key = "";
  double value = 0.0;
};
// "w1", "w2", ... for per-item figures: prefix "w" or "inputRateHz" or "accuracyDepth" and
// an index (0-based; `from` is what the first is called). Null past kNumberedKeys.
inline constexpr int kNumberedKeys = 8;
const char* numbered_key(std::string_view prefix, int index);

// What a scene is called, known without building its model: the tabs and the page's list of
// scenes name every scene, and a model is built when first shown (lesson.h).
struct SceneName {
  const char* id;     // "training": in URLs, the JS API and tests
  Word title;         // "Training": the tab label
  Word short_title;   // the tab label where six tabs share a phone's width: one short word
};

class SceneModel {
 public:
  virtual ~SceneModel() = default;
  virtual const SceneName& name() const = 0;  // each model's kName
  const char* id() const { return name().id; }
  const char* title() const { return word(name().title); }
  const char* short_title() const { return word(name().short_title); }
  // What the last Try it asks the learner to watch and move (a plot's id, a row's key; empty
  // for none): a phone's layout puts that plot first and that control right under it.
  std::string focus_plot, focus_control;

  // The scene's parameters, one row each (param_table.h). Everything below reads them.
  virtual const ParamTable& param_table() const = 0;
  const ParamRow* find_param(std::string_view key) const;

  // URL parameters: apply one (unknown keys and bad values warn), and list the current ones.
  void apply(const QueryParam& param, Warnings& warnings);
  std::vector<QueryParam> params() const;
  // A widget or the JS API changing one parameter: checked and clamped by the table, as a
  // URL value is. Returns false (with a warning) for an unknown key or a non-finite value.
  bool set_param(std::string_view key, double value, Warnings& warnings);
  double param(std::string_view key) const;
  // A button pressed (on the canvas or its native twin): a plain button's set(1), a toggle
  // button's set(!pressed). Returns false for a key that is not a button.
  bool press(std::string_view key);

  // The scene's key numbers in words, for the text alternative beside the canvas.
  virtual std::string summary() const = 0;
  virtual std::vector<Figure> figures() const = 0;

  // True while the scene moves on its own (simulation or training): keep drawing frames.
  virtual bool animating() const { return false; }
  // One frame's worth of simulation or training.
  virtual void advance() {}
  // The reader asked for less motion (prefers-reduced-motion): what the scene would animate
  // by itself (a glide, a replay) happens at once.
  bool reduced_motion = false;
};

// Inside a parameter row's functions: the scene as its own type.
template <class M>
M& as(SceneModel& scene) { return static_cast<M&>(scene); }
template <class M>
const M& as(const SceneModel& scene) { return static_cast<const M&>(scene); }

// Fills each row's `initial` from a freshly built model, so that a parameter's default is
// written once: in the model's own member initialisers.
template <class M>
ParamTable with_defaults(ParamTable table) {
  const M fresh;
  for (ParamRow& row : table)
    if (row.kind != ParamKind::Action) row.initial = row.get(fresh);
  return table;
}

// "0.57", "-1.20", "1.2e+06": never "nan" or "-0.00"; non-finite values read "n/a".
std::string format_number(double value, int decimals = 2);
// Three significant digits, for values across many scales: "0.168", "1.32e-06", "128000".
std::string format_significant(double value);

}  // namespace lesson
