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
  void text(double x, double y, const std::string& s, const ImVec4& c);
  void rect(double x0, double y0, double x1, double y1, const ImVec4& c);
  // Axis captions inside the plot's edges: x at bottom right, y at top left.
  void captions(const char* x_caption, const char* y_caption);

  ImDrawList* draw;
  ImVec2 origin, size;
  double x0, x1, y0, y1;
  bool log_y;

 private:
  double y_map(double y) const;
  bool clicked_ = false, hovered_ = false;
};

// Two panes: controls on the left of a wide canvas, stacked above the plots on a narrow one.
class Panes {
 public:
  explicit Panes(float left_fraction);
  void right();  // ends the left pane, starts the right one
  ~Panes();
  bool wide;

 private:
  bool in_right_ = false;
};

// Height left below the cursor, split evenly among `count` plots with room for a caption.
float share_of_height(int count, float minimum_lines = 5.0f);

// ImGui::SameLine() if a radio button or checkbox labelled `label` still fits on this line.
void same_line_if_fits(const char* label);
// A bold-looking heading for a block of controls (the muted colour, slightly spaced).
void section_label(const char* text);
// A button that shows as pressed when `active`.
bool toggle_button(const char* label, bool active, ImVec2 size = ImVec2(0, 0));

}  // namespace lesson
