// param_widget.cpp: sliders, radio buttons and checkboxes drawn from parameter-table rows.
#include "param_widget.h"

#include <cmath>
#include <string>

#include "imgui.h"
#include "plot.h"

namespace lesson {

bool param_widget(SceneModel& scene, std::string_view key, ParamLayout layout, float label_width) {
  const ParamRow* row = scene.find_param(key);
  if (!row || row->kind == ParamKind::Action || (row->applies && !row->applies(scene))) return false;
  const double now = row->get(scene);
  double value = now;
  bool changed = false;
  ImGui::PushID(row->key.c_str());
  switch (row->kind) {
    case ParamKind::Number: {
      // Inline: ImGui draws the label right of the slider; a heading hides it ("##").
      const std::string label = layout == ParamLayout::Inline ? row->label : "##" + row->label;
      if (layout == ParamLayout::Heading) section_label(row->label.c_str());
      ImGui::SetNextItemWidth(layout == ParamLayout::Inline ? -label_width : -1.0f);
      ImGuiSliderFlags flags = ImGuiSliderFlags_AlwaysClamp;
      if (row->log_scale) flags |= ImGuiSliderFlags_Logarithmic;
      if (row->integer) {
        int v = int(std::lround(now));
        changed = ImGui::SliderInt(label.c_str(), &v, int(row->min), int(row->max), row->format, flags);
        value = v;
      } else {
        float v = float(now);
        changed = ImGui::SliderFloat(label.c_str(), &v, float(row->min), float(row->max), row->format, flags);
        value = v;
      }
      break;
    }
    case ParamKind::Choice: {
      if (layout == ParamLayout::Heading) section_label(row->label.c_str());
      for (std::size_t i = 0; i < row->choice_labels.size(); ++i) {
        const char* text = row->choice_labels[i].c_str();
        if (i) same_line_if_fits(text);
        if (ImGui::RadioButton(text, std::lround(now) == long(i)) && long(i) != std::lround(now)) {
          value = double(i);
          changed = true;
        }
      }
      break;
    }
    case ParamKind::Toggle: {
      bool on = now > 0.5;
      changed = ImGui::Checkbox(row->label.c_str(), &on);
      value = on ? 1.0 : 0.0;
      break;
    }
    case ParamKind::Action: break;
  }
  ImGui::PopID();
  // A value typed in (Ctrl+click) that is not a number is refused by set_param.
  if (!changed || value == now) return false;
  Warnings ignored;  // a slider cannot leave its range; nothing to tell the reader
  return scene.set_param(row->key, value, ignored);
}

}  // namespace lesson
