// plasticity.h: how synapses change with activity, the spiking version of "connections
// used together get stronger".
//  - STDP (spike-timing-dependent plasticity), pair-based: when the neuron fires, each
//    synapse whose input spiked shortly before is strengthened by A+ e^{-dt/tau+}; when an
//    input spikes shortly after the neuron fired, that synapse is weakened by
//    A- e^{-dt/tau-}. Cause before effect strengthens; effect before cause weakens.
//  - Hebbian: "fire together, wire together": any input spike close in time to an output
//    spike strengthens the synapse, whichever came first. Nothing weakens it.
// Weights stay within [0, w_max] under both rules.
#pragma once
#include <optional>
#include <string_view>
#include <vector>

namespace neuron {

enum class PlasticityRule { Off, Stdp, Hebbian };

struct PlasticityParams {
  PlasticityRule rule = PlasticityRule::Stdp;
  double a_plus_nA = 0.15;     // largest strengthening per pre-then-post pair
  double a_minus_nA = 0.16;    // largest weakening per post-then-pre pair
  double tau_plus_ms = 20.0;   // how close in time a pre-then-post pair must be
  double tau_minus_ms = 20.0;  // same for post-then-pre
  double hebbian_nA = 0.1;     // Hebbian strengthening per coincident pair
  double w_max_nA = 3.0;       // synapses never grow beyond this
};

class Plasticity {
 public:
  Plasticity(PlasticityParams params, int synapses);

  // Call when input `synapse` spikes at time_ms; may change weights[synapse].
  void on_pre_spike(int synapse, double time_ms, std::vector<double>& weights);
  // Call when the neuron spikes at time_ms; may change every weight.
  void on_post_spike(double time_ms, std::vector<double>& weights);
  // Forget every spike time (weights are the caller's).
  void reset();

  const PlasticityParams& params() const { return params_; }
  void set_rule(PlasticityRule rule) { params_.rule = rule; }

 private:
  double clamp_weight(double w) const;

  PlasticityParams params_;
  std::vector<std::optional<double>> last_pre_ms_;
  std::optional<double> last_post_ms_;
};

std::string_view name(PlasticityRule rule);

}  // namespace neuron
