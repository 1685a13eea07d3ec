// volley.h: one volley of input spikes into a leaky integrate-and-fire neuron, start to
// finish. Each input spike at time t_i injects a synaptic current of its weight w_i (nA)
// that decays with tau_syn; the neuron (spiking_neuron.h) integrates the sum. Because the
// currents fade, the same inputs can fire the neuron or not depending on *when* they
// arrive: together, in order, reversed or spread apart. An artificial neuron, given the
// same inputs, cannot tell these apart.
#pragma once
#include <vector>

#include "spiking_neuron.h"

namespace neuron {

struct VolleySample {
  double time_ms = 0.0;
  double v_mV = 0.0;
};

struct VolleyResult {
  std::vector<VolleySample> trace;   // the membrane potential, one sample per step
  std::vector<double> spikes_ms;     // the output spikes
};

// spike_times_ms[i] < 0 means input i stays silent. Simulates [0, duration_ms] in dt_ms steps.
VolleyResult run_volley(const LifParams& lif, double tau_syn_ms, const std::vector<double>& weights_nA,
                        const std::vector<double>& spike_times_ms, double duration_ms, double dt_ms = 0.1);

}  // namespace neuron
