// scene_model.cpp: applying and listing a scene's parameters through its table; number
// formatting shared by every scene's summary and drawing.
#include "scene_model.h"

#include <cmath>
#include <cstdio>

namespace lesson {

const ParamRow* SceneModel::find_param(std::string_view key) const {
  for (const ParamRow& row : param_table())
    if (row.key == key) return &row;
  return nullptr;
}

void SceneModel::apply(const QueryParam& param, Warnings& warnings) {
  const ParamRow* row = find_param(param.key);
  if (!row || !row->in_url) {
    warnings.push_back("ignoring unknown URL parameter '" + param.key.substr(0, 24) + "' for the " +
                       id() + " scene");
    return;
  }
  if (!row->applies_to(*this)) {
    warnings.push_back("ignoring " + param.key + ": it does not apply to this " + id() + " view");
    return;
  }
  double value = 0;
  if (read_param(*row, param, &value, warnings)) row->set(*this, value);
}

std::vector<QueryParam> SceneModel::params() const {
  std::vector<QueryParam> out;
  for (const ParamRow& row : param_table())
    if (row.written() && row.applies_to(*this))
      out.push_back({row.key, row.url_text(row.get(*this))});
  return out;
}

bool SceneModel::set_param(std::string_view key, double value, Warnings& warnings) {
  const ParamRow* row = find_param(key);
  if (!row) {
    warnings.push_back("no parameter '" + std::string(key.substr(0, 24)) + "' in the " + id() + " scene");
    return false;
  }
  if (!check_value(*row, &value, warnings)) return false;
  row->set(*this, value);
  return true;
}

bool SceneModel::press(std::string_view key) {
  const ParamRow* row = find_param(key);
  if (!row || row->kind != ParamKind::Button) return false;
  if (!row->enabled_in(*this)) return true;  // a dimmed button: pressed, does nothing
  row->set(*this, row->toggles && row->get(*this) > 0.5 ? 0.0 : 1.0);
  return true;
}

double SceneModel::param(std::string_view key) const {
  const ParamRow* row = find_param(key);
  return row ? row->get(*this) : 0.0;
}

std::string format_number(double value, int decimals) {
  if (!std::isfinite(value)) return "n/a";
  if (std::fabs(value) < 0.5 * std::pow(10.0, -decimals)) value = 0.0;  // no "-0.00"
  char text[32];
  if (std::fabs(value) >= 1e5)
    std::snprintf(text, sizeof text, "%.2g", value);
  else
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
  return text;
}

}  // namespace lesson

namespace lesson {

std::string format_significant(double value) {
  if (!std::isfinite(value)) return "n/a";
  const double magnitude = std::fabs(value);
  char text[40];
  if (magnitude != 0.0 && magnitude < 1e-3) {
    std::snprintf(text, sizeof text, "%.3g", value);  // 1.32e-06
    return text;
  }
  if (magnitude < 1000.0) {
    // 0.168, 1.50, 12.3, 168: three significant digits as plain decimals.
    const int decimals = magnitude < 1e-9 ? 0 : std::max(0, 2 - int(std::floor(std::log10(magnitude))));
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
  }
  // 128,000: rounded to three significant digits, thousands grouped.
  const double scale = std::pow(10.0, std::floor(std::log10(magnitude)) - 2);
  const long long whole = (long long)(std::round(magnitude / scale) * scale);
  std::string digits = std::to_string(whole), grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) grouped += ',';
    grouped += digits[i];
  }
  return (value < 0 ? "-" : "") + grouped;
}

}  // namespace lesson
