// scene_model.cpp: applying and listing a scene's parameters through its table; number
// formatting shared by every scene's summary and drawing.
#include "scene_model.h"

#include "words.h"

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
  if (!std::isfinite(value)) return word(Word::not_a_number);
  if (std::fabs(value) < 0.5 * std::pow(10.0, -decimals)) value = 0.0;  // no "-0.00"
  char text[32];
  if (std::fabs(value) >= 1e5)
    std::snprintf(text, sizeof text, "%.2g", value);
  else
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
  return with_decimal_mark(text);
}

}  // namespace lesson

namespace lesson {

const char* numbered_key(std::string_view prefix, int index) {
  static const char* const kWeights[] = {"w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8"};
  static const char* const kRates[] = {"inputRateHz1", "inputRateHz2", "inputRateHz3", "inputRateHz4",
                                       "inputRateHz5", "inputRateHz6", "inputRateHz7", "inputRateHz8"};
  static const char* const kDepths[] = {"accuracyDepth0", "accuracyDepth1", "accuracyDepth2", "accuracyDepth3",
                                        "accuracyDepth4", "accuracyDepth5", "accuracyDepth6", "accuracyDepth7"};
  if (index < 0 || index >= kNumberedKeys) return nullptr;
  if (prefix == "w") return kWeights[index];
  if (prefix == "inputRateHz") return kRates[index];
  if (prefix == "accuracyDepth") return kDepths[index];
  return nullptr;
}

std::string format_significant(double value) {
  if (!std::isfinite(value)) return word(Word::not_a_number);
  char text[40];
  const double magnitude = std::fabs(value);
  if (magnitude < 1000.0) {
    std::snprintf(text, sizeof text, "%.3g", value);  // 0.168, 1.32e-06
  } else {
    const double scale = std::pow(10.0, std::floor(std::log10(magnitude)) - 2);
    std::snprintf(text, sizeof text, "%.0f", std::round(value / scale) * scale);  // 128000
  }
  return with_decimal_mark(text);
}

}  // namespace lesson
