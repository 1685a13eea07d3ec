// plasticity.cpp: pair-based STDP and a Hebbian rule with Oja's decay, both bounded to [0, w_max].
#include "plasticity.h"

#include <algorithm>
#include <cmath>

namespace neuron {

Plasticity::Plasticity(PlasticityParams params, int synapses)
    : params_(params), last_pre_ms_(std::size_t(std::max(synapses, 0))) {}

void Plasticity::reset() {
  std::fill(last_pre_ms_.begin(), last_pre_ms_.end(), std::nullopt);
  last_post_ms_.reset();
}

double Plasticity::clamp_weight(double w) const {
  return std::clamp(w, 0.0, std::max(params_.w_max_nA, 0.0));
}

void Plasticity::on_pre_spike(int synapse, double time_ms, std::vector<double>& weights) {
  if (synapse < 0 || std::size_t(synapse) >= last_pre_ms_.size() ||
      std::size_t(synapse) >= weights.size())
    return;
  last_pre_ms_[std::size_t(synapse)] = time_ms;
  // Only STDP acts on a pre spike: it weakens a synapse whose input fires just after the
  // neuron did. (The Hebbian rule acts at output spikes only.)
  if (!last_post_ms_ || params_.rule != PlasticityRule::Stdp) return;
  double& w = weights[std::size_t(synapse)];
  w = clamp_weight(w + stdp_change_nA(params_, *last_post_ms_ - time_ms));
}

void Plasticity::on_post_spike(double time_ms, std::vector<double>& weights) {
  last_post_ms_ = time_ms;
  if (params_.rule == PlasticityRule::Off) return;
  for (std::size_t i = 0; i < last_pre_ms_.size() && i < weights.size(); ++i) {
    const double since_pre = last_pre_ms_[i] ? time_ms - *last_pre_ms_[i] : HUGE_VAL;
    if (params_.rule == PlasticityRule::Stdp) {
      if (last_pre_ms_[i]) weights[i] = clamp_weight(weights[i] + stdp_change_nA(params_, since_pre));
    } else {
      // Oja: dw = eta (w_max x - w), x = the input's recent activity (0 if it never fired).
      const double x = std::exp(-since_pre / params_.tau_plus_ms);
      weights[i] = clamp_weight(weights[i] + params_.hebbian_rate * (params_.w_max_nA * x - weights[i]));
    }
  }
}

double stdp_change_nA(const PlasticityParams& p, double post_minus_pre_ms) {
  if (!std::isfinite(post_minus_pre_ms)) return 0.0;
  if (post_minus_pre_ms >= 0) return p.a_plus_nA * std::exp(-post_minus_pre_ms / p.tau_plus_ms);
  return -p.a_minus_nA * std::exp(post_minus_pre_ms / p.tau_minus_ms);
}

std::string_view name(PlasticityRule rule) {
  switch (rule) {
    case PlasticityRule::Off: return "off";
    case PlasticityRule::Stdp: return "stdp";
    case PlasticityRule::Hebbian: return "hebbian";
  }
  return "off";
}

}  // namespace neuron
