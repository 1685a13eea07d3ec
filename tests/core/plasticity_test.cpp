// Synaptic plasticity: timing decides the sign under STDP; weights stay within [0, w_max].
#include <doctest.h>

#include <cmath>

#include <vector>

#include "plasticity.h"

using namespace neuron;

TEST_SUITE("plasticity") {
  TEST_CASE("STDP: pre before post strengthens the synapse") {
    Plasticity rule({}, 1);
    std::vector<double> w{1.0};
    rule.on_pre_spike(0, 10.0, w);
    rule.on_post_spike(15.0, w);
    CHECK(w[0] == doctest::Approx(1.0 + PlasticityParams{}.a_plus_nA * std::exp(-5.0 / 20.0)));
  }

  TEST_CASE("STDP: post before pre weakens the synapse") {
    Plasticity rule({}, 1);
    std::vector<double> w{1.0};
    rule.on_post_spike(10.0, w);
    rule.on_pre_spike(0, 15.0, w);
    CHECK(w[0] == doctest::Approx(1.0 - PlasticityParams{}.a_minus_nA * std::exp(-5.0 / 30.0)));
  }

  TEST_CASE("STDP: the closer in time, the bigger the change") {
    auto change = [](double gap_ms) {
      Plasticity rule({}, 1);
      std::vector<double> w{1.0};
      rule.on_pre_spike(0, 0.0, w);
      rule.on_post_spike(gap_ms, w);
      return w[0] - 1.0;
    };
    CHECK(change(2.0) > change(10.0));
    CHECK(change(10.0) > change(50.0));
    CHECK(change(200.0) < 1e-4);
  }

  TEST_CASE("repeated pairing drives the weight to w_max and never beyond") {
    PlasticityParams params;
    params.w_max_nA = 2.5;
    Plasticity rule(params, 2);
    std::vector<double> w{1.0, 1.0};
    double previous = w[0];
    for (int k = 0; k < 200; ++k) {
      const double t = 100.0 * k;
      rule.on_pre_spike(0, t, w);         // input 0 always just before the spike
      rule.on_post_spike(t + 3.0, w);
      rule.on_pre_spike(1, t + 6.0, w);   // input 1 always just after
      CHECK(w[0] >= previous);
      CHECK(w[0] <= params.w_max_nA);
      CHECK(w[1] >= 0.0);
      previous = w[0];
    }
    CHECK(w[0] == params.w_max_nA);
    CHECK(w[1] == 0.0);
  }

  TEST_CASE("Hebbian (Oja): inputs active before the spikes grow, silent ones fade; none runs away") {
    PlasticityParams params;
    params.rule = PlasticityRule::Hebbian;
    Plasticity rule(params, 2);
    std::vector<double> w{1.0, 1.0};
    for (int k = 0; k < 300; ++k) {
      const double t = 100.0 * k;
      rule.on_pre_spike(0, t, w);  // input 0 fires 2 ms before every output spike
      rule.on_post_spike(t + 2.0, w);
      CHECK(w[0] <= params.w_max_nA);
      CHECK(w[1] >= 0.0);
    }
    // Oja's fixed point: w = w_max x, with x = e^{-2/20} for input 0 and 0 for input 1.
    CHECK(w[0] == doctest::Approx(params.w_max_nA * std::exp(-2.0 / 20.0)).epsilon(1e-3));
    CHECK(w[0] < params.w_max_nA);  // held below the bound by the decay, not by the clamp
    CHECK(w[1] < 0.01);             // the unused synapse has faded
  }

  TEST_CASE("STDP window: the change of one pair, strengthening before, weakening after") {
    const PlasticityParams p;
    CHECK(stdp_change_nA(p, 5.0) == doctest::Approx(p.a_plus_nA * std::exp(-5.0 / p.tau_plus_ms)));
    CHECK(stdp_change_nA(p, -5.0) == doctest::Approx(-p.a_minus_nA * std::exp(-5.0 / p.tau_minus_ms)));
    CHECK(stdp_change_nA(p, 100.0) < 0.01 * p.a_plus_nA);  // the window is tens of ms wide
    CHECK(stdp_change_nA(p, NAN) == 0.0);
  }

  TEST_CASE("with plasticity off nothing changes") {
    PlasticityParams params;
    params.rule = PlasticityRule::Off;
    Plasticity rule(params, 1);
    std::vector<double> w{1.0};
    rule.on_pre_spike(0, 1.0, w);
    rule.on_post_spike(2.0, w);
    rule.on_pre_spike(0, 3.0, w);
    CHECK(w[0] == 1.0);
  }

  TEST_CASE("out-of-range synapse indices are ignored") {
    Plasticity rule({}, 1);
    std::vector<double> w{1.0};
    rule.on_pre_spike(5, 1.0, w);
    rule.on_pre_spike(-1, 1.0, w);
    CHECK(w[0] == 1.0);
  }
}
