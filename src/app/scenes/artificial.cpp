// artificial.cpp: the artificial-neuron calculator scene.
#include "artificial.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "imgui.h"
#include "../plot.h"

namespace lesson {

using neuron::Activation;

ArtificialScene::ArtificialScene() {
  cell.weights = {0.8, -0.5, 0.3};
  cell.bias = 0.1;
  cell.activation = Activation::Sigmoid;
}

namespace {
std::vector<double> as_doubles(const float* values, int count) {
  return std::vector<double>(values, values + count);
}

bool slider(const char* label, double* value, float lo, float hi) {
  float v = static_cast<float>(*value);
  const bool changed = ImGui::SliderFloat(label, &v, lo, hi, "%.2f", ImGuiSliderFlags_AlwaysClamp);
  if (changed) *value = v;
  return changed;
}
}  // namespace

std::string ArtificialScene::summary() const {
  const auto pass = neuron::forward(cell, as_doubles(inputs, kInputs));
  std::string text = "Artificial neuron: z = " + format_number(pass.z) + ", output " +
                     format_number(pass.a) + ", " + std::string(neuron::name(cell.activation)) +
                     " activation";
  if (cell.activation == Activation::Step) text += pass.a > 0.5 ? ": fires" : ": does not fire";
  return text + ".";
}

void ArtificialScene::draw() {
  const auto pass = neuron::forward(cell, as_doubles(inputs, kInputs));
  const float column = std::max(ImGui::GetContentRegionAvail().x * 0.42f, 200.0f);

  // ---- controls ------------------------------------------------------------
  ImGui::BeginChild("controls", ImVec2(column, 0), false);
  ImGui::TextDisabled("Inputs");
  for (int i = 0; i < kInputs; ++i) {
    char label[16];
    std::snprintf(label, sizeof label, "x%d", i + 1);
    ImGui::SliderFloat(label, &inputs[i], -2.0f, 2.0f, "%.2f", ImGuiSliderFlags_AlwaysClamp);
  }
  ImGui::TextDisabled("Weights (how much each input counts)");
  for (int i = 0; i < kInputs; ++i) {
    char label[16];
    std::snprintf(label, sizeof label, "w%d", i + 1);
    slider(label, &cell.weights[std::size_t(i)], -3.0f, 3.0f);
  }
  slider("bias b", &cell.bias, -3.0f, 3.0f);
  ImGui::TextDisabled("Activation f");
  for (Activation f : {Activation::Step, Activation::Sigmoid, Activation::Tanh, Activation::Relu}) {
    const std::string label(neuron::name(f));
    if (ImGui::RadioButton(label.c_str(), cell.activation == f)) cell.activation = f;
    ImGui::SameLine();
  }
  ImGui::NewLine();
  ImGui::EndChild();
  ImGui::SameLine();

  // ---- the arithmetic, term by term ---------------------------------------------
  ImGui::BeginChild("arithmetic", ImVec2(0, 0), false);
  ImGui::TextDisabled("1. Multiply each input by its weight");
  for (int i = 0; i < kInputs; ++i) {
    ImGui::Text("w%d * x%d = %s * %s = %s", i + 1, i + 1,
                format_number(cell.weights[std::size_t(i)]).c_str(),
                format_number(inputs[i]).c_str(),
                format_number(pass.products[std::size_t(i)]).c_str());
  }
  ImGui::TextDisabled("2. Add the products and the bias");
  std::string sum = "z = ";
  for (int i = 0; i < kInputs; ++i) sum += format_number(pass.products[std::size_t(i)]) + " + ";
  sum += format_number(cell.bias) + " = " + format_number(pass.z);
  ImGui::TextUnformatted(sum.c_str());
  ImGui::TextDisabled("3. Pass z through the activation");
  ImGui::Text("a = %s(%s) = %s", std::string(neuron::name(cell.activation)).c_str(),
              format_number(pass.z).c_str(), format_number(pass.a).c_str());
  if (cell.activation == Activation::Step)
    ImGui::TextColored(pass.a > 0.5 ? palette().good : palette().muted, "%s",
                       pass.a > 0.5 ? "The neuron outputs 1" : "The neuron outputs 0");

  ImGui::Spacing();
  const float plot_h = std::max(ImGui::GetContentRegionAvail().y - ImGui::GetTextLineHeightWithSpacing() * 2.5f,
                                ImGui::GetTextLineHeight() * 6);
  plot_activation(cell.activation, pass.z, ImVec2(ImGui::GetContentRegionAvail().x, plot_h));
  ImGui::TextWrapped("Same inputs, same output, every time: nothing here changes with time.");
  ImGui::EndChild();
}

}  // namespace lesson
