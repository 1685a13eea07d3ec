// page_json.h: the JSON the page reads, built in one place (tested natively in
// tests/logic/page_json_test.cpp): strings and numbers, and the figure's measurements
// (where it drew its controls and texts, how long its frames took) for tests and bench/.
// No NaN or infinity is ever written: they become null.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace lesson {

// A JSON string literal, with quotes and escapes.
std::string json_string(std::string_view text);
// A JSON number at full precision; null for a non-finite one.
std::string json_number(double value);

// A rectangle in CSS pixels from the canvas's top left.
struct CssRect {
  double x = 0, y = 0, width = 0, height = 0;
};
// Appends [x,y,width,height], each to 0.1 px (null if any is not finite).
void append_rect(std::string& json, const CssRect& r);

// Where each control was drawn: {"lr":[x,y,w,h],"scene:maths":[...],...}. `describe(item)`
// gives the item's NamedRect. (Templates over what the app records, so that the records are
// not copied into a list of their own first: in the wasm, each list type is code.)
struct NamedRect {
  std::string_view key;
  CssRect rect;
};
template <class Items, class Describe>
std::string rects_json(const Items& items, Describe describe) {
  std::string json = "{";
  for (const auto& item : items) {
    const NamedRect r = describe(item);
    if (json.size() > 1) json += ',';
    json += json_string(r.key) + ":";
    append_rect(json, r.rect);
  }
  return json + "}";
}

// Every text drawn: [{"r":[x,y,w,h],"p":[x,y,w,h],"px":15,"t":"loss"},...]: its rectangle,
// its panel's (the clip rectangle it was drawn in), its font size in CSS px, the text.
struct PlacedText {
  CssRect rect, panel;
  double px = 0;
  std::string_view text;
};
void append_text(std::string& json, const PlacedText& t);
template <class Items, class Describe>
std::string texts_json(const Items& items, Describe describe) {
  std::string json = "[";
  for (const auto& item : items) {
    if (json.size() > 1) json += ',';
    append_text(json, describe(item));
  }
  return json + "]";
}

// Milliseconds, oldest first, to 0.001 ms: "[0.812,1.2,...]".
std::string times_json(const std::vector<double>& ms);

}  // namespace lesson
