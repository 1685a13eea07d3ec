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
    case Timing::Together: return word(Word::compare_timing_together);
    case Timing::InOrder: return word(Word::compare_timing_in_order);
    case Timing::Reversed: return word(Word::compare_timing_reversed);
    case Timing::Spread: return word(Word::compare_timing_spread);
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
  return toggle_param("in" + n, say(Word::compare_input, {n}),
                      [](const SceneModel& s) { return as<M>(s).active(I) ? 1.0 : 0.0; },
                      [](SceneModel& s, double on) { as<M>(s).set_active(I, on > 0.5); })
      .described(LESSON_URL_DOC(std::string("whether input ") + n + " sends its spike (x" + n + " = 1) or stays silent"));
}
}  // namespace

const ParamTable& CompareModel::param_table() const {
  static_assert(kInputs == 3, "one input_row per input");
  static const ParamTable table = with_defaults<M>({
      toggle_button_param("run", word(Word::compare_play), word(Word::control_pause),
                          [](const SceneModel& s) { return as<M>(s).touring() ? 1.0 : 0.0; },
                          [](SceneModel& s, double v) { as<M>(s).set_touring(v > 0.5); })
          .described(LESSON_URL_DOC("play the four timings in turn (1), or stop (0)")),
      choice_param("timing", word(Word::compare_timing), kAllTimings,
                   {label(Timing::Together), label(Timing::InOrder), label(Timing::Reversed), label(Timing::Spread)},
                   [](const SceneModel& s) { return index_of(kAllTimings, as<M>(s).timing()); },
                   [](SceneModel& s, double i) { as<M>(s).set_timing(kAllTimings[int(i)]); })
          .described(LESSON_URL_DOC("when the three input spikes arrive")),
      input_row<0>(), input_row<1>(), input_row<2>(),
  });
  return table;
}

std::string CompareModel::summary() const {
  std::string inputs;
  for (int i = 0; i < kInputs; ++i)
    if (active_[std::size_t(i)]) inputs += (inputs.empty() ? "" : word(Word::list_separator)) + std::to_string(i + 1);
  if (inputs.empty()) inputs = word(Word::compare_no_inputs);
  const std::string output = format_number(artificial_output());
  const std::string text = say(spikes_under(timing_) > 0 ? Word::compare_summary_fires : Word::compare_summary_silent,
                               {inputs, label(timing_), output});
  // The comparison across timings only once each has been shown (predict, then see).
  if (!seen_all()) return text + " " + word(touring_ ? Word::compare_summary_playing : Word::compare_summary_unseen);
  std::string across;
  for (Timing t : kAllTimings) across += (across.empty() ? "" : word(Word::list_separator)) + std::to_string(spikes_under(t));
  return text + " " + say(Word::compare_summary_across, {across, output});
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
