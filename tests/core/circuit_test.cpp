// The biological figure's circuit: input spikes, synapses, one LIF neuron, plasticity.
#include <doctest.h>

#include <cmath>

#include "circuit.h"

using namespace neuron;

namespace {
CircuitParams quiet_pattern() {
  CircuitParams p;
  p.background_rate_hz = 0.0;  // only the repeated pattern
  p.equal_rates = false;
  return p;
}
}  // namespace

TEST_SUITE("circuit") {
  TEST_CASE("repeating a pattern under STDP strengthens the synapses that caused the spike") {
    CircuitParams p;
    p.plasticity.rule = PlasticityRule::Stdp;
    Circuit c(p);
    c.advance(10000.0);
    REQUIRE(c.output_spike_count() > 0);
    // Inputs 0..2 replay the pattern and drive the output; 3 and 4 fire at random.
    for (int i = 0; i < p.pattern_inputs; ++i) CHECK(c.weights()[std::size_t(i)] > p.initial_weight_nA);
    for (int i = p.pattern_inputs; i < p.inputs; ++i)
      CHECK(c.weights()[std::size_t(i)] < c.weights()[0]);
  }

  // The biological scene's claims, over its whole range of random firing (3-8 Hz, the
  // scene's parameter table) and for ten seeds: under both rules the pattern's synapses end
  // stronger than the random ones after 8 s (the mean of each group, with a margin); STDP
  // grows the pattern's, Oja's decay fades the random ones.
  TEST_CASE("STDP and Hebbian-Oja pick out the repeated pattern at 3 and at 8 Hz of random firing") {
    for (PlasticityRule rule : {PlasticityRule::Stdp, PlasticityRule::Hebbian}) {
      for (double rate_hz : {3.0, 8.0}) {
        for (std::uint64_t seed = 1; seed <= 10; ++seed) {
          CircuitParams p;
          p.plasticity.rule = rule;
          p.background_rate_hz = rate_hz;
          p.seed = seed;
          Circuit c(p);
          c.advance(8000.0);
          const auto& w = c.weights();
          const double pattern = (w[0] + w[1] + w[2]) / 3, random = (w[3] + w[4]) / 2;
          CAPTURE(name(rule));
          CAPTURE(rate_hz);
          CAPTURE(seed);
          CHECK(pattern > random + 0.3);
          if (rule == PlasticityRule::Stdp) CHECK(pattern > p.initial_weight_nA + 0.5);
          else CHECK(random < p.initial_weight_nA);  // Oja's decay: unused synapses fade
        }
      }
    }
  }

  TEST_CASE("rate coding: a stronger steady input gives more spikes per second, never bigger ones") {
    double previous_rate = -1;
    for (double drive : {1.0, 2.0, 3.0, 4.0}) {
      CircuitParams p;
      p.plasticity.rule = PlasticityRule::Off;
      p.drive_nA = drive;
      Circuit c(p);
      c.advance(2000.0);
      const double rate = c.output_spike_count() / 2.0;
      CHECK(rate > previous_rate);
      previous_rate = rate;
      // Every spike is drawn from the threshold to the same peak, then the reset.
      for (std::size_t i = 1; i < c.voltage().size(); ++i)
        if (c.voltage()[i].v_mV > p.lif.threshold_mV + 1) CHECK(c.voltage()[i].v_mV == 20.0);
    }
  }

  TEST_CASE("without plasticity the weights never change") {
    CircuitParams p;
    p.plasticity.rule = PlasticityRule::Off;
    Circuit c(p);
    c.advance(2000.0);
    for (double w : c.weights()) CHECK(w == p.initial_weight_nA);
  }

  TEST_CASE("the same pattern fires the neuron only once its synapses are strong enough") {
    // Summation in time: three inputs 3 ms apart add up only if each pushes hard enough.
    CircuitParams p = quiet_pattern();
    p.plasticity.rule = PlasticityRule::Off;
    p.initial_weight_nA = 1.0;
    Circuit weak(p);
    weak.advance(1000.0);
    CHECK(weak.output_spike_count() == 0);
    p.initial_weight_nA = 2.6;
    Circuit strong(p);
    strong.advance(1000.0);
    CHECK(strong.output_spike_count() == 10);  // once per 100 ms repetition
  }

  TEST_CASE("records stay within the window and are finite") {
    CircuitParams p;
    p.window_ms = 200.0;
    p.spike_window_ms = 300.0;
    Circuit c(p);
    c.advance(1000.0);
    REQUIRE(!c.voltage().empty());
    CHECK(c.voltage().front().time_ms >= c.time_ms() - 200.0 - 1e-9);
    for (const VoltageSample& s : c.voltage()) CHECK(std::isfinite(s.v_mV));
    for (const SpikeEvent& e : c.spikes()) CHECK(e.time_ms >= c.time_ms() - 300.0 - 1e-9);
  }

  TEST_CASE("same seed, same spikes; reset replays them") {
    Circuit a, b;
    a.advance(500.0);
    b.advance(500.0);
    CHECK(a.input_spike_count() == b.input_spike_count());
    CHECK(a.membrane_potential_mV() == b.membrane_potential_mV());
    const int spikes = a.input_spike_count();
    a.reset();
    a.advance(500.0);
    CHECK(a.input_spike_count() == spikes);
  }
}
