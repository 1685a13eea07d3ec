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

constexpr const char* kArrow = "  ←";  // after the timing shown

float text_width(const char* text) { return ImGui::CalcTextSize(text).x; }

// The widest word of `text`: the narrowest a column can be that wraps it.
float widest_word(const char* text) {
  float widest = 0.0f;
  for (const char* start = text; *start;) {
    const char* end = start;
    while (*end && *end != ' ') ++end;
    widest = std::max(widest, ImGui::CalcTextSize(start, end).x);
    start = *end ? end + 1 : end;
  }
  return widest;
}

// Both outputs under every timing: one column changes, the other cannot. (Laid out by
// hand: ImGui's table API would add ~30 KB of wasm for four rows.) The columns start at 45%
// and 72% of the width, or further right where a longer text needs it; the headings' short
// forms where the full ones do not fit; and where even those do not, each column is as wide
// as its longest word needs and its texts wrap, the timings taking what is left.
struct Table {
  float col[3], end[3];  // where each column starts and wraps, window coordinates
  Word spiking, artificial;  // the headings, full or short
};

Table outcome_table(const CompareModel& m, float x0, float width) {
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  float names = text_width(word(Word::compare_table_timing));
  for (Timing t : kAllTimings) names = std::max(names, text_width((std::string(label(t)) + kArrow).c_str()));
  const float outcomes = std::max({text_width(word(Word::compare_fires)), text_width(word(Word::compare_silent)), text_width("?")});
  const float outputs = std::max(text_width(format_number(m.artificial_output()).c_str()), text_width("?"));
  Table table{{x0, 0.0f, 0.0f}, {}, Word::compare_table_spiking, Word::compare_table_artificial};
  const auto fits = [&]() {
    table.col[1] = std::max(x0 + width * 0.45f, x0 + names + gap);
    table.col[2] = std::max(x0 + width * 0.72f, table.col[1] + std::max(outcomes, text_width(word(table.spiking))) + gap);
    return table.col[2] + std::max(outputs, text_width(word(table.artificial))) <= x0 + width;
  };
  const bool roomy = ImGui::CalcTextSize(word(Word::compare_table_artificial)).x < width * 0.27f;
  if (!roomy || !fits()) {
    table.spiking = Word::compare_table_spiking_short;
    table.artificial = Word::compare_table_artificial_short;
    if (!fits()) {
      // Each outcome column as wide as its longest word; the timings wrap in the rest.
      table.col[2] = x0 + width - std::max(outputs, widest_word(word(table.artificial)));
      table.col[1] = table.col[2] - gap - std::max(outcomes, widest_word(word(table.spiking)));
    }
  }
  table.end[0] = table.col[1] - gap;
  table.end[1] = table.col[2] - gap;
  table.end[2] = x0 + width;
  return table;
}

// Draws the table's rows (`draw`), or only measures them; returns the height its wrapped
// texts add to one line a row.
float table_rows(const CompareModel& m, const Table& table, bool draw) {
  const Palette& p = palette();
  float extra = 0.0f;
  auto row = [&](const char* a, ImVec4 ca, const char* b, ImVec4 cb, const char* c, ImVec4 cc) {
    const char* texts[3] = {a, b, c};
    const ImVec4 inks[3] = {ca, cb, cc};
    float tallest = 0.0f;
    for (int i = 0; i < 3; ++i) {
      tallest = std::max(tallest, ImGui::CalcTextSize(texts[i], nullptr, false, table.end[i] - table.col[i]).y);
      if (!draw) continue;
      if (i) ImGui::SameLine(table.col[i]);
      else ImGui::SetCursorPosX(table.col[0]);
      ImGui::PushTextWrapPos(table.end[i]);
      ImGui::TextColored(inks[i], "%s", texts[i]);
      ImGui::PopTextWrapPos();
    }
    extra += tallest - ImGui::GetTextLineHeight();
  };
  row(word(Word::compare_table_timing), p.muted, word(table.spiking), p.muted, word(table.artificial), p.muted);
  if (draw) ImGui::Separator();
  const std::string output = format_number(m.artificial_output());
  for (Timing t : kAllTimings) {
    const bool now = t == m.timing();
    const std::string name = std::string(label(t)) + (now ? kArrow : "");
    // A timing not shown yet keeps its outcome to itself: predict, then see.
    if (!m.seen(t)) {
      row(name.c_str(), p.muted, "?", p.muted, "?", p.muted);
      continue;
    }
    const bool fires = m.spikes_under(t) > 0;
    row(name.c_str(), now ? p.text : p.muted, word(fires ? Word::compare_fires : Word::compare_silent),
        fires ? p.bad : p.muted, output.c_str(), p.accent);
  }
  return extra;
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
    table_rows(m, outcome_table(m, ImGui::GetCursorPosX(), ImGui::GetContentRegionAvail().x), true);
    return;
  }
  controls(m, panes.wide);
  panes.right();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float line = ImGui::GetTextLineHeightWithSpacing();
  // Under the plots: ten and a half lines for the words and the table, more where they wrap.
  const Table table = outcome_table(m, ImGui::GetCursorPosX(), avail.x);
  section_label(word(Word::compare_spiking_heading));
  spiking_side(m, ImVec2(avail.x, std::max(avail.y - line * 10.5f - table_rows(m, table, false), line * 6.5f)));
  section_label(word(Word::compare_artificial_heading));
  artificial_side(m);
  ImGui::Spacing();
  table_rows(m, table, true);
}

}  // namespace lesson
