// artificial.cpp: the artificial-neuron calculator: sliders for inputs, weights and bias,
// the multiply-add-activate arithmetic written out term by term, and f(z) with z marked.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "../param_widget.h"
#include "../plot.h"
#include "scenes.h"
#include "training_setup.h"
#include "words.h"

namespace lesson {

using neuron::Activation;

namespace {
void controls(ArtificialModel& m) {
  const SliderLabels labels = slider_labels(m, {"x1", "x2", "x3", "w1", "w2", "w3", "b"});
  section_label(word(Word::art_inputs_heading));
  for (const char* key : {"x1", "x2", "x3"}) param_widget(m, key, labels.layout, labels.width);
  section_label(word(Word::art_weights_heading));
  for (const char* key : {"w1", "w2", "w3", "b"}) param_widget(m, key, labels.layout, labels.width);
  param_widget(m, "act");
}

void plot_activation(Activation f, double z, ImVec2 size) {
  const Palette& p = palette();
  const bool bounded = f == Activation::Sigmoid || f == Activation::Tanh || f == Activation::Step;
  const double y_lo = bounded ? -1.25 : -2.0, y_hi = bounded ? 1.25 : 6.0;
  Plot plot("activation", size, -6.0, 6.0, y_lo, y_hi);
  const std::string caption = std::string(activation_word(f)) + "(z)";
  plot.captions("z", caption.c_str());
  plot.hline(0.0, p.grid);
  plot.vline(0.0, p.grid);
  if (bounded) {
    plot.hline(1.0, p.grid);
    plot.hline(-1.0, p.grid);
  }
  constexpr int kSamples = 241;
  plot.curve(kSamples, [f](int i) {
    const double zz = -6.0 + 12.0 * i / (kSamples - 1);
    return ImVec2(float(zz), float(neuron::activate(f, zz)));
  }, p.accent, 2.5f * ImGui::GetFontSize() / 15);
  const double shown = std::clamp(z, -6.0, 6.0);
  plot.vline(shown, p.muted);
  plot.dot(shown, std::clamp(neuron::activate(f, z), y_lo, y_hi), ImGui::GetFontSize() * 0.4f, p.bad, true);
}
}  // namespace

namespace {
// The multiply-add-activate arithmetic, written out term by term.
void arithmetic(const ArtificialModel& m) {
  const neuron::ForwardPass pass = m.pass();
  const Palette& p = palette();
  ImGui::PushTextWrapPos(0);
  section_label(word(Word::art_multiply_heading));
  for (int i = 0; i < ArtificialModel::kInputs; ++i) {
    ImGui::Text("w%d·x%d = %s × %s = %s", i + 1, i + 1,
                format_number(m.cell.weights[std::size_t(i)]).c_str(), format_number(m.inputs[i]).c_str(),
                format_number(pass.products[std::size_t(i)]).c_str());
  }
  section_label(word(Word::art_add_heading));
  std::string sum = "z = ";
  for (int i = 0; i < ArtificialModel::kInputs; ++i) {
    const double term = pass.products[std::size_t(i)];
    sum += (i == 0 ? "" : term < 0 ? " − " : " + ") + format_number(i == 0 ? term : std::fabs(term));
  }
  sum += (m.cell.bias < 0 ? " − " : " + ") + format_number(std::fabs(m.cell.bias)) + " = " + format_number(pass.z);
  ImGui::TextUnformatted(sum.c_str());
  section_label(word(Word::art_activate_heading));
  ImGui::Text("a = %s(%s) = ", activation_word(m.cell.activation), format_number(pass.z).c_str());
  ImGui::SameLine(0, 0);
  ImGui::TextColored(p.accent, "%s", format_number(pass.a).c_str());
  if (m.cell.activation == Activation::Step) {
    ImGui::SameLine();
    ImGui::TextColored(p.muted, "%s", word(pass.a > 0.5 ? Word::art_step_fires : Word::art_step_silent));
  }
  ImGui::PopTextWrapPos();
}

void closing_words() {
  ImGui::PushTextWrapPos(0);
  ImGui::PushStyleColor(ImGuiCol_Text, palette().muted);
  ImGui::TextUnformatted(word(Word::art_closing));
  ImGui::PopStyleColor();
  ImGui::PopTextWrapPos();
}

}  // namespace

void draw_scene(ArtificialModel& m) {
  Panes panes(0.4f);
  if (!panes.wide) {
    // A phone: the activation first, the input the Try it names, the sums, the controls.
    plot_activation(m.cell.activation, m.pass().z, ImVec2(ImGui::GetContentRegionAvail().x, narrow_height(0.5f)));
    focus_control(m);
    arithmetic(m);
    controls(m);
    closing_words();
    return;
  }
  controls(m);
  panes.right();
  arithmetic(m);
  ImGui::Spacing();
  const float line = ImGui::GetTextLineHeightWithSpacing();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  // Room under the plot for the closing words: two lines, and more where they wrap to more.
  const float words = ImGui::CalcTextSize(word(Word::art_closing), nullptr, false, avail.x).y;
  const float below = line * 2.2f + std::max(0.0f, words - ImGui::GetTextLineHeight() * 2);
  plot_activation(m.cell.activation, m.pass().z, ImVec2(avail.x, std::max(avail.y - below, line * 5)));
  closing_words();
}

}  // namespace lesson
