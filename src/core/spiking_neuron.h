// spiking_neuron.h: a leaky integrate-and-fire (LIF) neuron, the simplest model of a
// biological neuron that keeps time. Its membrane potential V follows
//     tau dV/dt = -(V - V_rest) + R I(t)
// It leaks back towards rest, rises with input current, and when it reaches threshold it
// fires a spike (all or none), drops to the reset potential and stays there for a
// refractory period. Times in ms, potentials in mV, currents in nA, resistance in MOhm.
#pragma once
#include <vector>

namespace neuron {

struct LifParams {
  double tau_ms = 10.0;           // membrane time constant: how fast V leaks
  double rest_mV = -70.0;         // where V settles with no input
  double threshold_mV = -54.0;    // V at which the neuron fires
  double reset_mV = -70.0;        // V right after a spike
  double resistance_MOhm = 10.0;  // R: mV of steady-state rise per nA of input
  double refractory_ms = 2.0;     // after a spike, V is held at reset this long
};

class LifNeuron {
 public:
  explicit LifNeuron(LifParams params = {});

  // Advances by dt_ms with the input current held constant over the step. Within the step
  // the equation is solved exactly (V relaxes exponentially towards V_rest + R I), and a
  // threshold crossing is placed at its exact time, so the result does not depend on dt
  // for constant input. Returns the number of spikes; their times go to spike_times_ms.
  int step(double current_nA, double dt_ms, std::vector<double>* spike_times_ms = nullptr);
  void reset();

  double membrane_potential_mV() const { return v_mV_; }
  double time_ms() const { return t_ms_; }
  const LifParams& params() const { return params_; }

 private:
  LifParams params_;
  double v_mV_ = 0.0;
  double t_ms_ = 0.0;
  double refractory_left_ms_ = 0.0;
};

// The smallest constant current that ever makes the neuron fire: R I must lift V to the
// threshold, I = (V_th - V_rest) / R.
double rheobase_nA(const LifParams& params);

// Closed-form firing rate for a constant current, with reset to V_rest:
//   rate = 1 / (t_ref + tau ln(R I / (R I - (V_th - V_rest))))   above rheobase, else 0.
double lif_firing_rate_hz(const LifParams& params, double current_nA);

}  // namespace neuron
