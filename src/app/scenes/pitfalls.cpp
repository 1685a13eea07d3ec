// pitfalls.cpp: the failure modes of training, each reproducible with one click and
// fixable with its mathematical fix: learning rate too high, mismatched loss, vanishing
// gradients, and "deeper is not smarter".
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "../param_widget.h"
#include "../plot.h"
#include "scenes.h"
#include "training_setup.h"
#include "words.h"

namespace lesson {

namespace {

// The race's seven or fewer line ends: an insertion sort (std::sort is ~1.2 KB of wasm for
// each type it sorts, and the first-load budget counts every kilobyte).
template <class T, class Less>
void sort_few(std::vector<T>& items, Less less) {
  for (std::size_t i = 1; i < items.size(); ++i)
    for (std::size_t j = i; j > 0 && less(items[j], items[j - 1]); --j) std::swap(items[j], items[j - 1]);
}
void explanation(const PitfallsModel& m) {
  const PitfallInfo& text = info(m.pitfall());
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(word(text.problem));
  ImGui::Spacing();
  ImGui::TextColored(palette().good, "%s", word(text.fix));
  ImGui::PopTextWrapPos();
  ImGui::Spacing();
}

// A series over epochs; log scale when it spans more than two decades.
void series_plot(const char* id, const std::vector<const std::vector<double>*>& series,
                 const std::vector<ImVec4>& colours, ImVec2 size, const char* y_caption,
                 bool force_linear = false) {
  double top = 0, bottom = 1e300;
  std::size_t length = 2;
  for (const auto* s : series) {
    length = std::max(length, s->size());
    for (double v : *s)
      if (std::isfinite(v)) {
        top = std::max(top, v);
        bottom = std::min(bottom, v);
      }
  }
  const bool log = !force_linear && top / std::max(bottom, 1e-12) > 100;
  Plot plot(id, size, 0, double(length - 1), log ? std::max(bottom * 0.5, 1e-8) : 0.0,
            log ? top * 2 : std::max(top * 1.1, 1e-3), log);
  plot.captions(word(Word::plot_epoch), y_caption);
  for (std::size_t k = 0; k < series.size(); ++k) {
    const auto& s = *series[k];
    plot.curve(int(s.size()), [&](int i) { return ImVec2(float(i), float(s[std::size_t(i)])); }, colours[k],
               2.0f * ImGui::GetFontSize() / 15);
  }
}

// Bars on a log scale, one per layer, first layer on the left; the scale's values in a
// gutter on the left, where no bar reaches.
void gradient_bars(const std::vector<double>& sizes, ImVec2 size) {
  const double gutter = size.x > 0 ? ImGui::CalcTextSize("1e-6").x * 1.3 * double(sizes.size()) / size.x : 0.6;
  Plot plot("gradients", size, -gutter, double(std::max<std::size_t>(sizes.size(), 1)), 1e-7, 10.0, true);
  plot.captions(nullptr, word(Word::pitfall_gradients_axis));
  const Palette& p = palette();
  for (const auto& [level, text] : {std::pair{1e-6, "1e-6"}, {1e-4, "1e-4"}, {1e-2, "0.01"}, {1.0, "1"}}) {
    plot.hline(level, p.grid);
    const ImVec2 at = plot.at(-gutter, level);
    place_text(plot.draw, ImVec2(at.x + 3, at.y - ImGui::GetFontSize() / 2), p.muted, with_decimal_mark(text));
  }
  for (std::size_t i = 0; i < sizes.size(); ++i) {
    const double v = std::max(sizes[i], 1e-7);
    plot.rect(i + 0.15, 1e-7, i + 0.85, v, mix(p.accent, p.bad, 1.0f - float(i) / float(sizes.size())));
    const std::string label = say(Word::pitfall_layer, {std::to_string(i + 1)});
    const ImVec2 at = plot.at(i + 0.5, 1e-7);
    place_text(plot.draw, ImVec2(at.x - ImGui::CalcTextSize(label.c_str()).x / 2, at.y - ImGui::GetFontSize() - 2),
               p.text, label);
  }
}

// The depth race: each racer's accuracy over the epochs so far, one curve per depth, the
// highlighted one thick, and the depths written where the curves end: racers that end
// together share one label ("0-3"), in the highlight's colour if it is among them.
void race_accuracy(const DepthRacePitfall& race, ImVec2 size) {
  const auto& history = race.race_accuracy();
  const Palette& p = palette();
  const double epochs = double(race.max_epochs());
  const float font = ImGui::GetFontSize();
  Plot plot("race", size, 0.0, epochs, 0.0, 1.2);  // the top row for the caption, above 100%
  plot.captions(word(Word::plot_epoch), word(Word::pitfall_race_axis));
  plot.hline(1.0, p.grid, 1.0f);
  plot.hline(0.5, p.grid, 1.0f);
  const float thin = 1.5f * font / 15, thick = 3.0f * font / 15;
  const auto racer_colour = [&](std::size_t d) {
    return int(d) == race.depth() ? p.bad : mix(p.accent, p.muted, float(d) / float(history.size()));
  };
  struct End {
    ImVec2 at;
    int depth;
  };
  std::vector<End> ends;
  for (std::size_t d = 0; d < history.size(); ++d) {
    const auto& h = history[d];
    plot.curve(int(h.size()), [&](int i) { return ImVec2(float(i), float(h[std::size_t(i)])); }, racer_colour(d),
               int(d) == race.depth() ? thick : thin);
    if (!h.empty()) ends.push_back({plot.at(double(h.size() - 1), h.back()), int(d)});
  }
  place_text(plot.draw, ImVec2(plot.at(0.0, 1.0).x + 4, plot.at(0.0, 1.0).y + 1), p.muted, "100%");
  place_text(plot.draw, ImVec2(plot.at(0.0, 0.5).x + 4, plot.at(0.0, 0.5).y + 1), p.muted, word(Word::pitfall_race_guessing));
  sort_few(ends, [](const End& a, const End& b) { return a.at.y < b.at.y; });
  for (std::size_t first = 0; first < ends.size();) {
    std::size_t last = first;
    while (last + 1 < ends.size() && ends[last + 1].at.y - ends[first].at.y < font) ++last;
    std::vector<int> depths;
    float right = 0.0f;
    bool highlighted = false;
    for (std::size_t k = first; k <= last; ++k) {
      depths.push_back(ends[k].depth);
      right = std::max(right, ends[k].at.x);
      highlighted = highlighted || ends[k].depth == race.depth();
    }
    sort_few(depths, [](int a, int b) { return a < b; });
    std::string text;  // consecutive depths as a range: 0-3, 5
    for (std::size_t k = 0; k < depths.size();) {
      std::size_t run = k;
      while (run + 1 < depths.size() && depths[run + 1] == depths[run] + 1) ++run;
      text += (text.empty() ? "" : word(Word::list_separator)) + std::to_string(depths[k]) +
              (run > k ? "-" + std::to_string(depths[run]) : "");
      k = run + 1;
    }
    const float width = ImGui::CalcTextSize(text.c_str()).x;
    const float x = std::min(right + 3, plot.origin.x + plot.size.x - width - 4);
    const ImVec4 col = highlighted ? p.bad : racer_colour(std::size_t(depths.front()));
    // Above the curve's end, or below it where the caption takes the top of the plot.
    float y = ends[first].at.y - font * 1.1f;
    if (y < plot.origin.y + font * 1.2f) y = ends[first].at.y + 2;
    place_text(plot.draw, ImVec2(x, y), col, text);
    first = last + 1;
  }
}

// ---- Each pitfall's own controls and plots ----------------------------------------------
// `narrow` (a phone): the plots are stacked, and the control the Try it names goes between
// the first plot and the second.
struct PlotArea {
  ImVec2 size;
  bool narrow;
  float first() const { return narrow ? narrow_height(0.55f) : size.y * 0.6f; }  // of two plots
  float only() const { return narrow ? first() : size.y; }                         // a plot alone
  float rest() const { return narrow ? narrow_height(0.45f) : ImGui::GetContentRegionAvail().y; }
};

void rate_too_high_controls(PitfallsModel& m) {
  const RateTooHighPitfall& pitfall = m.rate_too_high();
  const Palette& p = palette();
  param_widget(m, "lr");
  ImGui::PushTextWrapPos(0);
  const bool below = pitfall.below_critical_rate();
  ImGui::TextColored(below ? p.good : p.bad, "%s",
                     say(below ? Word::pitfall_critical_below : Word::pitfall_critical_above,
                         {format_number(pitfall.critical_rate()), format_number(pitfall.largest_curvature()),
                          format_number(pitfall.learning_rate(), 3)})
                         .c_str());
  ImGui::PopTextWrapPos();
}

void rate_too_high_plots(PitfallsModel& m, const PlotArea& area) {
  const neuron::Trainer& t = m.rate_too_high().trainer();
  const Palette& p = palette();
  series_plot("lr-loss", {&t.loss_history()}, {t.status() == neuron::TrainStatus::Diverged ? p.bad : p.accent},
              ImVec2(area.size.x, area.only()), word(Word::plot_loss));
  if (area.narrow) focus_control(m);
}

void mismatched_loss_plots(PitfallsModel& m, const PlotArea& area) {
  const MismatchedLossPitfall& pitfall = m.mismatched_loss();
  const Palette& p = palette();
  series_plot("mismatch", {&pitfall.error_squared(), &pitfall.error_cross_entropy()}, {p.bad, p.accent},
              ImVec2(area.size.x, area.only() - ImGui::GetTextLineHeightWithSpacing()), word(Word::pitfall_mismatch_axis),
              true);
  ImGui::TextColored(p.bad, "%s", word(Word::loss_squared_error));
  same_line_if_room(ImGui::CalcTextSize(word(Word::loss_cross_entropy)).x);  // else on the next line
  ImGui::TextColored(p.accent, "%s", word(Word::loss_cross_entropy));
  if (area.narrow) focus_control(m);
}

void vanishing_gradients_plots(PitfallsModel& m, const PlotArea& area) {
  const VanishingGradientsPitfall& pitfall = m.vanishing_gradients();
  gradient_bars(pitfall.layer_gradients(), ImVec2(area.size.x, area.first()));
  if (area.narrow) focus_control(m);
  series_plot("vanish-loss", {&pitfall.trainer().loss_history()}, {palette().accent}, ImVec2(area.size.x, area.rest()),
              word(Word::plot_loss), true);
}

void depth_race_controls(PitfallsModel& m) {
  param_widget(m, "act");
  param_widget(m, "depth");
}

void depth_race_plots(PitfallsModel& m, const PlotArea& area) {
  const DepthRacePitfall& pitfall = m.depth_race();
  race_accuracy(pitfall, ImVec2(area.size.x, area.first()));
  if (area.narrow) focus_control(m);
  const std::string caption = say(Word::pitfall_racer_loss_axis, {std::to_string(pitfall.depth())});
  series_plot("depth-loss", {&pitfall.trainer().loss_history()}, {palette().bad}, ImVec2(area.size.x, area.rest()),
              caption.c_str(), true);
}

// How each pitfall is drawn: its controls under the shared ones (none: nullptr), its plots.
struct PitfallDrawing {
  Pitfall pitfall;
  void (*controls)(PitfallsModel&);
  void (*plots)(PitfallsModel&, const PlotArea&);
};
constexpr PitfallDrawing kDrawings[] = {
    {Pitfall::RateTooHigh, rate_too_high_controls, rate_too_high_plots},
    {Pitfall::MismatchedLoss, nullptr, mismatched_loss_plots},
    {Pitfall::VanishingGradients, nullptr, vanishing_gradients_plots},
    {Pitfall::Depth, depth_race_controls, depth_race_plots},
};

// The one place the scene asks which pitfall is shown.
const PitfallDrawing& drawing(const PitfallsModel& m) {
  for (const PitfallDrawing& d : kDrawings)
    if (m.shows(d.pitfall)) return d;
  return kDrawings[0];
}

// ---- What every pitfall shares -----------------------------------------------------------
void controls(PitfallsModel& m) {
  param_widget(m, "fixed");  // Break it | Apply the fix
  button_row(m, {"run", "reset"});
  if (const auto own = drawing(m).controls) own(m);
  const neuron::Trainer& t = m.trainer();
  if (t.status() == neuron::TrainStatus::Diverged) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(palette().bad, "%s", diverged_words(t.divergence()).c_str());
    ImGui::PopTextWrapPos();
  }
}

void plots(PitfallsModel& m, ImVec2 size, bool narrow) { drawing(m).plots(m, {size, narrow}); }
}  // namespace

void draw_scene(PitfallsModel& m) {
  param_widget(m, "pitfall");  // the four presets, one click each
  ImGui::Spacing();

  Panes panes(0.4f);
  if (!panes.wide) {
    // A phone: the plots first, the controls, then the words.
    plots(m, ImGui::GetContentRegionAvail(), true);
    controls(m);
    explanation(m);
    return;
  }
  explanation(m);
  controls(m);
  panes.right();
  plots(m, ImGui::GetContentRegionAvail(), false);
}

}  // namespace lesson
