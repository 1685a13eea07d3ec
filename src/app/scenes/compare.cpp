// compare.cpp: "Time matters": the same three inputs into a spiking neuron (input spikes
// and membrane potential over 100 ms) and into an artificial neuron (its sum and output),
// with a table of both outputs under every timing. Only the timing changes.
#include <algorithm>
#include <cstdio>
#include <string>

#include "../param_widget.h"
#include "../plot.h"
#include "scenes.h"
#include "words.h"

namespace lesson {

namespace {
void controls(CompareModel& m, bool wide) {
  button_row(m, {"run"});
  param_widget(m, "timing");
  section_label(word(Word::compare_inputs_heading));
  bool first = true;
  for (const char* key : {"in1", "in2", "in3"}) {
    if (!first) same_line_if_fits(m.find_param(key)->label.c_str());
    param_widget(m, key);
    first = false;
  }
  if (!wide) return;  // on a narrow canvas the caption under the figure says it
  ImGui::Spacing();
  ImGui::PushTextWrapPos(0);
  ImGui::PushStyleColor(ImGuiCol_Text, palette().muted);
  ImGui::TextUnformatted(word(Word::compare_note));
  ImGui::PopStyleColor();
  ImGui::PopTextWrapPos();
}

// Input spikes as ticks (one row per input), the membrane potential below with its threshold.
void spiking_side(const CompareModel& m, ImVec2 size) {
  const Palette& p = palette();
  const double t1 = CompareModel::kDurationMs;
  const float rows_h = ImGui::GetFontSize() * 4.2f;
  {
    const double gutter = t1 * ImGui::GetFontSize() * 3.2 / size.x;
    Plot raster("compare-inputs", ImVec2(size.x, rows_h), -gutter, t1, 0, CompareModel::kInputs);
    const std::vector<double> times = m.spike_times(m.timing());
    for (int i = 0; i < CompareModel::kInputs; ++i) {
      const int row = CompareModel::kInputs - 1 - i;
      const std::string name = say(Word::bio_raster_input, {std::to_string(i + 1)});
      place_text(raster.draw, ImVec2(raster.origin.x + 4, raster.at(0, row + 0.5).y - ImGui::GetFontSize() / 2),
                 p.muted, name);
      if (times[std::size_t(i)] < 0) continue;
      raster.draw->AddLine(raster.at(times[std::size_t(i)], row + 0.12), raster.at(times[std::size_t(i)], row + 0.88),
                           colour(p.series[std::size_t(i)]), 3.0f * ImGui::GetFontSize() / 15);
    }
  }
  const neuron::LifParams& lif = m.lif();
  Plot plot("compare-membrane", ImVec2(size.x, std::max(size.y - rows_h - ImGui::GetStyle().ItemSpacing.y, 60.0f)),
            0.0, t1, -72.0, -44.0);
  plot.captions(word(Word::plot_time_ms), word(Word::bio_membrane_axis));
  plot.hline(lif.rest_mV, p.grid);
  const std::string threshold = say(Word::bio_threshold_mv, {format_number(lif.threshold_mV, 0)});
  plot.hline(lif.threshold_mV, p.warn, 1.5f, threshold.c_str());
  const auto& trace = m.volley().trace;
  plot.curve(int(trace.size()), [&](int i) {
    return ImVec2(float(trace[std::size_t(i)].time_ms), float(trace[std::size_t(i)].v_mV));
  }, p.accent, 2.0f * ImGui::GetFontSize() / 15);
  for (double s : m.volley().spikes_ms) {
    // The spike itself: all or none, far above the plot.
    plot.draw->AddLine(plot.at(s, lif.threshold_mV), plot.at(s, -44.0), colour(p.bad), 3.0f * ImGui::GetFontSize() / 15);
  }
}

void artificial_side(const CompareModel& m) {
  const Palette& p = palette();
  ImGui::PushTextWrapPos(0);
  std::string sum = "z = ";
  for (int i = 0; i < CompareModel::kInputs; ++i)
    sum += (i ? " + " : "") + format_number(CompareModel::kWeights_nA[i], 1) + "·" + (m.active(i) ? "1" : "0");
  sum += " − " + format_number(-CompareModel::kBias, 1) + " = " + format_number(m.z());
  ImGui::TextUnformatted(sum.c_str());
  ImGui::Text("a = σ(z) = ");
  ImGui::SameLine(0, 0);
  ImGui::TextColored(p.accent, "%s", format_number(m.artificial_output()).c_str());
  ImGui::SameLine();
  ImGui::TextColored(p.muted, "%s", word(Word::compare_no_clock));
  ImGui::PopTextWrapPos();
}

// Both outputs under every timing: one column changes, the other cannot. (Laid out by
// hand: ImGui's table API would add ~30 KB of wasm for four rows.)
void outcome_table(const CompareModel& m) {
  const Palette& p = palette();
  const float x0 = ImGui::GetCursorPosX(), width = ImGui::GetContentRegionAvail().x;
  const float col[3] = {x0, x0 + width * 0.45f, x0 + width * 0.72f};
  auto row = [&](const char* a, ImVec4 ca, const char* b, ImVec4 cb, const char* c, ImVec4 cc) {
    ImGui::SetCursorPosX(col[0]);
    ImGui::TextColored(ca, "%s", a);
    ImGui::SameLine(col[1]);
    ImGui::TextColored(cb, "%s", b);
    ImGui::SameLine(col[2]);
    ImGui::TextColored(cc, "%s", c);
  };
  const bool roomy = ImGui::CalcTextSize(word(Word::compare_table_artificial)).x < width * 0.27f;
  row(word(Word::compare_table_timing), p.muted,
      word(roomy ? Word::compare_table_spiking : Word::compare_table_spiking_short), p.muted,
      word(roomy ? Word::compare_table_artificial : Word::compare_table_artificial_short), p.muted);
  ImGui::Separator();
  const std::string output = format_number(m.artificial_output());
  for (Timing t : kAllTimings) {
    const bool now = t == m.timing();
    const std::string name = std::string(label(t)) + (now ? "  ←" : "");
    // A timing not shown yet keeps its outcome to itself: predict, then see.
    if (!m.seen(t)) {
      row(name.c_str(), p.muted, "?", p.muted, "?", p.muted);
      continue;
    }
    const bool fires = m.spikes_under(t) > 0;
    row(name.c_str(), now ? p.text : p.muted, word(fires ? Word::compare_fires : Word::compare_silent),
        fires ? p.bad : p.muted, output.c_str(), p.accent);
  }
}
}  // namespace

void draw_scene(CompareModel& m) {
  Panes panes(0.34f);
  if (!panes.wide) {
    // A phone: the spiking neuron's plots first, the controls, then the artificial neuron.
    spiking_side(m, ImVec2(ImGui::GetContentRegionAvail().x, narrow_height(0.75f)));
    focus_control(m);
    controls(m, false);
    section_label(word(Word::compare_artificial_heading));
    artificial_side(m);
    ImGui::Spacing();
    outcome_table(m);
    return;
  }
  controls(m, panes.wide);
  panes.right();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float line = ImGui::GetTextLineHeightWithSpacing();
  section_label(word(Word::compare_spiking_heading));
  spiking_side(m, ImVec2(avail.x, std::max(avail.y - line * 10.5f, line * 6.5f)));
  section_label(word(Word::compare_artificial_heading));
  artificial_side(m);
  ImGui::Spacing();
  outcome_table(m);
}

}  // namespace lesson
