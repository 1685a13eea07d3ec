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
  static const ParamTable table = with_defaults<M>({
      choice_param<M>("plasticity", "Plasticity (learning in the synapses)",
                      std::vector<PlasticityRule>{PlasticityRule::Off, PlasticityRule::Stdp, PlasticityRule::Hebbian},
                      {"Off", "STDP", "Hebbian"}, [](const M& m) { return m.plasticity(); },
                      [](M& m, PlasticityRule r) { m.set_plasticity(r); })
          .described("plasticity rule of the synapses"),
      number_param<M>("rate", "random firing", 0.0, 40.0, "%.0f Hz",
                      [](const M& m) { return m.background_rate(); },
                      [](M& m, double hz) { m.set_background_rate(hz); })
          .described("random firing rate of every input neuron, Hz"),
      number_param<M>("speed", "speed", 0.25, 4.0, "%.2gx", [](const M& m) { return m.speed; },
                      [](M& m, double v) { m.speed = v; })
          .described("playback speed (1 = 90 ms of neuron time per second)"),
      action_param<M>("t", "jump ahead to this many ms of neuron time", 0.0, kMaxJumpMs,
                      [](M& m, double ms) { m.jump_to(ms); }),
      action_param<M>("run", "run (1) or pause (0) the simulation", 0, 1,
                      [](M& m, double v) { m.set_running(v > 0.5); }),
  });
  return table;
}

std::string BiologicalModel::summary() const {
  std::string weights;
  for (double w : circuit_.weights()) weights += (weights.empty() ? "" : ", ") + format_number(w);
  const char* rule = plasticity() == PlasticityRule::Stdp      ? "on (spike-timing dependent)"
                     : plasticity() == PlasticityRule::Hebbian ? "on (Hebbian)"
                                                               : "off";
  return "Spiking neuron at " + format_number(circuit_.time_ms() / 1000.0, 1) +
         " s: membrane potential " + format_number(circuit_.membrane_potential_mV(), 1) +
         " mV (threshold " + format_number(circuit_.params().lif.threshold_mV, 0) + " mV), " +
         std::to_string(circuit_.output_spike_count()) + " output spikes so far. Synapse strengths " +
         weights + " nA. Plasticity " + rule + (running ? "; running." : "; paused.");
}

std::vector<Figure> BiologicalModel::figures() const {
  std::vector<Figure> out{{"timeMs", circuit_.time_ms()},
                          {"membraneMv", circuit_.membrane_potential_mV()},
                          {"outputSpikes", double(circuit_.output_spike_count())},
                          {"inputSpikes", double(circuit_.input_spike_count())}};
  for (std::size_t i = 0; i < circuit_.weights().size(); ++i)
    out.push_back({"w" + std::to_string(i + 1), circuit_.weights()[i]});
  return out;
}

}  // namespace lesson
