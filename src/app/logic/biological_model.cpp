// biological_model.cpp: slow-motion simulation, plasticity switch, summary and figures.
#include "biological_model.h"

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
  weight_history_.clear();
  weight_history_.push_back(circuit_.weights());
  history_start_ms_ = 0.0;
  run_until_ms = kRunMs;
}

void BiologicalModel::set_running(bool on) {
  running = on;
  if (on) run_until_ms = std::max(run_until_ms, circuit_.time_ms() + kRunMs);
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
    circuit_.advance(std::min(end, next_sample) - before);
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
  simulate(duration_ms);
  run_until_ms = std::max(run_until_ms, circuit_.time_ms());
}

void BiologicalModel::jump_to(double time_ms) {
  if (time_ms > circuit_.time_ms()) fast_forward(time_ms - circuit_.time_ms());
}

const ParamTable& BiologicalModel::param_table() const {
  using M = BiologicalModel;
  static constexpr PlasticityRule kRules[] = {PlasticityRule::Off, PlasticityRule::Stdp, PlasticityRule::Hebbian};
  static const ParamTable table = with_defaults<M>({
      toggle_button_param("run", "Run", "Pause", [](const SceneModel& s) { return as<M>(s).running ? 1.0 : 0.0; },
                          [](SceneModel& s, double v) { as<M>(s).set_running(v > 0.5); })
          .described("run (1) or pause (0) the simulation"),
      button_param("reset", "Reset", [](SceneModel& s, double) { as<M>(s).reset(); })
          .described("Start again from time 0 with the synapses as they were"),
      button_param("ff", "+2 s", [](SceneModel& s, double) { as<M>(s).fast_forward(2000.0); })
          .described("Simulate 2 seconds at once: the pattern repeats 20 times"),
      choice_param("plasticity", "Plasticity (learning in the synapses)", kRules, {"Off", "STDP", "Hebbian"},
                   [](const SceneModel& s) { return index_of(kRules, as<M>(s).plasticity()); },
                   [](SceneModel& s, double i) { as<M>(s).set_plasticity(kRules[int(i)]); })
          .described("plasticity rule of the synapses"),
      number_param("drive", "input strength", 0.0, 4.0, "%.1f nA", [](const SceneModel& s) { return as<M>(s).drive(); },
                   [](SceneModel& s, double nA) { as<M>(s).set_drive(nA); })
          .described("steady current pushed into the neuron, nA (rate coding: more input, more spikes)"),
      // Between 3 and 8 Hz both rules pick out the pattern (tests/core/circuit_test.cpp):
      // slower, too few spikes happen to learn from; faster, chance pairings swamp the pattern.
      number_param("rate", "random firing", 3.0, 8.0, "%.1f Hz",
                   [](const SceneModel& s) { return as<M>(s).background_rate(); },
                   [](SceneModel& s, double hz) { as<M>(s).set_background_rate(hz); })
          .described("random firing rate of every input neuron, Hz"),
      number_param("speed", "playback speed", 0.25, 4.0, "%.2fx", [](const SceneModel& s) { return as<M>(s).speed; },
                   [](SceneModel& s, double v) { as<M>(s).speed = v; })
          .described("playback speed (1 = 90 ms of neuron time per second)"),
      number_param("zoom", "time shown", 25.0, 400.0, "%.0f ms", [](const SceneModel& s) { return as<M>(s).shown_ms; },
                   [](SceneModel& s, double ms) { as<M>(s).shown_ms = ms; })
          .logarithmic()
          .described("width of the time window shown, ms (zoom in to see the reset and the refractory period)"),
      action_param("t", "jump ahead to this many ms of neuron time", 0.0, kMaxJumpMs,
                   [](SceneModel& s, double ms) { as<M>(s).jump_to(ms); }),
  });
  return table;
}

double BiologicalModel::output_rate_hz() const {
  const double t1 = circuit_.time_ms(), window = std::min(shown_ms, t1);
  if (window < 1.0) return 0.0;
  int spikes = 0;
  for (const neuron::SpikeEvent& e : circuit_.spikes())
    if (e.source == neuron::kOutput && e.time_ms >= t1 - window) ++spikes;
  return 1000.0 * spikes / window;
}

std::string BiologicalModel::summary() const {
  std::string weights;
  for (double w : circuit_.weights()) weights += (weights.empty() ? "" : ", ") + format_number(w);
  const char* rule = plasticity() == PlasticityRule::Stdp      ? "on (spike-timing-dependent plasticity)"
                     : plasticity() == PlasticityRule::Hebbian ? "on (Hebbian with Oja's decay)"
                                                               : "off";
  return "Spiking neuron at " + format_number(circuit_.time_ms() / 1000.0, 1) +
         " s: membrane potential " + format_number(circuit_.membrane_potential_mV(), 1) +
         " mV (threshold " + format_number(circuit_.params().lif.threshold_mV, 0) + " mV), " +
         std::to_string(circuit_.output_spike_count()) + " output spikes so far, " +
         format_number(output_rate_hz(), 0) + " per second lately, with input strength " +
         format_number(drive(), 1) + " nA. Synapse strengths " + weights + " nA. Plasticity " + rule +
         (running ? "; running." : "; paused.");
}

std::vector<Figure> BiologicalModel::figures() const {
  std::vector<Figure> out{{"timeMs", circuit_.time_ms()},
                          {"membraneMv", circuit_.membrane_potential_mV()},
                          {"outputSpikes", double(circuit_.output_spike_count())},
                          {"inputSpikes", double(circuit_.input_spike_count())},
                          {"outputRateHz", output_rate_hz()},
                          {"driveNa", drive()}};
  for (std::size_t i = 0; i < circuit_.weights().size(); ++i)
    out.push_back({"w" + std::to_string(i + 1), circuit_.weights()[i]});
  return out;
}

}  // namespace lesson
