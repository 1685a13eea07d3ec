// circuit.h: the biological figure's model. A few input neurons send spikes through
// synapses to one leaky integrate-and-fire neuron:
//  - each input fires at random (a seeded Poisson process at background_rate_hz), and the
//    first pattern_inputs of them also fire in a fixed order every pattern_period_ms; the
//    other inputs fire that much more at random, so every input has the same average rate
//    and only the timing tells the pattern apart (what STDP is about);
//  - each input spike injects a synaptic current of size weight (nA) that decays with
//    tau_syn_ms, so nearby spikes add up in time;
//  - optional plasticity (STDP or Hebbian) changes the weights as spikes happen.
// It records the membrane potential, every spike and the weights over a sliding window.
#pragma once
#include <cstdint>
#include <deque>
#include <vector>

#include "plasticity.h"
#include "random.h"
#include "spiking_neuron.h"

namespace neuron {

struct CircuitParams {
  int inputs = 5;
  double background_rate_hz = 4.0;   // random firing of every input
  int pattern_inputs = 3;            // inputs 0..pattern_inputs-1 replay the pattern
  double pattern_period_ms = 100.0;  // how often the pattern repeats (0: never)
  // Time between successive inputs within the pattern: short enough that the neuron's spike
  // comes after all of them, so STDP strengthens every pattern synapse.
  double pattern_gap_ms = 2.0;
  bool equal_rates = true;           // the other inputs make up the pattern's rate at random
  double tau_syn_ms = 5.0;           // decay of each synaptic current
  double drive_nA = 0.0;             // a steady current injected into the neuron: how hard
                                     // it is pushed (rate coding: more drive, more spikes)
  double initial_weight_nA = 1.6;
  // Where the plot draws a spike's tip. Every spike is the same event, so every tip is drawn
  // at the same height: all or none.
  double spike_peak_mV = 20.0;
  double dt_ms = 0.1;
  double window_ms = 400.0;          // how much membrane potential is kept for the plots
  double spike_window_ms = 2000.0;   // how much spike history is kept (rates over a second)
  LifParams lif;
  PlasticityParams plasticity;
  std::uint64_t seed = 1;
};

struct SpikeEvent {
  double time_ms = 0.0;
  int source = 0;  // input index, or kOutput for the neuron itself
};
inline constexpr int kOutput = -1;

struct VoltageSample {
  double time_ms = 0.0;
  double v_mV = 0.0;
};

class Circuit {
 public:
  explicit Circuit(CircuitParams params = {});

  // Simulates duration_ms more, in steps of dt_ms.
  void advance(double duration_ms);
  // Back to time 0, initial weights, empty records (same seed, so the same spikes again).
  void reset();
  // Set without resetting anything else.
  void set_plasticity(PlasticityRule rule);
  void set_drive(double nA);

  double time_ms() const { return neuron_.time_ms(); }
  double membrane_potential_mV() const { return neuron_.membrane_potential_mV(); }
  double input_current_nA() const;
  const std::vector<double>& weights() const { return weights_; }
  const CircuitParams& params() const { return params_; }

  // Records within the last window_ms (the potential) and spike_window_ms (spikes).
  const std::deque<VoltageSample>& voltage() const { return voltage_; }
  const std::deque<SpikeEvent>& spikes() const { return spikes_; }
  int output_spike_count() const { return output_spikes_; }  // since reset
  int input_spike_count() const { return input_spikes_; }
  // Average firing rate of input i (Hz): background_rate_hz plus its share of the pattern.
  double input_rate_hz(int input) const;

 private:
  void step();
  double pattern_rate_hz() const;
  double extra_rate_hz(int input) const;
  void forget_before(double now_ms);  // drops records older than their windows

  CircuitParams params_;
  LifNeuron neuron_;
  Plasticity plasticity_;
  Rng rng_;
  std::vector<double> weights_;
  std::vector<double> synaptic_current_nA_;
  std::deque<VoltageSample> voltage_;
  std::deque<SpikeEvent> spikes_;
  std::vector<double> new_spikes_;
  std::int64_t steps_ = 0;
  int output_spikes_ = 0, input_spikes_ = 0;
};

}  // namespace neuron
