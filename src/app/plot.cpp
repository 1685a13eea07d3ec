// plot.cpp: drawing helpers on ImGui's draw list.
#include "plot.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace lesson {

const Palette& palette() {
  static const Palette light{
      ImVec4(0.11f, 0.12f, 0.15f, 1.0f),  // text
      ImVec4(0.40f, 0.43f, 0.49f, 1.0f),  // muted
      ImVec4(0.15f, 0.39f, 0.92f, 1.0f),  // accent
      ImVec4(0.09f, 0.55f, 0.30f, 1.0f),  // good
      ImVec4(0.80f, 0.20f, 0.20f, 1.0f),  // bad
      ImVec4(0.85f, 0.87f, 0.90f, 1.0f),  // grid
      ImVec4(0.98f, 0.98f, 0.99f, 1.0f),  // plot background
  };
  return light;
}

std::string format_number(double value, int decimals) {
  if (!std::isfinite(value)) return "n/a";
  const double unit = std::pow(10.0, -decimals) / 2;
  if (std::fabs(value) < unit) value = 0.0;  // no "-0.00"
  char text[32];
  if (std::fabs(value) >= 1e5)
    std::snprintf(text, sizeof text, "%.2g", value);
  else
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
  return text;
}

void plot_activation(neuron::Activation f, double z, ImVec2 size) {
  const Palette& p = palette();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  size.x = std::max(size.x, 60.0f);
  size.y = std::max(size.y, 60.0f);
  ImGui::Dummy(size);

  const double z_lo = -6.0, z_hi = 6.0;
  const bool bounded = f == neuron::Activation::Sigmoid || f == neuron::Activation::Tanh ||
                       f == neuron::Activation::Step;
  const double y_lo = bounded ? -1.2 : -2.0, y_hi = bounded ? 1.2 : 6.0;
  auto to_screen = [&](double zz, double yy) {
    const double u = (zz - z_lo) / (z_hi - z_lo), v = (yy - y_lo) / (y_hi - y_lo);
    return ImVec2(origin.x + float(u) * size.x, origin.y + float(1.0 - v) * size.y);
  };

  const ImVec2 corner(origin.x + size.x, origin.y + size.y);
  draw->AddRectFilled(origin, corner, ImGui::GetColorU32(p.plot_bg), 4.0f);
  draw->PushClipRect(origin, corner, true);
  draw->AddLine(to_screen(z_lo, 0), to_screen(z_hi, 0), ImGui::GetColorU32(p.grid), 1.0f);
  draw->AddLine(to_screen(0, y_lo), to_screen(0, y_hi), ImGui::GetColorU32(p.grid), 1.0f);
  for (double level : {-1.0, 1.0})
    draw->AddLine(to_screen(z_lo, level), to_screen(z_hi, level), ImGui::GetColorU32(p.grid), 1.0f);

  constexpr int kSamples = 241;
  ImVec2 points[kSamples];
  for (int i = 0; i < kSamples; ++i) {
    const double zz = z_lo + (z_hi - z_lo) * i / (kSamples - 1);
    points[i] = to_screen(zz, std::clamp(neuron::activate(f, zz), y_lo - 1, y_hi + 1));
  }
  draw->AddPolyline(points, kSamples, ImGui::GetColorU32(p.accent), 0, 2.5f);

  // The current z: clamped to the plotted range, so a far-off z still shows at the edge.
  const double shown_z = std::clamp(z, z_lo, z_hi);
  const double a = std::clamp(neuron::activate(f, z), y_lo, y_hi);
  draw->AddLine(to_screen(shown_z, y_lo), to_screen(shown_z, y_hi), ImGui::GetColorU32(p.muted), 1.0f);
  draw->AddCircleFilled(to_screen(shown_z, a), 6.0f, ImGui::GetColorU32(p.bad));
  draw->PopClipRect();

  const std::string label = "z = " + format_number(z);
  draw->AddText(ImVec2(origin.x + 6, origin.y + 4), ImGui::GetColorU32(p.muted), label.c_str());
  draw->AddText(ImVec2(corner.x - ImGui::CalcTextSize("z ->").x - 6, corner.y - ImGui::GetTextLineHeight() - 4),
                ImGui::GetColorU32(p.muted), "z ->");
}

}  // namespace lesson
