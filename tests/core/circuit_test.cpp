// The biological figure's circuit: input spikes, synapses, one LIF neuron, plasticity.
#include <doctest.h>

#include <cmath>

#include "circuit.h"

using namespace neuron;

namespace {
CircuitParams quiet_pattern() {
  CircuitParams p;
  p.background_rate_hz = 0.0;  // only the repeated pattern
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
    Circuit c(p);
    c.advance(1000.0);
    REQUIRE(!c.voltage().empty());
    CHECK(c.voltage().front().time_ms >= c.time_ms() - 200.0 - 1e-9);
    for (const VoltageSample& s : c.voltage()) CHECK(std::isfinite(s.v_mV));
    for (const SpikeEvent& e : c.spikes()) CHECK(e.time_ms >= c.time_ms() - 200.0 - 1e-9);
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
