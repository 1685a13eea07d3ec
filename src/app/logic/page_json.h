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
// [x,y,width,height], each to 0.1 px.
std::string json_rect(const CssRect& r);

// Where each control was drawn: {"lr":[x,y,w,h],"scene:maths":[...],...}.
struct NamedRect {
  std::string key;
  CssRect rect;
};
std::string rects_json(const std::vector<NamedRect>& rects);

// Every text drawn: [{"r":[x,y,w,h],"p":[x,y,w,h],"px":15,"t":"loss"},...]: its rectangle,
// its panel's (the clip rectangle it was drawn in), its font size in CSS px, the text.
struct PlacedText {
  CssRect rect, panel;
  double px = 0;
  std::string text;
};
std::string texts_json(const std::vector<PlacedText>& texts);

// Milliseconds, oldest first, to 0.001 ms: "[0.812,1.2,...]".
std::string times_json(const std::vector<double>& ms);

}  // namespace lesson
