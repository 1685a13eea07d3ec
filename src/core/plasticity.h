// plasticity.h: how synapses change with activity, the spiking version of "connections
// used together get stronger".
//  - STDP (spike-timing-dependent plasticity), pair-based: when the neuron fires, each
//    synapse whose input spiked shortly before is strengthened by A+ e^{-dt/tau+}; when an
//    input spikes shortly after the neuron fired, that synapse is weakened by
//    A- e^{-dt/tau-}. Cause before effect strengthens; effect before cause weakens.
//  - Hebbian with Oja's decay: "fire together, wire together", kept from running away. Plain
//    Hebb only ever strengthens, so every active synapse would end at w_max. Oja's rule
//    (1982), dw = eta y (x - y w), adds a decay that grows with the output: at each output
//    spike (y = 1) every synapse takes a step eta towards w_max times its input's recent
//    activity x = e^{-(t_post - t_pre)/tau+}. Inputs that fire just before the neuron's spikes
//    settle near w_max; inputs that are silent then fade towards 0.
// Weights stay within [0, w_max] under both rules.
#pragma once
#include <optional>
#include <string_view>
#include <vector>

namespace neuron {

enum class PlasticityRule { Off, Stdp, Hebbian };

struct PlasticityParams {
  PlasticityRule rule = PlasticityRule::Stdp;
  double a_plus_nA = 0.2;      // largest strengthening per pre-then-post pair
  double a_minus_nA = 0.21;    // largest weakening per post-then-pre pair
  double tau_plus_ms = 20.0;   // how close in time a pre-then-post pair must be
  // Weakening reaches further back than strengthening (A- tau- > A+ tau+), so inputs that fire
  // at random, as often just after the neuron as just before it, lose on balance.
  double tau_minus_ms = 30.0;  // same for post-then-pre
  double hebbian_rate = 0.05;  // eta of the Hebbian (Oja) rule: the step per output spike
  // Synapses never grow beyond this. Below the strength at which two pattern inputs alone
  // would fire the neuron before the third arrives (which STDP would then weaken).
  double w_max_nA = 2.4;
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

// The STDP window: the weight change (nA) of one pre/post pair, as a function of
// t_post - t_pre (ms). Positive (pre before post) strengthens, negative weakens.
double stdp_change_nA(const PlasticityParams& params, double post_minus_pre_ms);

}  // namespace neuron
