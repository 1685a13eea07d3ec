// compare_model.cpp: one volley per timing for the spiking neuron, one sum for the
// artificial neuron, and the words that compare them.
#include "compare_model.h"

#include <algorithm>
#include <cmath>

#include "activation.h"

namespace lesson {

const char* name(Timing timing) {
  switch (timing) {
    case Timing::Together: return "together";
    case Timing::InOrder: return "in-order";
    case Timing::Reversed: return "reversed";
    case Timing::Spread: return "spread";
  }
  return "together";
}

const char* label(Timing timing) {
  switch (timing) {
    case Timing::Together: return "all together";
    case Timing::InOrder: return "in order 1, 2, 3";
    case Timing::Reversed: return "reversed 3, 2, 1";
    case Timing::Spread: return "spread apart";
  }
  return "";
}

CompareModel::CompareModel() {
  recompute();
  seen_[std::size_t(timing_)] = true;
}

void CompareModel::set_timing(Timing timing) {
  timing_ = timing;
  seen_[std::size_t(timing)] = true;
  recompute();
}

// Other inputs, other outcomes: each timing is unseen again until shown.
void CompareModel::set_active(int input, bool on) {
  if (input < 0 || input >= kInputs) return;
  if (active_[std::size_t(input)] != on) seen_ = {};
  active_[std::size_t(input)] = on;
  seen_[std::size_t(timing_)] = true;
  recompute();
}

bool CompareModel::seen_all() const {
  return std::all_of(seen_.begin(), seen_.end(), [](bool b) { return b; });
}

void CompareModel::set_touring(bool on) {
  touring_ = on;
  tour_frame_ = 0;
  if (on) set_timing(kAllTimings[0]);
}

void CompareModel::advance() {
  if (!touring_) return;
  const int shown = ++tour_frame_ / kTourFrames;
  if (shown >= 4) touring_ = false;
  else if (timing_ != kAllTimings[shown]) set_timing(kAllTimings[shown]);
}

std::vector<double> CompareModel::spike_times(Timing timing) const {
  std::vector<double> times(kInputs);
  for (int i = 0; i < kInputs; ++i) {
    double at = kFirstSpikeMs;
    if (timing == Timing::InOrder) at += i * kOrderGapMs;
    if (timing == Timing::Reversed) at += (kInputs - 1 - i) * kOrderGapMs;
    if (timing == Timing::Spread) at += i * kSpreadGapMs;
    times[std::size_t(i)] = active_[std::size_t(i)] ? at : -1.0;
  }
  return times;
}

void CompareModel::recompute() {
  const std::vector<double> weights(kWeights_nA, kWeights_nA + kInputs);
  for (Timing t : kAllTimings) {
    neuron::VolleyResult r = neuron::run_volley(lif_, kTauSynMs, weights, spike_times(t), kDurationMs);
    spikes_by_timing_[std::size_t(t)] = int(r.spikes_ms.size());
    if (t == timing_) volley_ = std::move(r);
  }
}

double CompareModel::z() const {
  double sum = kBias;
  for (int i = 0; i < kInputs; ++i) sum += kWeights_nA[i] * (active_[std::size_t(i)] ? 1.0 : 0.0);
  return sum;
}

double CompareModel::artificial_output() const { return neuron::activate(neuron::Activation::Sigmoid, z()); }

namespace {
using M = CompareModel;
template <int I>
ParamRow input_row() {
  const std::string n = std::to_string(I + 1);
  return toggle_param("in" + n, "input " + n + " spikes",
                      [](const SceneModel& s) { return as<M>(s).active(I) ? 1.0 : 0.0; },
                      [](SceneModel& s, double on) { as<M>(s).set_active(I, on > 0.5); })
      .described("whether input " + n + " sends its spike (x" + n + " = 1) or stays silent");
}
}  // namespace

const ParamTable& CompareModel::param_table() const {
  static_assert(kInputs == 3, "one input_row per input");
  static const ParamTable table = with_defaults<M>({
      toggle_button_param("run", "Play the four timings", "Pause",
                          [](const SceneModel& s) { return as<M>(s).touring() ? 1.0 : 0.0; },
                          [](SceneModel& s, double v) { as<M>(s).set_touring(v > 0.5); })
          .described("play the four timings in turn (1), or stop (0)"),
      choice_param("timing", "When the input spikes arrive", kAllTimings,
                   {label(Timing::Together), label(Timing::InOrder), label(Timing::Reversed), label(Timing::Spread)},
                   [](const SceneModel& s) { return index_of(kAllTimings, as<M>(s).timing()); },
                   [](SceneModel& s, double i) { as<M>(s).set_timing(kAllTimings[int(i)]); })
          .described("when the three input spikes arrive"),
      input_row<0>(), input_row<1>(), input_row<2>(),
  });
  return table;
}

std::string CompareModel::summary() const {
  std::string inputs;
  for (int i = 0; i < kInputs; ++i)
    if (active_[std::size_t(i)]) inputs += (inputs.empty() ? "" : ", ") + std::to_string(i + 1);
  if (inputs.empty()) inputs = "none";
  const int spikes = spikes_under(timing_);
  std::string text = std::string("Same inputs active (") + inputs + "), arriving " + label(timing_) +
                     ": the spiking neuron " + (spikes > 0 ? "fires" : "stays silent") +
                     "; the artificial neuron outputs " + format_number(artificial_output()) + ".";
  // The comparison across timings only once each has been shown (predict, then see).
  if (!seen_all()) return text + (touring_ ? " Playing the four timings." : " Other timings not shown yet.");
  std::string across;
  for (Timing t : kAllTimings) across += (across.empty() ? "" : ", ") + std::to_string(spikes_under(t));
  return text + " Over the four timings (together, in order, reversed, spread apart) the spiking neuron "
                "fires " + across + " times; the artificial neuron's output is " +
         format_number(artificial_output()) + " every time, because time is not one of its inputs.";
}

std::vector<Figure> CompareModel::figures() const {
  std::vector<Figure> out{{"spikes", double(spikes_under(timing_))},
                          {"artificialOutput", artificial_output()},
                          {"z", z()}};
  const char* keys[] = {"spikesTogether", "spikesInOrder", "spikesReversed", "spikesSpread"};
  for (Timing t : kAllTimings) out.push_back({keys[std::size_t(t)], double(spikes_under(t))});
  return out;
}

}  // namespace lesson
