// param_widget.h: the widget of one parameter-table row (logic/param_table.h), so that a
// slider's range, scale and format, and a choice's buttons, come from the same row as the
// URL key: a slider for a number, radio buttons for a choice, a checkbox for a toggle.
#pragma once
#include <string_view>

#include "scene_model.h"

namespace lesson {

enum class ParamLayout {
  Heading,  // the label as a small heading above a full-width control
  Inline,   // the control, then its label on the same line (compact slider lists)
};

// Draws the row `key` of the scene's table (nothing if the row does not apply now); a
// change goes through SceneModel::set_param, the same check a URL value gets. `label_width`
// is the room kept for inline labels. Returns true when the value changed.
bool param_widget(SceneModel& scene, std::string_view key, ParamLayout layout = ParamLayout::Heading,
                  float label_width = 0.0f);

}  // namespace lesson
