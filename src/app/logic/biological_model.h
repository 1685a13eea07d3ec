// biological_model.h: the spiking neuron scene: input neurons, synapses and one leaky
// integrate-and-fire neuron, simulated in slow motion, with plasticity on or off.
#pragma once
#include <deque>
#include <vector>

#include "circuit.h"
#include "scene_model.h"

namespace lesson {

class BiologicalModel : public SceneModel {
 public:
  // Simulated milliseconds per drawn frame at speed 1: about 90 ms of neuron time per
  // second, slow enough to watch the potential rise, leak and spike.
  static constexpr double kMsPerFrame = 1.5;
  // The simulation pauses by itself after this much neuron time, so an idle page stops
  // drawing; "Run" continues.
  static constexpr double kRunMs = 6000.0;
  static constexpr double kWeightSampleMs = 20.0;
  static constexpr std::size_t kWeightSamples = 600;
  // The longest jump ahead in one go (the t= URL key, the "+2 s" button).
  static constexpr double kMaxJumpMs = 20000.0;
  // The firing rate is counted over this much recent neuron time (or less, since the input
  // strength last changed): long enough for a steady readout, short enough to follow a change.
  static constexpr double kRateWindowMs = 1000.0;
  // A scheduled rise of the input strength (rise= in a Try it) comes this long after it is
  // set, and the comparison it makes counts spikes over this long on either side of it.
  static constexpr double kRisePhaseMs = 600.0;

  BiologicalModel();
  static constexpr SceneName kName{"biological", Word::bio_title, Word::bio_short_title};
  const SceneName& name() const override { return kName; }
  const ParamTable& param_table() const override;
  std::string summary() const override;
  std::vector<Figure> figures() const override;
  bool animating() const override { return running; }
  void advance() override;

  // Running again gives another kRunMs of neuron time before the automatic pause.
  void set_running(bool on);
  void set_plasticity(neuron::PlasticityRule rule);
  void set_background_rate(double hz);
  // A steady current into the neuron (nA): the input strength of rate coding.
  void set_drive(double nA);
  double drive() const { return circuit_.params().drive_nA; }
  // Output spikes per second over the rate window (rate_window_ms()).
  double output_rate_hz() const;
  double rate_window_ms() const;
  // Output spikes in [from_ms, to_ms).
  int output_spikes_between(double from_ms, double to_ms) const;
  // Schedules the input strength to rise to nA kRisePhaseMs from now (the rate Try it: the
  // same neuron before and after, one input stronger).
  void schedule_rise(double nA);
  // The scheduled rise: {from nA, to nA, at ms}; at_ms < 0 when none was scheduled.
  struct Rise { double from_nA = 0, to_nA = 0, at_ms = -1; };
  const Rise& rise() const { return rise_; }
  // Output spikes in the last "+2 s" (or t= jump), and whether one has happened.
  int last_jump_spikes() const { return last_jump_spikes_; }
  // Simulates duration_ms at once (the "+2 s" button).
  void fast_forward(double duration_ms);
  // Jumps ahead to this much neuron time, if it lies ahead (the t= URL key).
  void jump_to(double time_ms);
  void reset();

  const neuron::Circuit& circuit() const { return circuit_; }
  neuron::PlasticityRule plasticity() const { return circuit_.params().plasticity.rule; }
  double background_rate() const { return circuit_.params().background_rate_hz; }
  // Weights sampled every kWeightSampleMs, oldest first: one vector per sample.
  const std::deque<std::vector<double>>& weight_history() const { return weight_history_; }
  double weight_history_start_ms() const { return history_start_ms_; }

  bool running = true;
  double speed = 1.0;  // slow motion (< 1) or fast (> 1); range in the parameter table
  double shown_ms = 400.0;  // the time window of the raster and the membrane plot (zoom)
  double run_until_ms = kRunMs;

 private:
  void simulate(double duration_ms);
  void rebuild(neuron::CircuitParams params);

  neuron::Circuit circuit_;
  std::deque<std::vector<double>> weight_history_;
  double history_start_ms_ = 0.0;
  double drive_changed_ms_ = 0.0;
  Rise rise_;
  int last_jump_spikes_ = -1;
};

}  // namespace lesson
