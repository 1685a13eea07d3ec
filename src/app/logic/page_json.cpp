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

namespace {
// A number to `decimals` places ("12.5", not "12.500"... kept short: the page parses it).
std::string fixed(double value, int decimals) {
  if (!std::isfinite(value)) return "null";
  char number[40];
  std::snprintf(number, sizeof number, "%.*f", decimals, value);
  return number;
}
}  // namespace

std::string json_rect(const CssRect& r) {
  return "[" + fixed(r.x, 1) + "," + fixed(r.y, 1) + "," + fixed(r.width, 1) + "," + fixed(r.height, 1) + "]";
}

std::string rects_json(const std::vector<NamedRect>& rects) {
  std::string json = "{";
  for (const NamedRect& r : rects) json += (json.size() > 1 ? "," : "") + json_string(r.key) + ":" + json_rect(r.rect);
  return json + "}";
}

std::string texts_json(const std::vector<PlacedText>& texts) {
  std::string json = "[";
  for (const PlacedText& t : texts) {
    json += (json.size() > 1 ? ",{\"r\":" : "{\"r\":") + json_rect(t.rect) + ",\"p\":" + json_rect(t.panel) +
            ",\"px\":" + fixed(t.px, 1) + ",\"t\":" + json_string(t.text) + "}";
  }
  return json + "]";
}

std::string times_json(const std::vector<double>& ms) {
  std::string json = "[";
  for (double t : ms) json += (json.size() > 1 ? "," : "") + fixed(t, 3);
  return json + "]";
}

}  // namespace lesson
