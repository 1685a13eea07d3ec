// biological.cpp: the spiking neuron scene: input and output spike raster, the membrane
// potential over milliseconds with its threshold, reset and refractory period, the synapse
// strengths over time, and beside them the rule's own curve: the firing rate against input
// strength (rate coding), or the STDP window.
#include <algorithm>
#include <cmath>
#include <string>

#include "../param_widget.h"
#include "../plot.h"
#include "scenes.h"
#include "words.h"

namespace lesson {

using neuron::PlasticityRule;

namespace {
void controls(BiologicalModel& m, bool wide) {
  button_row(m, {"run", "reset", "ff"});

  param_widget(m, "plasticity");
  ImGui::PushTextWrapPos(0);
  ImGui::PushStyleColor(ImGuiCol_Text, palette().muted);
  if (m.plasticity() == PlasticityRule::Stdp)
    ImGui::TextUnformatted(word(Word::bio_stdp_note));
  else if (m.plasticity() == PlasticityRule::Hebbian)
    ImGui::TextUnformatted(word(Word::bio_hebbian_note));
  else
    ImGui::TextUnformatted(word(Word::bio_plasticity_off_note));
  ImGui::PopStyleColor();
  if (m.plasticity() != PlasticityRule::Off && m.drive() > 0.05) {
    ImGui::TextColored(palette().warn, "%s", word(Word::bio_drive_swamps_timing));
  }

  section_label(word(Word::bio_inputs_heading));
  const SliderLabels labels = slider_labels(m, {"drive", "rate", "speed", "zoom"});
  for (const char* key : {"drive", "rate", "speed", "zoom"}) param_widget(m, key, labels.layout, labels.width);
  if (!wide) {  // a phone: room for the plots first; the text says this too
    ImGui::PopTextWrapPos();
    return;
  }
  ImGui::PushStyleColor(ImGuiCol_Text, palette().muted);
  // Numbers from the circuit's parameters, so the words follow the model.
  const neuron::CircuitParams& c = m.circuit().params();
  ImGui::TextUnformatted(say(Word::bio_inputs_explained,
                             {format_number(c.pattern_period_ms, 0), format_number(c.pattern_gap_ms, 0),
                              format_number(m.circuit().input_rate_hz(c.inputs - 1), 0)})
                             .c_str());
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
    if (e.time_ms < t0) continue;  // the circuit keeps more than the plot shows
    const bool output = e.source == neuron::kOutput;
    const int row = output ? 0 : rows - 1 - e.source;
    const ImVec4 col = output ? p.bad : e.source < c.params().pattern_inputs ? p.accent : p.series[3];
    plot.draw->AddLine(plot.at(e.time_ms, row + 0.15), plot.at(e.time_ms, row + 0.85), colour(col),
                       output ? 3.0f * ImGui::GetFontSize() / 15 : 2.0f * ImGui::GetFontSize() / 15);
  }
  for (int i = 0; i < rows; ++i) {
    const std::string label = i == 0 ? word(Word::bio_raster_output) : say(Word::bio_raster_input, {std::to_string(rows - i)});
    place_text(plot.draw, ImVec2(plot.origin.x + 4, plot.at(t0, i + 0.5).y - ImGui::GetFontSize() / 2),
               i == 0 ? p.bad : p.muted, label);
  }
}

void membrane(const BiologicalModel& m, float height, double t0, double t1) {
  const neuron::Circuit& c = m.circuit();
  const neuron::LifParams& lif = c.params().lif;
  // The range shows the sub-threshold rise and leak in detail; spikes shoot off the top.
  Plot plot("membrane", ImVec2(ImGui::GetContentRegionAvail().x, height), t0, t1, -73.0, -45.0);
  plot.captions(word(Word::plot_time_ms), word(Word::bio_membrane_axis));
  const Palette& p = palette();
  const std::string now = format_number(c.membrane_potential_mV(), 1) + " mV";
  place_text(plot.draw, ImVec2(plot.origin.x + plot.size.x, plot.origin.y + 4), p.text, now);
  plot.hline(lif.rest_mV, p.grid, 1.0f);
  // After each spike: the reset, then the refractory period, when the cell cannot fire.
  const bool room_for_label = plot.at(t0 + lif.refractory_ms, 0).x - plot.at(t0, 0).x > ImGui::GetFontSize() * 0.8f;
  for (const neuron::SpikeEvent& e : c.spikes()) {
    if (e.source != neuron::kOutput || e.time_ms < t0) continue;
    plot.rect(e.time_ms, -73.0, e.time_ms + lif.refractory_ms, -45.0, mix(p.panel, p.warn, 0.25f));
    if (room_for_label) {
      const ImVec2 at = plot.at(e.time_ms + lif.refractory_ms, -71.5);
      place_text(plot.draw, ImVec2(at.x + 3, at.y - ImGui::GetFontSize()), p.muted, word(Word::bio_reset_refractory));
    }
  }
  const std::string threshold = say(Word::bio_threshold_mv, {format_number(lif.threshold_mV, 0)});
  plot.hline(lif.threshold_mV, p.warn, 1.5f, threshold.c_str());
  const auto& v = c.voltage();
  plot.curve(int(v.size()), [&](int i) {
    return ImVec2(float(v[std::size_t(i)].time_ms), float(v[std::size_t(i)].v_mV));
  }, p.accent, 2.0f * ImGui::GetFontSize() / 15);
}

// Firing rate against a steady input current: the neuron's own curve (rate coding), with
// the current input strength marked. Every spike is the same size; only the rate changes.
void rate_curve(const BiologicalModel& m, ImVec2 size) {
  const neuron::LifParams& lif = m.circuit().params().lif;
  constexpr double kMaxDrive = 4.0, kMaxRate = 200.0;
  Plot plot("f-I", size, 0.0, kMaxDrive, 0.0, kMaxRate);
  plot.captions(word(Word::bio_rate_x_axis), word(Word::bio_rate_y_axis));
  const Palette& p = palette();
  constexpr int kSamples = 81;
  plot.curve(kSamples, [&](int i) {
    const double nA = kMaxDrive * i / (kSamples - 1);
    return ImVec2(float(nA), float(neuron::lif_firing_rate_hz(lif, nA)));
  }, p.accent, 2.0f * ImGui::GetFontSize() / 15);
  plot.vline(m.drive(), p.muted);
  plot.dot(m.drive(), neuron::lif_firing_rate_hz(lif, m.drive()), ImGui::GetFontSize() * 0.3f, p.accent, true);
  // What the neuron does now, with the input spikes on top of the steady current.
  const double now = std::min(m.output_rate_hz(), kMaxRate);
  plot.dot(m.drive(), now, ImGui::GetFontSize() * 0.35f, p.bad, true);
  const std::string label = say(Word::bio_rate_now, {format_number(m.output_rate_hz(), 0)});
  const ImVec2 at = plot.at(m.drive(), now);
  const float w = ImGui::CalcTextSize(label.c_str()).x;
  place_text(plot.draw, ImVec2(at.x + w + 8 > plot.origin.x + plot.size.x ? at.x - w - 8 : at.x + 8,
                               at.y - ImGui::GetFontSize() - 2), p.bad, label);
}

// The STDP window from the model's own rule: weight change against t_post - t_pre.
void stdp_window(const BiologicalModel& m, ImVec2 size) {
  const neuron::PlasticityParams& rule = m.circuit().params().plasticity;
  const double top = std::max(rule.a_plus_nA, rule.a_minus_nA) * 1.25;
  Plot plot("stdp-window", size, -80.0, 80.0, -top, top);
  plot.captions(word(Word::bio_stdp_x_axis), word(Word::bio_stdp_y_axis));
  const Palette& p = palette();
  plot.hline(0.0, p.grid);
  plot.vline(0.0, p.grid);
  constexpr int kSamples = 161;
  for (int side = 0; side < 2; ++side) {
    plot.curve(kSamples, [&](int i) {
      const double dt = side == 0 ? -80.0 + 80.0 * i / (kSamples - 1) : 80.0 * i / (kSamples - 1) + 1e-9;
      return ImVec2(float(dt), float(neuron::stdp_change_nA(rule, dt)));
    }, side == 0 ? p.bad : p.good, 2.0f * ImGui::GetFontSize() / 15);
  }
  const char* stronger = word(Word::bio_stdp_pre_first);
  const ImVec2 right = plot.at(80.0, top * 0.45);
  place_text(plot.draw, ImVec2(right.x - ImGui::CalcTextSize(stronger).x - 6, right.y), p.good, stronger);
  place_text(plot.draw, plot.at(-78.0, -top * 0.3), p.bad, word(Word::bio_stdp_post_first));
}

// Each synapse's strength over the recorded history.
void weights(const BiologicalModel& m, ImVec2 size) {
  const auto& history = m.weight_history();
  const double w_max = m.circuit().params().plasticity.w_max_nA;
  const double start = m.weight_history_start_ms();
  const double end = start + double(std::max<std::size_t>(history.size(), 2) - 1) * BiologicalModel::kWeightSampleMs;
  Plot plot("weights", size, start / 1000.0,
            std::max(end, start + 1000.0) / 1000.0, 0.0, w_max * 1.3);
  plot.captions(word(Word::plot_time_s), word(Word::bio_weights_axis));
  const Palette& p = palette();
  plot.hline(w_max, p.grid, 1.0f);
  const std::size_t inputs = m.circuit().weights().size();
  for (std::size_t i = 0; i < inputs; ++i) {
    const ImVec4 col = int(i) < m.circuit().params().pattern_inputs ? p.series[i % 3] : p.series[3 + i % 2];
    plot.curve(int(history.size()), [&](int k) {
      return ImVec2(float((start + k * BiologicalModel::kWeightSampleMs) / 1000.0), float(history[std::size_t(k)][i]));
    }, col, 2.0f * ImGui::GetFontSize() / 15);
    // Legend along the top right: "1: 2.95" per synapse, or only the numbers, in the
    // curves' colours and in input order, where the plot is too narrow for the names.
    const bool named = ImGui::CalcTextSize("0: 0.00  ").x * float(inputs) < plot.size.x - 8;
    const std::string label = (named ? std::to_string(i + 1) + ": " : "") + format_number(m.circuit().weights()[i]);
    const float slot = ImGui::CalcTextSize(named ? "0: 0.00  " : "0.00  ").x;
    place_text(plot.draw, ImVec2(plot.origin.x + plot.size.x - slot * float(inputs - i),
                                 plot.origin.y + 4 + ImGui::GetTextLineHeightWithSpacing()), col, label);
  }
}
}  // namespace

void draw_scene(BiologicalModel& m) {
  Panes panes(0.34f);
  const double t1 = std::max(m.circuit().time_ms(), m.shown_ms);
  const double t0 = t1 - m.shown_ms;
  if (!panes.wide) {
    // A phone: the plot the last Try it is about first (the membrane, or the synapses when
    // it was learning), with its control under it; the other plots below the controls.
    const float width = ImGui::GetContentRegionAvail().x;
    const bool synapses_first = m.focus_plot == "weights";
    if (synapses_first) weights(m, ImVec2(width, narrow_height(0.5f)));
    else membrane(m, narrow_height(0.5f), t0, t1);
    focus_control(m);
    controls(m, false);
    raster(m, ImGui::GetTextLineHeight() * 6.8f, t0, t1);
    if (synapses_first) membrane(m, narrow_height(0.5f), t0, t1);
    else weights(m, ImVec2(width, narrow_height(0.5f)));
    if (m.plasticity() == PlasticityRule::Stdp) stdp_window(m, ImVec2(width, narrow_height(0.45f)));
    else rate_curve(m, ImVec2(width, narrow_height(0.45f)));
    return;
  }
  controls(m, panes.wide);
  panes.right();
  const float h = share_of_height(10, 1.0f);
  raster(m, std::max(h * 2.6f, ImGui::GetTextLineHeight() * 6.8f), t0, t1);
  membrane(m, h * 4.0f, t0, t1);
  // The synapses over time, and beside them the curve of what the learner is changing.
  const float width = ImGui::GetContentRegionAvail().x, gap = ImGui::GetStyle().ItemSpacing.x;
  const ImVec2 side((width - gap) * 0.42f, std::max(ImGui::GetContentRegionAvail().y, h * 3.0f));
  weights(m, ImVec2(width - side.x - gap, side.y));
  ImGui::SameLine();
  if (m.plasticity() == PlasticityRule::Stdp) stdp_window(m, side);
  else rate_curve(m, side);
}

}  // namespace lesson
