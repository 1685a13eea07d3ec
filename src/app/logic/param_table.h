// param_table.h: one definition per scene parameter. Each row of a scene's table holds a
// URL key with its kind, range, default, scale and display format (or, for a choice, the
// names, which come from the core's name() functions), and how to read and change it on
// the model. The URL parser, the URL writer, the clamping (with its warning), the sliders
// and radio buttons, the README's URL table and the tests all read these rows.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "url_state.h"

namespace lesson {

class SceneModel;

enum class ParamKind {
  Number,  // a slider: min..max, linear or logarithmic
  Choice,  // radio buttons: one of `choices`; the value is the index
  Toggle,  // a checkbox: 0 or 1
  Action,  // a URL key only (run=1, t=4000): applied, never written back, no widget of its own
};

struct ParamRow {
  std::string key;    // "lr": in URLs, the JS API, the README
  std::string label;  // "learning rate η": the widget's label and its spoken name
  ParamKind kind = ParamKind::Number;
  double min = 0.0, max = 1.0, initial = 0.0;
  bool log_scale = false;
  bool integer = false;     // whole numbers only (layer counts)
  const char* format = "%.2f";  // printf format of the value on a slider ("%.0f Hz")
  std::vector<std::string> choices;        // URL names, e.g. "cross-entropy"
  std::vector<std::string> choice_labels;  // shown on the radio buttons, e.g. "cross-entropy"
  std::string help;  // one line for the README: what the parameter does

  std::function<double(const SceneModel&)> get;
  // Receives a value already checked and clamped to [min, max] (an index for a choice).
  std::function<void(SceneModel&, double)> set;
  // Whether the row applies in the model's current state (e.g. lr only for pitfall=lr).
  // Rows that do not apply are neither written to the URL nor drawn.
  std::function<bool(const SceneModel&)> applies;

  bool written() const { return kind != ParamKind::Action; }
  // Copies with one more property, for building tables: number_param(...).logarithmic().
  ParamRow logarithmic() const { ParamRow r = *this; r.log_scale = true; return r; }
  ParamRow described(std::string text) const { ParamRow r = *this; r.help = std::move(text); return r; }
  ParamRow whole_numbers() const { ParamRow r = *this; r.integer = true; return r; }
  // The URL text of a value: a choice's name, or a short number.
  std::string url_text(double value) const;
  // The value as the slider shows it, with its unit ("0.3", "4 Hz").
  std::string display(double value) const;
};

using ParamTable = std::vector<ParamRow>;

// ---- Building rows for a model type M -------------------------------------------------
// Get and Set are callables on M: get(const M&) -> double or enum, set(M&, value). The
// default is not given here: with_defaults() (scene_model.h) reads it off a fresh model.

template <class M, class Get, class Set>
ParamRow number_param(std::string key, std::string label, double min, double max,
                      const char* format, Get get, Set set) {
  ParamRow row;
  row.key = std::move(key);
  row.label = std::move(label);
  row.min = min;
  row.max = max;
  row.format = format;
  row.get = [get](const SceneModel& m) { return double(get(static_cast<const M&>(m))); };
  row.set = [set](SceneModel& m, double v) { set(static_cast<M&>(m), v); };
  return row;
}

template <class M, class Get, class Set>
ParamRow toggle_param(std::string key, std::string label, Get get, Set set) {
  ParamRow row = number_param<M>(std::move(key), std::move(label), 0, 1, "%.0f",
                                 [get](const M& m) { return get(m) ? 1.0 : 0.0; },
                                 [set](M& m, double v) { set(m, v > 0.5); });
  row.kind = ParamKind::Toggle;
  row.integer = true;
  return row;
}

template <class M, class Set>
ParamRow action_param(std::string key, std::string label, double min, double max, Set set) {
  ParamRow row = number_param<M>(std::move(key), std::move(label), min, max, "%.0f",
                                 [](const M&) { return 0.0; }, set);
  row.kind = ParamKind::Action;
  row.integer = min == 0 && max == 1;  // run=0|1
  return row;
}

// A choice among enum values; the URL names are name(value), found in the enum's namespace.
template <class M, class E, class Get, class Set>
ParamRow choice_param(std::string key, std::string label, std::vector<E> values,
                      std::vector<std::string> labels, Get get, Set set) {
  ParamRow row;
  row.key = std::move(key);
  row.label = std::move(label);
  row.kind = ParamKind::Choice;
  row.integer = true;
  for (const E& value : values) row.choices.emplace_back(name(value));
  row.choice_labels = labels.empty() ? row.choices : std::move(labels);
  row.min = 0;
  row.max = double(values.size()) - 1;
  row.format = "%.0f";
  row.get = [values, get](const SceneModel& m) {
    const E now = get(static_cast<const M&>(m));
    for (std::size_t i = 0; i < values.size(); ++i)
      if (values[i] == now) return double(i);
    return 0.0;
  };
  row.set = [values, set](SceneModel& m, double index) {
    set(static_cast<M&>(m), values[std::size_t(index)]);
  };
  return row;
}

// A row that applies only while pred(model) holds.
template <class M, class Pred>
ParamRow only_when(ParamRow row, Pred pred) {
  row.applies = [pred](const SceneModel& m) { return pred(static_cast<const M&>(m)); };
  return row;
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
