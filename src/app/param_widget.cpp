// param_widget.cpp: sliders, radio buttons, checkboxes and buttons drawn from parameter-table rows.
#include "param_widget.h"

#include "frame_memory.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "plot.h"

namespace lesson {

namespace {

// A button of the row, `size` wide; true when pressed. The ImGui id is the key, so Run
// turning into Pause is the same button.
bool draw_button(const SceneModel& scene, const ParamRow& row, ImVec2 size) {
  const bool pressed = row.toggles && row.get(scene) > 0.5;
  const std::string& text = pressed && !row.pressed_label.empty() ? row.pressed_label : row.label;
  ImGui::BeginDisabled(!row.enabled_in(scene));
  const bool clicked = toggle_button((text + "###" + row.key).c_str(), pressed, size);
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    if (const std::string tip = row.tooltip(scene); !tip.empty()) ImGui::SetTooltip("%s", tip.c_str());
  note_control(row.key);
  return clicked;
}

bool drawn(std::string_view key) {
  const std::vector<DrawnControl>& controls = frame_memory().controls;
  return std::any_of(controls.begin(), controls.end(), [&](const DrawnControl& c) { return c.key == key; });
}

// Drawn already this frame (the focus control, put first on a phone) counts as not applying.
bool applies(const SceneModel& scene, const ParamRow* row) {
  return row && row->has_control() && row->applies_to(scene) && !drawn(row->key);
}

// A slider's value, written on the side of its frame away from the grab, so the grab never
// covers it. ImGui's own centred value is drawn invisible (the slider still formats and
// rounds with it).
void slider_value(const ParamRow& row, double value) {
  const std::string shown = row.value_text(row.integer ? std::round(value) : value);  // with the edition's decimal mark
  const char* text = shown.c_str();
  const double t = row.log_scale ? std::log(value / row.min) / std::log(row.max / row.min) : (value - row.min) / (row.max - row.min);
  const ImVec2 lo = ImGui::GetItemRectMin(), hi = ImGui::GetItemRectMax();
  // Where ImGui draws the grab (SliderBehaviorT in imgui_widgets.cpp: 2 px in from each end,
  // a whole number's grab as wide as one step), noted for the test that no value is under it.
  const float slider = hi.x - lo.x - 4.0f;
  float grab = ImGui::GetStyle().GrabMinSize;
  if (row.integer) grab = std::max(slider / float(row.max - row.min + 1), grab);
  grab = std::min(grab, slider);
  const float centre = lo.x + 2.0f + grab / 2 + float(std::clamp(t, 0.0, 1.0)) * (slider - grab);
  frame_memory().controls.push_back({"grab:" + row.key, ImVec2(centre - grab / 2, lo.y), ImVec2(centre + grab / 2, hi.y)});
  const float pad = ImGui::GetStyle().FramePadding.x, width = ImGui::CalcTextSize(text).x;
  const float x = t > 0.5 ? lo.x + pad : hi.x - pad - width;
  ImGui::GetWindowDrawList()->AddText(nullptr, 0.0f, ImVec2(x, lo.y + ImGui::GetStyle().FramePadding.y),
                                      ImGui::GetColorU32(ImGuiCol_Text), text);
}
}  // namespace

bool param_widget(SceneModel& scene, std::string_view key, ParamLayout layout, float label_width) {
  const ParamRow* row = scene.find_param(key);
  if (!applies(scene, row)) return false;
  const double now = row->get(scene);
  double value = now;
  bool changed = false;
  ImGui::PushID(row->key.c_str());
  switch (row->kind) {
    case ParamKind::Number: {
      // Inline: the label right of the slider (drawn below); a heading above it.
      const std::string label = "##" + row->label;
      if (layout == ParamLayout::Heading) section_label(row->label.c_str());
      ImGui::SetNextItemWidth(layout == ParamLayout::Inline ? -label_width : -1.0f);
      // No typed values (Ctrl+click): the figure takes no keys; its native twin is the
      // keyboard's way to set a value.
      ImGuiSliderFlags flags = ImGuiSliderFlags_AlwaysClamp | ImGuiSliderFlags_NoInput;
      if (row->log_scale) flags |= ImGuiSliderFlags_Logarithmic;
      ImVec4 ink = ImGui::GetStyleColorVec4(ImGuiCol_Text);
      ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(ink.x, ink.y, ink.z, 0.0f));
      if (row->integer) {
        int v = int(std::lround(now));
        changed = ImGui::SliderInt(label.c_str(), &v, int(row->min), int(row->max), row->format, flags);
        value = v;
      } else {
        float v = float(now);
        changed = ImGui::SliderFloat(label.c_str(), &v, float(row->min), float(row->max), row->format, flags);
        value = v;
      }
      ImGui::PopStyleColor();
      note_control(row->key);
      slider_value(*row, value);
      if (layout == ParamLayout::Inline) {
        ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
        ImGui::TextUnformatted(row->label.c_str());
      }
      break;
    }
    case ParamKind::Choice: {
      if (layout == ParamLayout::Heading && row->look != ParamLook::Buttons) section_label(row->label.c_str());
      const std::size_t count = row->choice_labels.size();
      const float avail = ImGui::GetContentRegionAvail().x;
      // As buttons: all in one row where each gets ten characters' room, else two a row, or
      // fewer where the longest label would not fit its button.
      float widest = 0.0f;
      for (const std::string& text : row->choice_labels) widest = std::max(widest, ImGui::CalcTextSize(text.c_str()).x);
      const std::size_t per_row = buttons_per_row(count, widest, avail, avail > ImGui::GetFontSize() * 10 * float(count) ? count : 2);
      const float button_w = button_width(per_row, avail);
      for (std::size_t i = 0; i < count; ++i) {
        const char* text = row->choice_labels[i].c_str();
        const bool chosen = std::lround(now) == long(i);
        bool clicked = false;
        if (row->look == ParamLook::Buttons) {
          if (i % per_row) ImGui::SameLine();
          clicked = toggle_button(text, chosen, ImVec2(button_w, 0));
        } else {
          if (i) same_line_if_fits(text);
          clicked = ImGui::RadioButton(text, chosen);
        }
        note_control(row->key);
        note_control(row->key + ":" + std::to_string(i));  // each option, for its native twin's place
        if (clicked && !chosen) {
          value = double(i);
          changed = true;
        }
      }
      break;
    }
    case ParamKind::Toggle: {
      if (row->look == ParamLook::Buttons && row->choice_labels.size() == 2) {
        // Side by side, or one above the other where a label would not fit half the width.
        const float avail = ImGui::GetContentRegionAvail().x;
        const float widest = std::max(ImGui::CalcTextSize(row->choice_labels[0].c_str()).x,
                                      ImGui::CalcTextSize(row->choice_labels[1].c_str()).x);
        const std::size_t per_row = buttons_per_row(2, widest, avail, 2);
        for (int i = 0; i < 2; ++i) {
          if (i && per_row == 2) ImGui::SameLine();
          if (toggle_button(row->choice_labels[std::size_t(i)].c_str(), (now > 0.5) == (i == 1), ImVec2(button_width(per_row, avail), 0))) {
            value = i;
            changed = true;
          }
          note_control(row->key);
          note_control(row->key + (i ? ":1" : ":0"));  // each button of the pair, for its own ring
        }
        break;
      }
      bool on = now > 0.5;
      changed = ImGui::Checkbox(row->label.c_str(), &on);
      note_control(row->key);
      value = on ? 1.0 : 0.0;
      break;
    }
    case ParamKind::Button:
      if (draw_button(scene, *row, ImVec2(-1, 0))) scene.press(row->key);
      break;
    case ParamKind::Action: break;
  }
  ImGui::PopID();
  if (!changed || value == now) return false;
  Warnings ignored;  // a slider cannot leave its range; nothing to tell the reader
  return scene.set_param(row->key, value, ignored);
}

SliderLabels slider_labels(const SceneModel& scene, std::initializer_list<const char*> keys) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float avail = ImGui::GetContentRegionAvail().x;
  float widest = 0.0f, room = 0.0f;
  for (const char* key : keys) {
    const ParamRow* row = scene.find_param(key);
    if (!row) continue;
    widest = std::max(widest, ImGui::CalcTextSize(row->label.c_str()).x);
    // The value is written on the side of the frame away from the grab (slider_value): the
    // frame holds the grab, the value and its padding side by side.
    float value = 0.0f;
    for (const double v : {row->min, row->max}) value = std::max(value, ImGui::CalcTextSize(row->value_text(v).c_str()).x);
    room = std::max(room, value + 2 * style.FramePadding.x + style.GrabMinSize);
  }
  const float width = widest + style.ItemInnerSpacing.x;
  if (width <= avail * 0.5f && avail - width >= room) return {ParamLayout::Inline, width};
  return {ParamLayout::Heading, 0.0f};
}

std::size_t buttons_per_row(std::size_t count, float widest, float avail, std::size_t most) {
  const float needed = widest + ImGui::GetStyle().FramePadding.x * 2;
  std::size_t fit = std::max<std::size_t>(std::min(most, count), 1);
  while (fit > 1 && button_width(fit, avail) < needed) --fit;
  const std::size_t rows = (count + fit - 1) / fit;
  return std::max<std::size_t>((count + rows - 1) / std::max<std::size_t>(rows, 1), 1);
}

float button_width(std::size_t per_row, float avail) {
  return (avail - ImGui::GetStyle().ItemSpacing.x * float(per_row - 1)) / float(per_row);
}

void button_row(SceneModel& scene, std::initializer_list<const char*> keys) {
  std::vector<const ParamRow*> rows;
  for (const char* key : keys)
    if (const ParamRow* row = scene.find_param(key); applies(scene, row)) rows.push_back(row);
  if (rows.empty()) return;
  // The widest label either way a button shows (Run and Pause), so a press moves nothing.
  float widest = 0.0f;
  for (const ParamRow* row : rows)
    for (const std::string* text : {&row->label, &row->pressed_label}) widest = std::max(widest, ImGui::CalcTextSize(text->c_str()).x);
  const float avail = ImGui::GetContentRegionAvail().x;
  const std::size_t per_row = buttons_per_row(rows.size(), widest, avail, rows.size());
  const float width = button_width(per_row, avail);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (i % per_row) ImGui::SameLine();
    if (draw_button(scene, *rows[i], ImVec2(width, 0)))
      scene.press(rows[i]->key);
  }
}

void forget_drawn_controls() { frame_memory().controls.clear(); }

void note_control(std::string_view key) {
  const ImVec2 lo = ImGui::GetItemRectMin(), hi = ImGui::GetItemRectMax();
  for (DrawnControl& c : frame_memory().controls) {
    if (c.key == key) {
      c.min = ImVec2(std::min(c.min.x, lo.x), std::min(c.min.y, lo.y));
      c.max = ImVec2(std::max(c.max.x, hi.x), std::max(c.max.y, hi.y));
      return;
    }
  }
  frame_memory().controls.push_back({std::string(key), lo, hi});
}

const std::vector<DrawnControl>& drawn_controls() { return frame_memory().controls; }

void focus_control(SceneModel& scene) {
  if (scene.focus_control.empty()) return;
  const ParamRow* row = scene.find_param(scene.focus_control);
  if (row && row->kind == ParamKind::Button) button_row(scene, {row->key.c_str()});
  else param_widget(scene, scene.focus_control);
}

void draw_focus_ring(std::string_view key) {
  for (const DrawnControl& c : frame_memory().controls) {
    if (c.key != key) continue;
    const float pad = ImGui::GetFontSize() * 0.2f;
    ImGui::GetForegroundDrawList()->AddRect(ImVec2(c.min.x - pad, c.min.y - pad), ImVec2(c.max.x + pad, c.max.y + pad),
                                            colour(palette().accent), ImGui::GetStyle().FrameRounding + pad, 0,
                                            std::max(2.0f, ImGui::GetFontSize() * 0.18f));
  }
}

}  // namespace lesson
