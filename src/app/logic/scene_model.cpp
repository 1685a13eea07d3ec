// scene_model.cpp: number formatting shared by every scene's summary and drawing.
#include "scene_model.h"

#include <cmath>
#include <cstdio>

namespace lesson {

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
