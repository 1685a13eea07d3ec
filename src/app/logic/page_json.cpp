// page_json.cpp: the JSON the page reads (see page_json.h).
#include "page_json.h"

#include <cmath>
#include <cstdio>

namespace lesson {

std::string json_string(std::string_view text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += char(c);
    } else if (c < 0x20) {
      char escape[8];
      std::snprintf(escape, sizeof escape, "\\u%04x", c);
      out += escape;
    } else {
      out += char(c);
    }
  }
  return out + "\"";
}

std::string json_number(double value) {
  char number[40];
  std::snprintf(number, sizeof number, std::isfinite(value) ? "%.17g" : "null", value);
  return number;
}

void append_rect(std::string& json, const CssRect& r) {
  if (!std::isfinite(r.x + r.y + r.width + r.height)) {
    json += "null";
    return;
  }
  char numbers[96];
  std::snprintf(numbers, sizeof numbers, "[%.1f,%.1f,%.1f,%.1f]", r.x, r.y, r.width, r.height);
  json += numbers;
}

void append_text(std::string& json, const PlacedText& t) {
  json += "{\"r\":";
  append_rect(json, t.rect);
  json += ",\"p\":";
  append_rect(json, t.panel);
  json += ",\"px\":" + json_number(std::round(t.px * 10) / 10) + ",\"t\":" + json_string(t.text) + "}";
}

std::string times_json(const std::vector<double>& ms) {
  std::string json = "[";
  for (double t : ms) {
    char number[40];
    std::snprintf(number, sizeof number, std::isfinite(t) ? "%s%.3f" : "%snull", json.size() > 1 ? "," : "", t);
    json += number;
  }
  return json + "]";
}

}  // namespace lesson
