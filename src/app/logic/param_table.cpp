// param_table.cpp: checking, parsing and printing the rows of a scene's parameter table.
#include "param_table.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "words.h"

namespace lesson {

const char* name(ParamKind kind) {
  switch (kind) {
    case ParamKind::Number: return "number";
    case ParamKind::Choice: return "choice";
    case ParamKind::Toggle: return "toggle";
    case ParamKind::Button: return "button";
    case ParamKind::Action: return "url";  // a URL key only: no control
  }
  return "";
}

std::string ParamRow::url_text(double value) const {
  if (kind == ParamKind::Choice) {
    const std::size_t i = std::size_t(std::clamp(value, 0.0, max));
    return i < choices.size() ? choices[i] : std::string();
  }
  return url_number(value);
}

ParamRow number_param(std::string key, std::string label, double min, double max, const char* format,
                      ParamGet get, ParamSet set) {
  ParamRow row;
  row.key = std::move(key);
  row.label = std::move(label);
  row.min = min;
  row.max = max;
  row.format = format;
  row.get = get;
  row.set = set;
  return row;
}

ParamRow toggle_param(std::string key, std::string label, ParamGet get, ParamSet set) {
  ParamRow row = number_param(std::move(key), std::move(label), 0, 1, "%.0f", get, set);
  row.kind = ParamKind::Toggle;
  row.integer = true;
  return row;
}

ParamRow action_param(std::string key, std::string label, double min, double max, ParamSet set) {
  ParamRow row = number_param(std::move(key), std::move(label), min, max, "%.0f",
                              [](const SceneModel&) { return 0.0; }, set);
  row.kind = ParamKind::Action;
  row.integer = min == 0 && max == 1;  // run=0|1
  return row;
}

ParamRow button_param(std::string key, std::string label, ParamSet press) {
  ParamRow row = number_param(std::move(key), std::move(label), 0, 1, "%.0f",
                              [](const SceneModel&) { return 0.0; }, press);
  row.kind = ParamKind::Button;
  row.integer = true;
  row.in_url = false;
  return row;
}

ParamRow toggle_button_param(std::string key, std::string label, std::string pressed_label, ParamGet get,
                             ParamSet set) {
  ParamRow row = number_param(std::move(key), std::move(label), 0, 1, "%.0f", get, set);
  row.kind = ParamKind::Button;
  row.integer = true;
  row.toggles = true;
  row.pressed_label = std::move(pressed_label);
  return row;
}

double ParamRow::step() const {
  if (integer) return 1.0;
  const double rough = (max - min) / 100.0;
  const double decade = std::pow(10.0, std::floor(std::log10(rough)));
  double step = 5 * decade;
  for (double m : {1.0, 2.0, 2.5}) {
    if (rough <= m * decade * 1.25) {
      step = m * decade;
      break;
    }
  }
  // "%.2f" shows steps of 0.01: a finer step would show the same text twice.
  const char* dot = std::strchr(format, '.');
  if (dot && std::strchr(format, 'f')) step = std::max(step, std::pow(10.0, -std::atoi(dot + 1)));
  return step;
}

int ParamRow::log_positions() const {
  return std::max(1, int(std::lround(std::log10(max / min) * steps_per_decade)));
}

std::string ParamRow::value_text(double value) const {
  if (kind == ParamKind::Choice) {
    const std::size_t i = std::size_t(std::clamp(value, 0.0, max));
    return i < choice_labels.size() ? choice_labels[i] : std::string();
  }
  if (kind != ParamKind::Number) return word(value > 0.5 ? Word::value_on : Word::value_off);
  if (!std::isfinite(value)) return word(Word::not_a_number);
  char text[48];
  std::snprintf(text, sizeof text, format, value);
  return with_decimal_mark(text);
}

bool check_value(const ParamRow& row, double* value, Warnings& warnings) {
  if (!std::isfinite(*value)) {
    warnings.push_back("ignoring " + row.key + ": not a finite number");
    return false;
  }
  const double asked = *value;
  double v = std::clamp(asked, row.min, row.max);
  if (row.integer) v = std::round(v);
  if (v != asked && row.kind != ParamKind::Toggle)
    warnings.push_back(row.key + "=" + url_number(asked) + " is out of range " +
                       url_number(row.min) + "-" + url_number(row.max) + "; using " +
                       row.url_text(v));
  if (row.kind == ParamKind::Toggle) v = asked > 0.5 ? 1.0 : 0.0;
  *value = v;
  return true;
}

bool read_param(const ParamRow& row, const QueryParam& param, double* value, Warnings& warnings) {
  if (row.kind == ParamKind::Choice) {
    std::vector<std::string_view> names(row.choices.begin(), row.choices.end());
    int index = 0;
    if (!read_choice(param, names, &index, warnings)) return false;
    *value = index;
    return true;
  }
  // read_number parses; check_value clamps and warns.
  return read_number(param, value, warnings) && check_value(row, value, warnings);
}

std::string url_table_markdown(const std::vector<SceneTable>& scenes) {
  std::string out = "| scene | key | values | default | what it sets |\n|---|---|---|---|---|\n";
  for (const SceneTable& s : scenes) {
    for (const ParamRow& row : *s.rows) {
      if (!row.in_url) continue;
      std::string values;
      switch (row.kind) {
        case ParamKind::Choice:
          for (const std::string& c : row.choices) values += (values.empty() ? "`" : " \\| `") + c + "`";
          break;
        case ParamKind::Toggle: values = "`0` \\| `1`"; break;
        default: {
          char range[64];
          std::snprintf(range, sizeof range, "%g to %g", row.min, row.max);
          values = range;
          if (row.integer && row.min == 0 && row.max == 1) values = "`0` \\| `1`";
          if (row.log_scale) values += " (log scale)";
        }
      }
      const std::string initial = !row.written() ? "" : "`" + row.url_text(row.initial) + "`";
      out += "| `" + s.scene + "` | `" + row.key + "` | " + values + " | " + initial + " | " +
             (row.help.empty() ? row.label : row.help) + " |\n";
    }
  }
  return out;
}

}  // namespace lesson
