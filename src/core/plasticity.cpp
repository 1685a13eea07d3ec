// plasticity.cpp: pair-based STDP and a plain Hebbian rule, both bounded to [0, w_max].
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
  if (!last_post_ms_ || params_.rule == PlasticityRule::Off) return;
  const double since_post = time_ms - *last_post_ms_;
  double& w = weights[std::size_t(synapse)];
  if (params_.rule == PlasticityRule::Stdp)
    w -= params_.a_minus_nA * std::exp(-since_post / params_.tau_minus_ms);
  else
    w += params_.hebbian_nA * std::exp(-since_post / params_.tau_plus_ms);
  w = clamp_weight(w);
}

void Plasticity::on_post_spike(double time_ms, std::vector<double>& weights) {
  last_post_ms_ = time_ms;
  if (params_.rule == PlasticityRule::Off) return;
  const double amount =
      params_.rule == PlasticityRule::Stdp ? params_.a_plus_nA : params_.hebbian_nA;
  for (std::size_t i = 0; i < last_pre_ms_.size() && i < weights.size(); ++i) {
    if (!last_pre_ms_[i]) continue;
    const double since_pre = time_ms - *last_pre_ms_[i];
    weights[i] = clamp_weight(weights[i] + amount * std::exp(-since_pre / params_.tau_plus_ms));
  }
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
