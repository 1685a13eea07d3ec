// spiking_neuron.cpp: exact-per-step integration of the leaky integrate-and-fire neuron.
#include "spiking_neuron.h"

#include <algorithm>
#include <cmath>

namespace neuron {

LifNeuron::LifNeuron(LifParams params) : params_(params) { reset(); }

void LifNeuron::reset() {
  v_mV_ = params_.rest_mV;
  t_ms_ = 0.0;
  refractory_left_ms_ = 0.0;
}

int LifNeuron::step(double current_nA, double dt_ms, std::vector<double>* spike_times_ms) {
  if (!(dt_ms > 0.0) || !std::isfinite(dt_ms) || !std::isfinite(current_nA)) return 0;
  const double tau = std::max(params_.tau_ms, 1e-3);
  const double v_inf = params_.rest_mV + params_.resistance_MOhm * current_nA;
  int spikes = 0;
  double remaining = dt_ms;
  while (remaining > 0.0) {
    if (refractory_left_ms_ > 0.0) {
      const double held = std::min(refractory_left_ms_, remaining);
      refractory_left_ms_ -= held;
      remaining -= held;
      t_ms_ += held;
      v_mV_ = params_.reset_mV;
      continue;
    }
    if (v_inf > params_.threshold_mV) {
      // Time for V to climb from v to threshold: solve v_inf + (v - v_inf) e^{-t/tau} = V_th.
      const double to_threshold =
          v_mV_ >= params_.threshold_mV
              ? 0.0
              : tau * std::log((v_inf - v_mV_) / (v_inf - params_.threshold_mV));
      if (to_threshold <= remaining) {
        t_ms_ += to_threshold;
        remaining -= to_threshold;
        if (spike_times_ms) spike_times_ms->push_back(t_ms_);
        ++spikes;
        v_mV_ = params_.reset_mV;
        // A zero refractory period would let a strong input fire infinitely often in one
        // step; the smallest period we allow is a microsecond.
        refractory_left_ms_ = std::max(params_.refractory_ms, 1e-3);
        continue;
      }
    }
    v_mV_ = v_inf + (v_mV_ - v_inf) * std::exp(-remaining / tau);
    t_ms_ += remaining;
    remaining = 0.0;
  }
  return spikes;
}

double rheobase_nA(const LifParams& params) {
  return (params.threshold_mV - params.rest_mV) / params.resistance_MOhm;
}

double lif_firing_rate_hz(const LifParams& params, double current_nA) {
  const double drive = params.resistance_MOhm * current_nA;  // R I, in mV
  const double gap = params.threshold_mV - params.rest_mV;
  if (drive <= gap) return 0.0;
  const double period_ms =
      std::max(params.refractory_ms, 1e-3) + params.tau_ms * std::log(drive / (drive - gap));
  return 1000.0 / period_ms;
}

}  // namespace neuron
