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

  BiologicalModel();
  const char* id() const override { return "biological"; }
  const char* title() const override { return "Spiking neuron"; }
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
  void set_drive(double nA) { circuit_.set_drive(nA); }
  double drive() const { return circuit_.params().drive_nA; }
  // Output spikes per second over the time shown.
  double output_rate_hz() const;
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
};

}  // namespace lesson
