// maths.cpp: the neuron as y = f(Wx + b), and its loss as a surface over two weights:
// a heatmap with contour lines, and the path gradient descent takes from a clicked start.
#include <algorithm>
#include <cmath>
#include <string>

#include "../param_widget.h"
#include "../plot.h"
#include "scenes.h"
#include "words.h"

namespace lesson {

namespace {
void controls(MathsModel& m) {
  const Palette& p = palette();
  const neuron::WeightPoint& end = m.shown_end();
  ImGui::PushTextWrapPos(0);
  section_label(word(Word::maths_neuron_heading));
  ImGui::Text("y = σ(Wx + b)");
  ImGui::Text("W = [%s  %s],  b = %s", format_number(end.w1).c_str(), format_number(end.w2).c_str(),
              format_number(m.setup().bias).c_str());
  section_label(word(Word::maths_learning_heading));
  ImGui::TextUnformatted(word(Word::maths_loss_definition));
  ImGui::TextUnformatted("W ← W − η ∂L/∂W");
  ImGui::Spacing();
  ImGui::TextColored(p.muted, "%s", word(Word::maths_click_map));

  for (const char* key : {"data", "lr", "b"}) param_widget(m, key);

  ImGui::Spacing();
  const neuron::WeightPoint& start = m.path().front();
  ImGui::TextUnformatted(say(Word::maths_start_loss, {format_number(start.loss)}).c_str());
  ImGui::TextUnformatted(say(Word::maths_end_loss, {std::to_string(m.shown_steps()), format_number(end.loss)}).c_str());
  ImGui::PopTextWrapPos();
}

// Contour lines of the grid at one level, by marching squares (one segment per cell edge pair).
void contour(const Plot& plot, const neuron::LossGrid& g, double level, ImU32 col, float thickness) {
  const int n = g.resolution;
  auto edge = [&](int c0, int r0, int c1, int r1) {
    const double a = g.at(c0, r0), b = g.at(c1, r1);
    const double t = (level - a) / (b - a);
    return plot.at(g.weight(c0) + (g.weight(c1) - g.weight(c0)) * t, g.weight(r0) + (g.weight(r1) - g.weight(r0)) * t);
  };
  for (int r = 0; r + 1 < n; ++r)
    for (int c = 0; c + 1 < n; ++c) {
      ImVec2 pts[4];
      int count = 0;
      const double v00 = g.at(c, r), v10 = g.at(c + 1, r), v01 = g.at(c, r + 1), v11 = g.at(c + 1, r + 1);
      if ((v00 < level) != (v10 < level)) pts[count++] = edge(c, r, c + 1, r);
      if ((v10 < level) != (v11 < level)) pts[count++] = edge(c + 1, r, c + 1, r + 1);
      if ((v11 < level) != (v01 < level)) pts[count++] = edge(c + 1, r + 1, c, r + 1);
      if ((v01 < level) != (v00 < level)) pts[count++] = edge(c, r + 1, c, r);
      if (count >= 2) plot.draw->AddLine(pts[0], pts[1], col, thickness);
      if (count == 4) plot.draw->AddLine(pts[2], pts[3], col, thickness);
    }
}

void landscape(MathsModel& m, float side) {
  const neuron::LossGrid& g = m.grid();
  const double range = MathsModel::kRange;
  Plot plot("landscape", ImVec2(side, side), -range, range, -range, range);
  plot.captions("w1", "w2");
  note_control("w1");  // the map is where the start's w1 and w2 are set by pointer
  note_control("w2");
  const Palette& p = palette();
  // Colour by log loss: low loss light, high loss dark accent.
  const double lo = std::log(std::max(g.lowest, 1e-6)), hi = std::log(std::max(g.highest, 1e-6));
  const double cell = 2 * range / (g.resolution - 1);
  for (int r = 0; r < g.resolution; ++r)
    for (int c = 0; c < g.resolution; ++c) {
      const float t = float((std::log(std::max(g.at(c, r), 1e-6)) - lo) / std::max(hi - lo, 1e-9));
      plot.rect(g.weight(c) - cell / 2, g.weight(r) - cell / 2, g.weight(c) + cell / 2 + 1e-9,
                g.weight(r) + cell / 2 + 1e-9, mix(p.panel, p.accent, 0.08f + 0.62f * t));
    }
  for (int k = 1; k <= 8; ++k) {
    const double level = std::exp(lo + (hi - lo) * k / 9.0);
    contour(plot, g, level, colour(p.background, 0.55f), 1.0f);
  }
  plot.hline(0, p.grid);
  plot.vline(0, p.grid);

  const auto& path = m.path();
  const std::size_t shown = std::size_t(m.shown_steps()) + 1;
  plot.curve(int(shown), [&](int i) {
    return ImVec2(float(path[std::size_t(i)].w1), float(path[std::size_t(i)].w2));
  }, p.bad, 2.0f * ImGui::GetFontSize() / 15);
  for (std::size_t i = 0; i < shown; i += 10) plot.dot(path[i].w1, path[i].w2, ImGui::GetFontSize() * 0.15f, p.bad);
  plot.dot(path.front().w1, path.front().w2, ImGui::GetFontSize() * 0.35f, p.text, true);
  plot.dot(m.shown_end().w1, m.shown_end().w2, ImGui::GetFontSize() * 0.35f, p.bad, true);
  if (plot.clicked()) {
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    // Through the table, like the URL: a click a hair outside the map is clamped onto it.
    Warnings ignored;
    m.set_param("w1", plot.x_of(mouse.x), ignored);
    m.set_param("w2", plot.y_of(mouse.y), ignored);
  }
}
}  // namespace

void draw_scene(MathsModel& m) {
  Panes panes(0.38f);
  if (!panes.wide) {
    // A phone: the map first, centred, with room beside it for a thumb to scroll the page.
    const float side = narrow_height(0.8f);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (ImGui::GetContentRegionAvail().x - side) / 2);
    landscape(m, side);
    focus_control(m);
    controls(m);
    return;
  }
  controls(m);
  panes.right();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  landscape(m, std::max(std::min(avail.x, avail.y), ImGui::GetFontSize() * 10));
}

}  // namespace lesson
