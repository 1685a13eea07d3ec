// biological.cpp: the spiking neuron scene: input and output spike raster, the membrane
// potential over milliseconds with its threshold, and the synapse strengths over time.
#include <algorithm>
#include <cmath>
#include <string>

#include "../param_widget.h"
#include "../plot.h"
#include "scenes.h"

namespace lesson {

using neuron::PlasticityRule;

namespace {
void controls(BiologicalModel& m) {
  const float w = ImGui::GetContentRegionAvail().x;
  if (toggle_button(m.running ? "Pause" : "Run", m.running, ImVec2(w * 0.3f, 0))) m.set_running(!m.running);
  ImGui::SameLine();
  if (ImGui::Button("Reset", ImVec2(w * 0.3f, 0))) m.reset();
  ImGui::SameLine();
  if (ImGui::Button("+2 s", ImVec2(-1, 0))) m.fast_forward(2000.0);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Simulate 2 seconds at once: the pattern repeats 20 times");

  param_widget(m, "plasticity");
  ImGui::PushTextWrapPos(0);
  ImGui::PushStyleColor(ImGuiCol_Text, palette().muted);
  if (m.plasticity() == PlasticityRule::Stdp)
    ImGui::TextUnformatted("An input that fires just before the neuron is strengthened; one that fires just after is weakened.");
  else if (m.plasticity() == PlasticityRule::Hebbian)
    ImGui::TextUnformatted("Any input active close in time to a spike is strengthened, whatever the order.");
  else
    ImGui::TextUnformatted("Synapses keep their strength.");
  ImGui::PopStyleColor();

  section_label("Inputs");
  const float label_w = ImGui::CalcTextSize("random firing").x + ImGui::GetStyle().ItemInnerSpacing.x;
  param_widget(m, "rate", ParamLayout::Inline, label_w);
  param_widget(m, "speed", ParamLayout::Inline, label_w);
  ImGui::PushStyleColor(ImGuiCol_Text, palette().muted);
  ImGui::TextUnformatted("Inputs 1-3 repeat a pattern every 100 ms, 3 ms apart; all five also fire at random.");
  ImGui::PopStyleColor();
  ImGui::PopTextWrapPos();
}

// One row per input neuron and one for the output neuron; a tick per spike.
void raster(const BiologicalModel& m, float height, double t0, double t1) {
  const neuron::Circuit& c = m.circuit();
  const int rows = c.params().inputs + 1;
  // A gutter on the left holds the row labels.
  const double gutter = (t1 - t0) * ImGui::GetFontSize() * 3.6 / ImGui::GetContentRegionAvail().x;
  Plot plot("raster", ImVec2(ImGui::GetContentRegionAvail().x, height), t0 - gutter, t1, 0, rows);
  const Palette& p = palette();
  for (const neuron::SpikeEvent& e : c.spikes()) {
    const bool output = e.source == neuron::kOutput;
    const int row = output ? 0 : rows - 1 - e.source;
    const ImVec4 col = output ? p.bad : e.source < c.params().pattern_inputs ? p.accent : p.series[3];
    plot.draw->AddLine(plot.at(e.time_ms, row + 0.15), plot.at(e.time_ms, row + 0.85), colour(col),
                       output ? 3.0f * ImGui::GetFontSize() / 15 : 2.0f * ImGui::GetFontSize() / 15);
  }
  for (int i = 0; i < rows; ++i) {
    const std::string label = i == 0 ? "output" : "in " + std::to_string(rows - i);
    plot.draw->AddText(ImVec2(plot.origin.x + 4, plot.at(t0, i + 0.5).y - ImGui::GetFontSize() / 2),
                       colour(i == 0 ? p.bad : p.muted), label.c_str());
  }
}

void membrane(const BiologicalModel& m, float height, double t0, double t1) {
  const neuron::Circuit& c = m.circuit();
  const neuron::LifParams& lif = c.params().lif;
  // The range shows the sub-threshold rise and leak in detail; spikes shoot off the top.
  Plot plot("membrane", ImVec2(ImGui::GetContentRegionAvail().x, height), t0, t1, -73.0, -45.0);
  const Palette& p = palette();
  plot.hline(lif.rest_mV, p.grid, 1.0f);
  plot.hline(lif.threshold_mV, p.warn, 1.5f, "threshold -54 mV");
  const auto& v = c.voltage();
  plot.curve(int(v.size()), [&](int i) {
    return ImVec2(float(v[std::size_t(i)].time_ms), float(v[std::size_t(i)].v_mV));
  }, p.accent, 2.0f * ImGui::GetFontSize() / 15);
  plot.captions("time (ms)", "membrane potential (mV)");
  const std::string now = format_number(c.membrane_potential_mV(), 1) + " mV";
  plot.draw->AddText(ImVec2(plot.origin.x + plot.size.x - ImGui::CalcTextSize(now.c_str()).x - 6,
                            plot.origin.y + 4), colour(p.text), now.c_str());
}

// Each synapse's strength over the recorded history.
void weights(const BiologicalModel& m, float height) {
  const auto& history = m.weight_history();
  const double w_max = m.circuit().params().plasticity.w_max_nA;
  const double start = m.weight_history_start_ms();
  const double end = start + double(std::max<std::size_t>(history.size(), 2) - 1) * BiologicalModel::kWeightSampleMs;
  Plot plot("weights", ImVec2(ImGui::GetContentRegionAvail().x, height), start / 1000.0,
            std::max(end, start + 1000.0) / 1000.0, 0.0, w_max * 1.3);
  const Palette& p = palette();
  plot.hline(w_max, p.grid, 1.0f);
  const std::size_t inputs = m.circuit().weights().size();
  for (std::size_t i = 0; i < inputs; ++i) {
    const ImVec4 col = int(i) < m.circuit().params().pattern_inputs ? p.series[i % 3] : p.series[3 + i % 2];
    plot.curve(int(history.size()), [&](int k) {
      return ImVec2(float((start + k * BiologicalModel::kWeightSampleMs) / 1000.0), float(history[std::size_t(k)][i]));
    }, col, 2.0f * ImGui::GetFontSize() / 15);
    // Legend along the top right: "in 1 2.95" per synapse.
    const std::string label = "in " + std::to_string(i + 1) + " " + format_number(m.circuit().weights()[i]);
    const float slot = ImGui::CalcTextSize("in 0 0.00  ").x;
    plot.draw->AddText(ImVec2(plot.origin.x + plot.size.x - slot * float(inputs - i),
                              plot.origin.y + 4 + ImGui::GetTextLineHeightWithSpacing()),
                       colour(col), label.c_str());
  }
  plot.captions("time (s)", "synapse strength (nA); the top line is the maximum");
}
}  // namespace

void draw_scene(BiologicalModel& m) {
  Panes panes(0.34f);
  controls(m);
  panes.right();
  const double t1 = std::max(m.circuit().time_ms(), m.circuit().params().window_ms);
  const double t0 = t1 - m.circuit().params().window_ms;
  const float h = share_of_height(10, 1.0f);
  raster(m, h * 2.6f, t0, t1);
  membrane(m, h * 4.4f, t0, t1);
  weights(m, h * 3.0f);
}

}  // namespace lesson
