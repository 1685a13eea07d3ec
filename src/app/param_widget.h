// param_widget.h: the canvas widget of one parameter-table row (logic/param_table.h), so
// that a slider's range, scale and format, a choice's buttons and a button's label come from
// the same row as the URL key and the page's native control: a slider for a number, radio
// buttons (or toggle buttons) for a choice, a checkbox (or two buttons) for a toggle, a
// button for a button.
// Each widget drawn is noted with its rectangle, so that the figure can draw a focus ring
// around the widget whose native control has keyboard focus, and tests can find it.
#pragma once
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "imgui.h"
#include "scene_model.h"

namespace lesson {

enum class ParamLayout {
  Heading,  // the label as a small heading above a full-width control
  Inline,   // the control, then its label on the same line (compact slider lists)
};

// Draws the row `key` of the scene's table (nothing if the row does not apply now); a
// change goes through SceneModel::set_param (a button through SceneModel::press), the same
// check a URL value or a native control gets. `label_width` is the room kept for inline
// labels. Returns true when the value changed.
bool param_widget(SceneModel& scene, std::string_view key, ParamLayout layout = ParamLayout::Heading,
                  float label_width = 0.0f);
// How the sliders `keys` are labelled: beside each slider (Inline, keeping `width` for the
// widest label and its gap) where that label takes at most half the width and leaves each
// slider room for its value beside the grab; else above it (Heading, `width` 0), so that
// longer words move the labels rather than squeeze the sliders.
struct SliderLabels {
  ParamLayout layout;
  float width;
};
SliderLabels slider_labels(const SceneModel& scene, std::initializer_list<const char*> keys);
// How many of `count` buttons go in one row of the width `avail`, the widest label `widest`
// wide: at most `most`, and no more than leave every label room inside its button; spread
// evenly over the rows (four that fit three a row go two and two). At least one.
std::size_t buttons_per_row(std::size_t count, float widest, float avail, std::size_t most);
// The width of each of `per_row` buttons sharing the width `avail`.
float button_width(std::size_t per_row, float avail);
// On a phone, right under the plot it puts first: the control the last Try it asks the
// learner to move (SceneModel::focus_control), if any. A control drawn once in a frame is
// not drawn again: the scene's usual list of controls then leaves it out.
void focus_control(SceneModel& scene);
// The buttons `keys` side by side, sharing the width evenly; in more rows where a label
// (pressed or not) would not fit its button.
void button_row(SceneModel& scene, std::initializer_list<const char*> keys);

// ---- Where each control was drawn this frame -------------------------------------------
struct DrawnControl {
  std::string key;  // a row's key, "fixed:1" for one button of a pair, or "scene:<id>" for a tab
  ImVec2 min, max;
};
void forget_drawn_controls();  // at the start of each frame
// Notes the last ImGui item as (part of) the control `key`: repeated notes grow its rectangle.
void note_control(std::string_view key);
const std::vector<DrawnControl>& drawn_controls();
// A ring around the control `key` if it was drawn this frame (on top of everything).
void draw_focus_ring(std::string_view key);

}  // namespace lesson
