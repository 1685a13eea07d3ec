// app.cpp: the figure's frame (scene tabs over the current scene) and its style.
#include "app.h"

#include <algorithm>

#include "imgui.h"
#include "param_widget.h"
#include "plot.h"
#include "scenes/scenes.h"

namespace lesson {

void App::frame(float width, float height) {
  lesson.advance();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImVec2(width, height));
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
  forget_drawn_controls();
  forget_drawn_texts();
  ImGui::Begin("figure", nullptr, flags);
  tabs();
  ImGui::PushID(lesson.current_index());
  lesson.visit_current([](auto& scene) { draw_scene(scene); });
  ImGui::PopID();
  // A phone's canvas is as tall as its content; a wide one says how tall its controls are
  // (negative), and the page grows it where that is more than its usual height.
  const float pad = ImGui::GetStyle().WindowPadding.y;
  content_height = narrow_layout() ? ImGui::GetCursorPosY() + pad : left_pane_bottom() > 0 ? -(left_pane_bottom() + pad) : 0.0f;
  if (!focused.empty()) draw_focus_ring(focused);
  ImGui::End();
}

// The scene tabs, as a row of buttons (the current one pressed) where all six titles fit;
// else as a grid of one-word titles, three a row, or two or one where the longest title would
// not fit its tab, so that every tab is in sight down to a 320 px phone, with no hidden arrows. (Buttons, not ImGui's tab bar: 5 KB less to download;
// the page's native tablist carries the full titles for assistive technology.)
void App::tabs() {
  const auto& scenes = Lesson::scene_names();  // names only: a scene's model is built when shown
  const ImGuiStyle& style = ImGui::GetStyle();
  float needed = 0.0f;
  for (const SceneName* scene : scenes) needed += ImGui::CalcTextSize(word(scene->title)).x + style.FramePadding.x * 2 + style.ItemSpacing.x;
  const float avail = ImGui::GetContentRegionAvail().x;
  const bool one_row = needed <= avail;
  float widest = 0.0f;
  for (const SceneName* scene : scenes) widest = std::max(widest, ImGui::CalcTextSize(word(scene->short_title)).x);
  const std::size_t per_row = buttons_per_row(scenes.size(), widest, avail, 3);
  const float width = button_width(per_row, avail);
  for (std::size_t i = 0; i < scenes.size(); ++i) {
    if (one_row ? i > 0 : i % per_row != 0) ImGui::SameLine();
    const std::string label = std::string(word(one_row ? scenes[i]->title : scenes[i]->short_title)) + "###" + scenes[i]->id;
    if (toggle_button(label.c_str(), int(i) == lesson.current_index(), ImVec2(one_row ? 0.0f : width, 0))) lesson.show(int(i));
    note_control(std::string("scene:") + scenes[i]->id);
  }
  ImGui::Separator();
}

void apply_style(float scale, bool dark) {
  set_dark_palette(dark);
  const Palette& p = palette();
  // Every colour the figure shows is set below, from the palette (lesson.css), in both
  // themes; ImGui's own light scheme (StyleColorsLight, 2.4 KB of wasm) is not needed. The
  // constructor's dark defaults remain only for colours of parts the figure never draws
  // (menus, tables, title bars, drag and drop).
  ImGuiStyle style;
  style.WindowRounding = 0.0f;
  style.ChildRounding = 0.0f;
  style.FrameRounding = 5.0f;
  style.GrabRounding = 5.0f;
  style.WindowBorderSize = 0.0f;
  style.WindowPadding = ImVec2(12, 10);
  style.FramePadding = ImVec2(8, 5);
  style.ItemSpacing = ImVec2(8, 6);
  style.GrabMinSize = 14.0f;
  style.ScrollbarSize = 12.0f;
  ImVec4* c = style.Colors;
  c[ImGuiCol_Text] = p.text;
  c[ImGuiCol_TextDisabled] = p.muted;
  c[ImGuiCol_WindowBg] = p.background;
  c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_PopupBg] = p.panel;
  c[ImGuiCol_Border] = p.grid;
  c[ImGuiCol_FrameBg] = p.panel;
  c[ImGuiCol_FrameBgHovered] = mix(p.panel, p.accent, 0.15f);
  c[ImGuiCol_FrameBgActive] = mix(p.panel, p.accent, 0.25f);
  c[ImGuiCol_SliderGrab] = p.accent;
  c[ImGuiCol_SliderGrabActive] = p.accent;
  c[ImGuiCol_CheckMark] = p.accent;
  c[ImGuiCol_Button] = mix(p.panel, p.accent, 0.12f);
  c[ImGuiCol_ButtonHovered] = mix(p.panel, p.accent, 0.25f);
  c[ImGuiCol_ButtonActive] = mix(p.panel, p.accent, 0.4f);
  c[ImGuiCol_Separator] = p.grid;
  c[ImGuiCol_NavHighlight] = p.accent;
  c[ImGuiCol_Header] = mix(p.panel, p.accent, 0.15f);
  c[ImGuiCol_HeaderHovered] = mix(p.panel, p.accent, 0.25f);
  c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_ScrollbarGrab] = mix(p.panel, p.muted, 0.45f);
  c[ImGuiCol_ScrollbarGrabHovered] = mix(p.panel, p.muted, 0.65f);
  c[ImGuiCol_ScrollbarGrabActive] = mix(p.panel, p.accent, 0.6f);
  c[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_HeaderActive] = mix(p.panel, p.accent, 0.4f);
  c[ImGuiCol_SeparatorHovered] = p.grid;
  c[ImGuiCol_SeparatorActive] = p.grid;
  c[ImGuiCol_ResizeGrip] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_ResizeGripHovered] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_ResizeGripActive] = ImVec4(0, 0, 0, 0);
  style.ScaleAllSizes(scale);
  ImGui::GetStyle() = style;
}

}  // namespace lesson
