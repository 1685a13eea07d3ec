// training.cpp: gradient descent live: the data and the neuron's decision as a heatmap,
// the loss curve, and run / pause / step / reset with the learning rate and loss to choose.
#include <algorithm>
#include <cmath>
#include <string>

#include "../param_widget.h"
#include "../plot.h"
#include "scenes.h"
#include "training_setup.h"
#include "words.h"

namespace lesson {

using neuron::DataKind;

namespace {
void controls(TrainingModel& m) {
  button_row(m, {"run", "step", "reset"});

  for (const char* key : {"data", "lr", "loss", "layers", "width"}) param_widget(m, key);

  const neuron::Trainer& t = m.trainer();
  const Palette& p = palette();
  ImGui::Spacing();
  ImGui::TextUnformatted(say(Word::train_epoch_now, {std::to_string(t.epoch())}).c_str());
  ImGui::TextUnformatted(say(Word::train_loss_now, {format_number(t.loss(), 3)}).c_str());
  ImGui::TextUnformatted(say(Word::train_accuracy_now, {format_number(100 * m.reported_accuracy(), 0)}).c_str());
  ImGui::PushTextWrapPos(0);
  if (t.status() == neuron::TrainStatus::Diverged) {
    ImGui::TextColored(p.bad, "%s", diverged_words(t.divergence()).c_str());
  } else if (m.xor_on_one_neuron()) {
    ImGui::TextColored(p.warn, "%s", say(Word::train_xor_warning, {m.output_range_words()}).c_str());
  }
  ImGui::PopTextWrapPos();
}

// The network's output over the plane (blue = class 1, orange = class 0), the 0.5 boundary
// where the colour turns, and the data points on top.
void decision_map(const TrainingModel& m, float side) {
  const bool gate = m.data() == DataKind::And || m.data() == DataKind::Or || m.data() == DataKind::Xor;
  const double lo = gate ? -0.5 : -2.2, hi = gate ? 1.5 : 2.2;
  Plot plot("decision", ImVec2(side, side), lo, hi, lo, hi);
  plot.captions("x1", "x2");
  const Palette& p = palette();
  constexpr int kCells = 40;
  Eigen::MatrixXd grid(2, kCells * kCells);
  const double step = (hi - lo) / kCells;
  for (int r = 0; r < kCells; ++r)
    for (int c = 0; c < kCells; ++c) {
      grid(0, r * kCells + c) = lo + (c + 0.5) * step;
      grid(1, r * kCells + c) = lo + (r + 0.5) * step;
    }
  const Eigen::MatrixXd out = m.trainer().model().predict(grid);
  for (int r = 0; r < kCells; ++r)
    for (int c = 0; c < kCells; ++c) {
      const double a = out(0, r * kCells + c);
      const float t = std::isfinite(a) ? float(std::clamp(a, 0.0, 1.0)) : 0.5f;
      // Strong colour far from the boundary, pale near it.
      const ImVec4 col = t >= 0.5f ? p.class1 : p.class0;
      // Neutral (the panel's own colour) where the output is undecided, within 0.01 of 0.5,
      // so one neuron on XOR, at 0.500 everywhere, shows no split that is not there.
      const float strength = std::fabs(t - 0.5f) < float(TrainingModel::kUndecided) ? 0.0f : 0.12f + 0.45f * std::fabs(t - 0.5f) * 2;
      plot.rect(lo + c * step, lo + r * step, lo + (c + 1) * step + 1e-9, lo + (r + 1) * step + 1e-9,
                mix(p.panel, col, strength));
    }
  const float radius = ImGui::GetFontSize() * (gate ? 0.55f : 0.3f);
  for (const neuron::Point& pt : m.trainer().data().points)
    plot.dot(pt.x1, pt.x2, radius, pt.label > 0.5 ? p.class1 : p.class0, true);
}

void loss_curve(const neuron::Trainer& t, ImVec2 size) {
  const auto& h = t.loss_history();
  double top = 0.0, bottom = 1e300;
  for (double v : h) {
    top = std::max(top, v);
    bottom = std::min(bottom, v);
  }
  const bool log = top / std::max(bottom, 1e-12) > 50;
  const double stride = t.history_stride();
  Plot plot("loss", size, 0, std::max<double>((double(h.size()) - 1) * stride, 10), log ? std::max(bottom * 0.5, 1e-6) : 0.0,
            log ? top * 2 : std::max(top * 1.1, 1e-3), log);
  plot.captions(word(Word::plot_epoch), word(log ? Word::plot_loss_log : Word::plot_loss));
  plot.curve(int(h.size()), [&](int i) { return ImVec2(float(i * stride), float(h[std::size_t(i)])); },
             t.status() == neuron::TrainStatus::Diverged ? palette().bad : palette().accent,
             2.0f * ImGui::GetFontSize() / 15);
}
}  // namespace

void draw_scene(TrainingModel& m) {
  Panes panes(0.36f);
  if (!panes.wide) {
    // A phone: the map and the loss side by side across the width, the controls beneath.
    const float width = ImGui::GetContentRegionAvail().x, side = width * 0.58f;
    decision_map(m, side);
    ImGui::SameLine();
    loss_curve(m.trainer(), ImVec2(width - side - ImGui::GetStyle().ItemSpacing.x, side));
    focus_control(m);
    controls(m);
    return;
  }
  controls(m);
  panes.right();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  if (avail.x > avail.y * 1.4f) {
    // Side by side: the map square, the loss curve beside it.
    const float side = std::min(avail.y, avail.x * 0.55f);
    decision_map(m, side);
    ImGui::SameLine();
    loss_curve(m.trainer(), ImVec2(avail.x - side - gap, side));
  } else {
    const float side = std::min(avail.x, avail.y * 0.62f);
    decision_map(m, side);
    loss_curve(m.trainer(), ImVec2(avail.x, std::max(ImGui::GetContentRegionAvail().y, ImGui::GetFontSize() * 5)));
  }
}

}  // namespace lesson
