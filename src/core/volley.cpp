// volley.cpp: a few input spikes, exponentially decaying synaptic currents, one LIF neuron.
#include "volley.h"

#include <algorithm>
#include <cmath>

namespace neuron {

VolleyResult run_volley(const LifParams& lif, double tau_syn_ms, const std::vector<double>& weights_nA,
                        const std::vector<double>& spike_times_ms, double duration_ms, double dt_ms) {
  VolleyResult out;
  LifNeuron cell(lif);
  const double dt = std::clamp(std::isfinite(dt_ms) ? dt_ms : 0.1, 0.01, 1.0);
  const double decay = std::exp(-dt / std::max(tau_syn_ms, 0.1));
  const auto steps = long(std::clamp(std::isfinite(duration_ms) ? duration_ms : 0.0, 0.0, 1000.0) / dt + 0.5);
  const std::size_t n = std::min(weights_nA.size(), spike_times_ms.size());
  double current = 0.0;
  out.trace.reserve(std::size_t(steps) + 1);
  out.trace.push_back({0.0, cell.membrane_potential_mV()});
  for (long k = 0; k < steps; ++k) {
    const double t = double(k) * dt;
    current *= decay;
    for (std::size_t i = 0; i < n; ++i) {
      const double at = spike_times_ms[i];
      if (at >= 0.0 && at >= t - 1e-9 && at < t + dt - 1e-9) current += weights_nA[i];
    }
    cell.step(current, dt, &out.spikes_ms);
    out.trace.push_back({double(k + 1) * dt, cell.membrane_potential_mV()});
  }
  return out;
}

}  // namespace neuron
