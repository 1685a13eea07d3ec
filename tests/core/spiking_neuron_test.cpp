// The leaky integrate-and-fire neuron against its closed-form behaviour.
#include <doctest.h>

#include <cmath>
#include <vector>

#include "spiking_neuron.h"

using namespace neuron;

namespace {
// Mean firing rate from the intervals between spikes, skipping the first spike.
double simulated_rate_hz(const LifParams& params, double current_nA, double dt_ms,
                         std::vector<double>* spikes_out = nullptr) {
  LifNeuron cell(params);
  std::vector<double> spikes;
  for (int i = 0; i < int(2000.0 / dt_ms); ++i) cell.step(current_nA, dt_ms, &spikes);
  if (spikes_out) *spikes_out = spikes;
  if (spikes.size() < 3) return 0.0;
  return 1000.0 * double(spikes.size() - 2) / (spikes.back() - spikes[1]);
}
}  // namespace

TEST_SUITE("spiking neuron") {
  TEST_CASE("above rheobase the firing rate matches the closed form within 2%") {
    const LifParams params;
    CHECK(rheobase_nA(params) == doctest::Approx(1.6));
    for (double current : {1.65, 1.8, 2.0, 3.0, 5.0, 10.0}) {
      for (double dt : {0.1, 0.05}) {
        CAPTURE(current);
        CAPTURE(dt);
        const double expected = lif_firing_rate_hz(params, current);
        CHECK(expected > 0.0);
        CHECK(simulated_rate_hz(params, current, dt) == doctest::Approx(expected).epsilon(0.02));
      }
    }
  }

  TEST_CASE("below rheobase it never fires, however long it waits") {
    LifNeuron cell;
    int spikes = 0;
    for (int i = 0; i < 100000; ++i) spikes += cell.step(1.59, 0.1);
    CHECK(spikes == 0);
    // It settles just below threshold: V_rest + R I = -70 + 15.9 = -54.1 mV.
    CHECK(cell.membrane_potential_mV() == doctest::Approx(-54.1).epsilon(1e-6));
    CHECK(lif_firing_rate_hz(cell.params(), 1.59) == 0.0);
  }

  TEST_CASE("spikes are all-or-none: V resets after every spike and waits out the refractory period") {
    LifParams params;
    params.refractory_ms = 3.0;
    LifNeuron cell(params);
    std::vector<double> spikes;
    double last_spike = -1.0;
    for (int i = 0; i < 20000; ++i) {
      const std::size_t before = spikes.size();
      cell.step(4.0, 0.1, &spikes);
      CHECK(cell.membrane_potential_mV() < params.threshold_mV);
      if (spikes.size() > before) {
        last_spike = spikes.back();
        CHECK(cell.membrane_potential_mV() == params.reset_mV);  // reset, within the step
      }
      if (last_spike >= 0 && cell.time_ms() - last_spike < params.refractory_ms - 1e-9)
        CHECK(cell.membrane_potential_mV() == params.reset_mV);
    }
    REQUIRE(spikes.size() > 10);
    for (std::size_t i = 1; i < spikes.size(); ++i)
      CHECK(spikes[i] - spikes[i - 1] >= params.refractory_ms);
  }

  TEST_CASE("with no input the potential leaks back to rest with time constant tau") {
    LifNeuron cell;
    cell.step(1.5, 50.0);  // charge up towards -55 mV
    const double v0 = cell.membrane_potential_mV();
    cell.step(0.0, 10.0);  // one tau with no input
    const double expected = -70.0 + (v0 + 70.0) * std::exp(-1.0);
    CHECK(cell.membrane_potential_mV() == doctest::Approx(expected).epsilon(1e-9));
  }

  TEST_CASE("bad input is ignored, never turned into NaN") {
    LifNeuron cell;
    CHECK(cell.step(std::nan(""), 0.1) == 0);
    CHECK(cell.step(1.0, -5.0) == 0);
    CHECK(cell.step(INFINITY, 0.1) == 0);
    CHECK(std::isfinite(cell.membrane_potential_mV()));
    // A huge current fires as fast as the refractory period allows, no faster.
    std::vector<double> spikes;
    cell.step(1e9, 10.0, &spikes);
    CHECK(spikes.size() <= 6);
  }
}
