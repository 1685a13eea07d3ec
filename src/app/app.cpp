// app.cpp: the figure's frame: scene tabs over the current scene, and the shared style.
#include "app.h"

#include <memory>
#include <vector>

#include "imgui.h"
#include "plot.h"
#include "scenes/artificial.h"

namespace lesson {

struct App::Scenes {
  std::vector<std::unique_ptr<Scene>> all;
  int current = 0;
};

App::App() : scenes_(new Scenes) {
  scenes_->all.push_back(std::make_unique<ArtificialScene>());
}

App::~App() { delete scenes_; }

bool App::animating() const { return scenes_->all[std::size_t(scenes_->current)]->animating(); }

std::string App::summary() const { return scenes_->all[std::size_t(scenes_->current)]->summary(); }

void App::draw(float width, float height) {
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImVec2(width, height));
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings |
                                 ImGuiWindowFlags_NoBringToFrontOnFocus;
  ImGui::Begin("figure", nullptr, flags);
  if (ImGui::BeginTabBar("scenes")) {
    for (std::size_t i = 0; i < scenes_->all.size(); ++i) {
      if (ImGui::BeginTabItem(scenes_->all[i]->title())) {
        scenes_->current = int(i);
        scenes_->all[i]->draw();
        ImGui::EndTabItem();
      }
    }
    ImGui::EndTabBar();
  }
  ImGui::End();
}

void apply_style(float scale) {
  ImGuiStyle style;
  ImGui::StyleColorsLight(&style);
  const Palette& p = palette();
  style.WindowRounding = 0.0f;
  style.FrameRounding = 4.0f;
  style.GrabRounding = 4.0f;
  style.TabRounding = 4.0f;
  style.WindowPadding = ImVec2(12, 10);
  style.FramePadding = ImVec2(8, 4);
  style.ItemSpacing = ImVec2(8, 6);
  style.Colors[ImGuiCol_Text] = p.text;
  style.Colors[ImGuiCol_TextDisabled] = p.muted;
  style.Colors[ImGuiCol_WindowBg] = ImVec4(1, 1, 1, 1);
  style.Colors[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
  style.Colors[ImGuiCol_FrameBg] = ImVec4(0.92f, 0.93f, 0.95f, 1.0f);
  style.Colors[ImGuiCol_FrameBgHovered] = ImVec4(0.86f, 0.89f, 0.95f, 1.0f);
  style.Colors[ImGuiCol_FrameBgActive] = ImVec4(0.80f, 0.85f, 0.95f, 1.0f);
  style.Colors[ImGuiCol_SliderGrab] = p.accent;
  style.Colors[ImGuiCol_CheckMark] = p.accent;
  style.ScaleAllSizes(scale);
  ImGui::GetStyle() = style;
}

}  // namespace lesson
