// biological_model.cpp: slow-motion simulation, plasticity switch, summary and figures.
#include "biological_model.h"

#include "words.h"

#include <algorithm>
#include <cmath>

namespace lesson {

using neuron::PlasticityRule;

namespace {
neuron::CircuitParams default_circuit() {
  neuron::CircuitParams p;
  p.plasticity.rule = PlasticityRule::Off;
  return p;
}
}  // namespace

BiologicalModel::BiologicalModel() : circuit_(default_circuit()) { reset(); }

void BiologicalModel::rebuild(neuron::CircuitParams params) {
  circuit_ = neuron::Circuit(params);
  reset();
}

void BiologicalModel::reset() {
  circuit_.reset();
  drive_changed_ms_ = 0.0;
  rise_ = Rise{};
  last_jump_spikes_ = -1;
  weight_history_.clear();
  weight_history_.push_back(circuit_.weights());
  history_start_ms_ = 0.0;
  run_until_ms = kRunMs;
}

void BiologicalModel::set_running(bool on) {
  running = on;
  if (on) run_until_ms = std::max(run_until_ms, circuit_.time_ms() + kRunMs);
}

void BiologicalModel::set_drive(double nA) {
  if (nA == drive()) return;
  circuit_.set_drive(nA);
  drive_changed_ms_ = circuit_.time_ms();
}

void BiologicalModel::schedule_rise(double nA) {
  rise_ = Rise{drive(), nA, circuit_.time_ms() + kRisePhaseMs};
}

void BiologicalModel::set_plasticity(PlasticityRule rule) { circuit_.set_plasticity(rule); }

void BiologicalModel::set_background_rate(double hz) {
  neuron::CircuitParams p = circuit_.params();
  p.background_rate_hz = hz;
  rebuild(p);
}

void BiologicalModel::simulate(double duration_ms) {
  // Advance up to each sampling time in turn, so that the weight history stays regular.
  const double end = circuit_.time_ms() + duration_ms;
  while (circuit_.time_ms() < end - 1e-6) {
    const double next_sample =
        history_start_ms_ + double(weight_history_.size()) * kWeightSampleMs;
    const double before = circuit_.time_ms();
    // A scheduled rise is a boundary too, so that it happens at its time exactly.
    const bool rise_ahead = rise_.at_ms > before + 1e-6;
    const double stop = std::min(end, rise_ahead ? std::min(next_sample, rise_.at_ms) : next_sample);
    circuit_.advance(stop - before);
    if (rise_ahead && circuit_.time_ms() >= rise_.at_ms - 1e-6) set_drive(rise_.to_nA);
    if (circuit_.time_ms() >= next_sample - 1e-6) {
      weight_history_.push_back(circuit_.weights());
      if (weight_history_.size() > kWeightSamples) {
        weight_history_.pop_front();
        history_start_ms_ += kWeightSampleMs;
      }
    }
    if (circuit_.time_ms() <= before) break;  // less than half a time step left
  }
}

void BiologicalModel::advance() {
  if (!running) return;
  simulate(kMsPerFrame * speed);
  if (circuit_.time_ms() >= run_until_ms) running = false;
}

void BiologicalModel::fast_forward(double duration_ms) {
  const int before = circuit_.output_spike_count();
  simulate(duration_ms);
  last_jump_spikes_ = circuit_.output_spike_count() - before;
  run_until_ms = std::max(run_until_ms, circuit_.time_ms());
}

void BiologicalModel::jump_to(double time_ms) {
  if (time_ms > circuit_.time_ms()) fast_forward(time_ms - circuit_.time_ms());
}

const ParamTable& BiologicalModel::param_table() const {
  using M = BiologicalModel;
  static constexpr PlasticityRule kRules[] = {PlasticityRule::Off, PlasticityRule::Stdp, PlasticityRule::Hebbian};
  static const ParamTable table = with_defaults<M>({
      toggle_button_param("run", word(Word::control_run), word(Word::control_pause), [](const SceneModel& s) { return as<M>(s).running ? 1.0 : 0.0; },
                          [](SceneModel& s, double v) { as<M>(s).set_running(v > 0.5); })
          .described(LESSON_URL_DOC("run (1) or pause (0) the simulation")),
      button_param("reset", word(Word::control_reset), [](SceneModel& s, double) { as<M>(s).reset(); })
          .described(word(Word::bio_reset_help)),
      button_param("ff", word(Word::bio_ff), [](SceneModel& s, double) { as<M>(s).fast_forward(2000.0); })
          .described(word(Word::bio_ff_help)),
      choice_param("plasticity", word(Word::bio_plasticity), kRules,
                   {word(Word::bio_plasticity_off), word(Word::bio_plasticity_stdp), word(Word::bio_plasticity_hebbian)},
                   [](const SceneModel& s) { return index_of(kRules, as<M>(s).plasticity()); },
                   [](SceneModel& s, double i) { as<M>(s).set_plasticity(kRules[int(i)]); })
          .described(LESSON_URL_DOC("plasticity rule of the synapses")),
      number_param("drive", word(Word::bio_drive), 0.0, 4.0, "%.1f nA", [](const SceneModel& s) { return as<M>(s).drive(); },
                   [](SceneModel& s, double nA) { as<M>(s).set_drive(nA); })
          .described(LESSON_URL_DOC("steady current pushed into the neuron, nA (rate coding: more input, more spikes)")),
      // Between 3 and 8 Hz both rules pick out the pattern (tests/core/circuit_test.cpp):
      // slower, too few spikes happen to learn from; faster, chance pairings swamp the pattern.
      number_param("rate", word(Word::bio_rate), 3.0, 8.0, "%.1f Hz",
                   [](const SceneModel& s) { return as<M>(s).background_rate(); },
                   [](SceneModel& s, double hz) { as<M>(s).set_background_rate(hz); })
          .described(LESSON_URL_DOC("random firing rate of every input neuron, Hz")),
      number_param("speed", word(Word::bio_speed), 0.25, 32.0, "%.3gx", [](const SceneModel& s) { return as<M>(s).speed; },
                   [](SceneModel& s, double v) { as<M>(s).speed = v; })
          .logarithmic()
          .described(LESSON_URL_DOC("playback speed (1 = 90 ms of neuron time per second)")),
      number_param("zoom", word(Word::bio_zoom), 25.0, 400.0, "%.0f ms", [](const SceneModel& s) { return as<M>(s).shown_ms; },
                   [](SceneModel& s, double ms) { as<M>(s).shown_ms = ms; })
          .logarithmic()
          .described(LESSON_URL_DOC("width of the time window shown, ms (zoom in to see the reset and the refractory period)")),
      action_param("t", LESSON_URL_DOC("jump ahead to this many ms of neuron time"), 0.0, kMaxJumpMs,
                   [](SceneModel& s, double ms) { as<M>(s).jump_to(ms); }),
      action_param("rise", LESSON_URL_DOC("raise the input strength to this many nA, 600 ms of neuron time from now"), 0.0, 4.0,
                   [](SceneModel& s, double nA) { as<M>(s).schedule_rise(nA); }),
  });
  return table;
}

double BiologicalModel::rate_window_ms() const {
  return std::min(kRateWindowMs, circuit_.time_ms() - drive_changed_ms_);
}

// The circuit keeps spikes for its spike window (2 s): two rate windows, or a rise's two
// phases.
int BiologicalModel::output_spikes_between(double from_ms, double to_ms) const {
  int spikes = 0;
  for (const neuron::SpikeEvent& e : circuit_.spikes())
    spikes += e.source == neuron::kOutput && e.time_ms >= from_ms && e.time_ms < to_ms;
  return spikes;
}

double BiologicalModel::output_rate_hz() const {
  const double window = rate_window_ms(), now = circuit_.time_ms();
  if (window < 1.0) return 0.0;
  return 1000.0 * output_spikes_between(now - window, now + 1.0) / window;
}

std::string BiologicalModel::summary() const {
  std::string weights;
  for (double w : circuit_.weights()) weights += (weights.empty() ? "" : word(Word::list_separator)) + format_number(w);
  const Word rule = plasticity() == PlasticityRule::Stdp      ? Word::bio_summary_stdp
                    : plasticity() == PlasticityRule::Hebbian ? Word::bio_summary_hebbian
                                                              : Word::bio_summary_plasticity_off;
  return say(Word::bio_summary,
             {format_number(circuit_.time_ms() / 1000.0, 1), format_number(circuit_.membrane_potential_mV(), 1),
              format_number(circuit_.params().lif.threshold_mV, 0), std::to_string(circuit_.output_spike_count()),
              format_number(output_rate_hz(), 1), format_number(rate_window_ms() / 1000.0, 1),
              format_number(drive(), 1), weights, word(rule),
              word(running ? Word::summary_running : Word::summary_paused)});
}

std::vector<Figure> BiologicalModel::figures() const {
  std::vector<Figure> out{{"timeMs", circuit_.time_ms()},
                          {"membraneMv", circuit_.membrane_potential_mV()},
                          {"outputSpikes", double(circuit_.output_spike_count())},
                          {"inputSpikes", double(circuit_.input_spike_count())},
                          {"outputRateHz", output_rate_hz()},
                          {"rateWindowMs", rate_window_ms()},
                          {"spikePeakMv", circuit_.params().spike_peak_mV},
                          {"speed", speed},
                          {"driveNa", drive()}};
  if (last_jump_spikes_ >= 0) out.push_back({"jumpSpikes", double(last_jump_spikes_)});
  if (rise_.at_ms >= 0) {
    out.push_back({"riseFromNa", rise_.from_nA});
    out.push_back({"riseToNa", rise_.to_nA});
    out.push_back({"riseAtMs", rise_.at_ms});
    out.push_back({"spikesBeforeRise", double(output_spikes_between(rise_.at_ms - kRisePhaseMs, rise_.at_ms))});
    out.push_back({"spikesAfterRise", double(output_spikes_between(rise_.at_ms, rise_.at_ms + kRisePhaseMs))});
  }
  for (int i = 0; i < int(circuit_.weights().size()); ++i)
    if (const char* key = numbered_key("inputRateHz", i)) out.push_back({key, circuit_.input_rate_hz(i)});
  for (std::size_t i = 0; i < circuit_.weights().size(); ++i)
    if (const char* key = numbered_key("w", int(i))) out.push_back({key, circuit_.weights()[i]});
  return out;
}

}  // namespace lesson
