// circuit.cpp: inputs -> synapses -> LIF neuron, with plasticity and recording.
#include "circuit.h"

#include <algorithm>
#include <cmath>

namespace neuron {

namespace {
CircuitParams sanitised(CircuitParams p) {
  p.inputs = std::clamp(p.inputs, 1, 64);
  p.pattern_inputs = std::clamp(p.pattern_inputs, 0, p.inputs);
  p.dt_ms = std::clamp(std::isfinite(p.dt_ms) ? p.dt_ms : 0.1, 0.001, 1.0);
  p.window_ms = std::clamp(std::isfinite(p.window_ms) ? p.window_ms : 400.0, 10.0, 10000.0);
  p.spike_window_ms = std::clamp(std::isfinite(p.spike_window_ms) ? p.spike_window_ms : 2000.0, p.window_ms, 10000.0);
  p.background_rate_hz = std::clamp(std::isfinite(p.background_rate_hz) ? p.background_rate_hz : 0.0, 0.0, 500.0);
  p.tau_syn_ms = std::clamp(std::isfinite(p.tau_syn_ms) ? p.tau_syn_ms : 5.0, 0.1, 100.0);
  p.drive_nA = std::isfinite(p.drive_nA) ? p.drive_nA : 0.0;
  return p;
}
}  // namespace

Circuit::Circuit(CircuitParams params)
    : params_(sanitised(params)),
      neuron_(params_.lif),
      plasticity_(params_.plasticity, params_.inputs),
      rng_(params_.seed) {
  reset();
}

void Circuit::reset() {
  neuron_.reset();
  plasticity_.reset();
  rng_ = Rng(params_.seed);
  weights_.assign(std::size_t(params_.inputs),
                  std::clamp(params_.initial_weight_nA, 0.0, params_.plasticity.w_max_nA));
  synaptic_current_nA_.assign(std::size_t(params_.inputs), 0.0);
  voltage_.clear();
  spikes_.clear();
  steps_ = 0;
  output_spikes_ = input_spikes_ = 0;
  voltage_.push_back({0.0, neuron_.membrane_potential_mV()});
}

void Circuit::set_drive(double nA) { params_.drive_nA = std::isfinite(nA) ? nA : 0.0; }

void Circuit::set_plasticity(PlasticityRule rule) {
  params_.plasticity.rule = rule;
  plasticity_.set_rule(rule);
}

double Circuit::pattern_rate_hz() const {
  return params_.pattern_period_ms > 0 && params_.pattern_inputs > 0 ? 1000.0 / params_.pattern_period_ms : 0.0;
}

// The random part of input i's firing: inputs outside the pattern make up its rate at random.
double Circuit::extra_rate_hz(int input) const {
  const bool makes_up = params_.equal_rates && input >= params_.pattern_inputs;
  return params_.background_rate_hz + (makes_up ? pattern_rate_hz() : 0.0);
}

double Circuit::input_rate_hz(int input) const {
  return extra_rate_hz(input) + (input < params_.pattern_inputs ? pattern_rate_hz() : 0.0);
}

double Circuit::input_current_nA() const {
  double total = 0.0;
  for (double current : synaptic_current_nA_) total += current;
  return total;
}

void Circuit::advance(double duration_ms) {
  if (!(duration_ms > 0.0)) return;
  const auto steps = std::int64_t(std::min(duration_ms, 60000.0) / params_.dt_ms + 0.5);
  for (std::int64_t i = 0; i < steps; ++i) step();
  forget_before(time_ms());
}

void Circuit::step() {
  const double dt = params_.dt_ms;
  // Time from the integer step count, so that long runs do not accumulate rounding.
  const double t = double(steps_) * dt;
  const double decay = std::exp(-dt / params_.tau_syn_ms);
  const auto period_steps =
      params_.pattern_period_ms > 0 ? std::int64_t(params_.pattern_period_ms / dt + 0.5) : 0;

  for (int i = 0; i < params_.inputs; ++i) {
    auto& current = synaptic_current_nA_[std::size_t(i)];
    current *= decay;
    bool fires = rng_.uniform() < extra_rate_hz(i) * dt / 1000.0;
    if (period_steps > 0 && i < params_.pattern_inputs) {
      // Input i fires at i * gap within each period (the pattern starts 20 ms in).
      const auto offset = std::int64_t((20.0 + i * params_.pattern_gap_ms) / dt + 0.5);
      fires = fires || (steps_ % period_steps) == offset % period_steps;
    }
    if (fires) {
      current += weights_[std::size_t(i)];
      spikes_.push_back({t, i});
      ++input_spikes_;
      plasticity_.on_pre_spike(i, t, weights_);
    }
  }

  new_spikes_.clear();
  neuron_.step(input_current_nA() + params_.drive_nA, dt, &new_spikes_);
  ++steps_;
  for (double spike_ms : new_spikes_) {
    spikes_.push_back({spike_ms, kOutput});
    ++output_spikes_;
    plasticity_.on_post_spike(spike_ms, weights_);
    // Draw the spike itself: the potential touches the threshold and jumps to a peak
    // before the reset, so the plot shows an all-or-none event.
    voltage_.push_back({spike_ms, params_.lif.threshold_mV});
    voltage_.push_back({spike_ms, params_.spike_peak_mV});
    voltage_.push_back({spike_ms, params_.lif.reset_mV});
  }
  voltage_.push_back({neuron_.time_ms(), neuron_.membrane_potential_mV()});
}

void Circuit::forget_before(double now_ms) {
  while (!voltage_.empty() && voltage_.front().time_ms < now_ms - params_.window_ms) voltage_.pop_front();
  while (!spikes_.empty() && spikes_.front().time_ms < now_ms - params_.spike_window_ms) spikes_.pop_front();
}

}  // namespace neuron
