// compare_model.h: the lesson's thesis in one view. The same three inputs go into a spiking
// neuron and into an artificial neuron with the same weights. The learner changes only
// *when* the input spikes arrive: together, in order, reversed, or spread apart. The
// spiking neuron's output changes with the timing; the artificial neuron's cannot, because
// time is not among its inputs.
#pragma once
#include <array>
#include <vector>

#include "scene_model.h"
#include "volley.h"

namespace lesson {

enum class Timing { Together, InOrder, Reversed, Spread };
inline constexpr Timing kAllTimings[] = {Timing::Together, Timing::InOrder, Timing::Reversed, Timing::Spread};
const char* name(Timing timing);   // "together", "in-order", "reversed", "spread"
const char* label(Timing timing);  // in the edition's words: "all together", "in order 1, 2, 3", ...

class CompareModel : public SceneModel {
 public:
  static constexpr int kInputs = 3;
  // Chosen so that the timing decides: all three together, or the weak ones first, lift the
  // membrane over threshold; reversed or spread apart they do not (margins >= 1.5 mV).
  static constexpr double kWeights_nA[kInputs] = {1.6, 1.9, 5.4};
  static constexpr double kBias = -8.0;          // the artificial neuron's
  static constexpr double kFirstSpikeMs = 10.0;  // when the first input fires
  static constexpr double kOrderGapMs = 10.0;    // between inputs, in order or reversed
  static constexpr double kSpreadGapMs = 35.0;   // between inputs, spread apart
  static constexpr double kDurationMs = 100.0;
  static constexpr double kTauSynMs = 5.0;
  // "Play the four timings" shows each timing for this many frames (about a second), in turn.
  static constexpr int kTourFrames = 60;

  CompareModel();
  static constexpr SceneName kName{"compare", Word::compare_title, Word::compare_short_title};
  const SceneName& name() const override { return kName; }
  const ParamTable& param_table() const override;
  std::string summary() const override;
  std::vector<Figure> figures() const override;
  bool animating() const override { return touring_; }
  void advance() override;

  // Plays the four timings in turn, from the first (Run); each is seen once shown.
  void set_touring(bool on);
  bool touring() const { return touring_; }
  // Whether a timing has been shown since the inputs last changed: the outcome table lists
  // only those, so the reader predicts before seeing the answer.
  bool seen(Timing timing) const { return seen_[std::size_t(timing)]; }
  bool seen_all() const;

  void set_timing(Timing timing);
  void set_active(int input, bool on);
  Timing timing() const { return timing_; }
  bool active(int input) const { return active_[std::size_t(input)]; }

  // When each input fires under a timing (negative: silent).
  std::vector<double> spike_times(Timing timing) const;
  // The spiking neuron under the current timing, and its spike count under every timing.
  const neuron::VolleyResult& volley() const { return volley_; }
  int spikes_under(Timing timing) const { return spikes_by_timing_[std::size_t(timing)]; }
  // The artificial neuron: z = sum of w_i x_i + b, a = sigmoid(z), x_i = 1 for an active input.
  double z() const;
  double artificial_output() const;
  const neuron::LifParams& lif() const { return lif_; }

 private:
  void recompute();

  Timing timing_ = Timing::InOrder;
  std::array<bool, kInputs> active_ = {true, true, true};
  neuron::LifParams lif_;
  neuron::VolleyResult volley_;
  std::array<int, 4> spikes_by_timing_ = {};
  std::array<bool, 4> seen_ = {};
  bool touring_ = false;
  int tour_frame_ = 0;
};

}  // namespace lesson
