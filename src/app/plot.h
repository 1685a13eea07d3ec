// plot.h: the drawing helpers every scene shares: the palette (light and dark, matching
// lesson.css), a Plot that maps data coordinates to a screen rectangle on ImGui's draw
// list, and a two-pane layout that stacks on narrow canvases.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "imgui.h"

namespace lesson {

struct Palette {
  ImVec4 background, panel, text, muted, accent, accent_soft, good, bad, warn, grid;
  ImVec4 class0, class1;  // the two labels of the data sets
  ImVec4 series[6];       // one colour per input / layer
};
const Palette& palette();
void set_dark_palette(bool dark);
ImU32 colour(const ImVec4& c, float alpha = 1.0f);
ImVec4 mix(const ImVec4& a, const ImVec4& b, float t);

class Plot {
 public:
  // Reserves `size` at the cursor (clicks and hovers go to it), draws its background and
  // clips to it until destroyed. The y axis can be logarithmic (y0, y1 > 0).
  Plot(const char* id, ImVec2 size, double x0, double x1, double y0, double y1, bool log_y = false);
  ~Plot();
  Plot(const Plot&) = delete;
  Plot& operator=(const Plot&) = delete;

  ImVec2 at(double x, double y) const;
  double x_of(float screen_x) const;
  double y_of(float screen_y) const;
  bool clicked() const { return clicked_; }
  bool hovered() const { return hovered_; }

  void hline(double y, const ImVec4& c, float thickness = 1.0f, const char* label = nullptr);
  void vline(double x, const ImVec4& c, float thickness = 1.0f);
  void curve(int count, const std::function<ImVec2(int)>& point, const ImVec4& c,
             float thickness = 2.0f);
  void dot(double x, double y, float radius, const ImVec4& c, bool outline = false);
  // A label with its top left at (x, y), placed as place_text() does (moved, or left out,
  // rather than drawn over another text).
  bool label(double x, double y, const std::string& s, const ImVec4& c);
  void rect(double x0, double y0, double x1, double y1, const ImVec4& c);
  // Axis captions inside the plot's edges: x at bottom right, y at top left; a caption too
  // wide for the plot is shortened at its last comma, semicolon or parenthesis.
  void captions(const char* x_caption, const char* y_caption);

  ImDrawList* draw;
  ImVec2 origin, size;
  double x0, x1, y0, y1;
  bool log_y;

 private:
  double y_map(double y) const;
  bool clicked_ = false, hovered_ = false;
};

// ---- Every text drawn in a frame --------------------------------------------------------
// Each text ImGui draws (widgets and plots alike) is noted with its rectangle and its panel,
// the clip rectangle it was drawn in, so tests can check that no text covers another, none is
// cut by its panel's edge and none is too small (tests/web/phone.test.mjs).
struct DrawnText {
  ImVec2 min, max, panel_min, panel_max;
  float size;  // font size, device pixels
  std::string text;
};
void forget_drawn_texts();  // at the start of each frame
const std::vector<DrawnText>& drawn_texts();
// Draws `text` with its top left at `at` (pulled inside the panel it is drawn in) if it
// covers no text drawn before it; else a line lower, or higher, up to two lines away; else
// not at all (returns false). A patch of the panel's colour under it keeps plot lines from
// running through the letters.
bool place_text(ImDrawList* draw, ImVec2 at, const ImVec4& c, const std::string& text);

// Two panes: controls on the left of a wide canvas; on a narrow one (a phone) nothing is
// begun, and the scene draws its plots first, full width, then its controls beneath.
class Panes {
 public:
  explicit Panes(float left_fraction);
  void right();  // ends the left pane, starts the right one
  ~Panes();
  bool wide;

 private:
  bool in_right_ = false;
};

// On a wide canvas, where the left pane's content ended in this frame (0 without panes): the
// canvas grows when the controls need more height than it has.
float left_pane_bottom();
// Whether the window's content is too narrow for two panes side by side (a phone).
bool narrow_layout();
// The narrow layout's height for a plot of the canvas's full width: `aspect` of the width,
// between 9 lines and 80% of the width.
float narrow_height(float aspect);
// Height left below the cursor, split evenly among `count` plots with room for a caption.
float share_of_height(int count, float minimum_lines = 5.0f);

// ImGui::SameLine() if a radio button or checkbox labelled `label` still fits on this line.
void same_line_if_fits(const char* label);
// ImGui::SameLine() if an item `width` wide still fits on this line.
void same_line_if_room(float width);
// A bold-looking heading for a block of controls (the muted colour, slightly spaced).
void section_label(const char* text);  // wrapped at the pane's edge
// A button that shows as pressed when `active`.
bool toggle_button(const char* label, bool active, ImVec2 size = ImVec2(0, 0));

}  // namespace lesson
