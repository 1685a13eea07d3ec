// pitfall.h: one failure mode of training, behind the interface every pitfall shares: its
// own trainers and fields, its preset (broken or fixed), one frame of training, its
// summary and its figures. PitfallsModel shows whichever is current without asking which.
#pragma once
#include <string>
#include <vector>

#include "scene_model.h"
#include "trainer.h"

namespace lesson {

// The pitfalls, in the order of their buttons. (RateTooHigh, not LearningRate: the
// learning rate is also the parameter `lr` that pitfall=lr shows.)
enum class Pitfall { RateTooHigh, MismatchedLoss, VanishingGradients, Depth };

// Everything that is said about one pitfall, in one row.
struct PitfallInfo {
  Pitfall pitfall;
  const char* name;     // in URLs: pitfall=lr
  Word button;          // the preset's button
  Word problem;         // what goes wrong, and why
  Word fix;             // the mathematical fix
  int epochs;           // how long a run lasts before it pauses by itself
};
// In the order of the buttons.
const std::vector<PitfallInfo>& pitfall_table();
const PitfallInfo& info(Pitfall pitfall);
const char* name(Pitfall pitfall);

// What one frame of training did: the weight-steps it took (at most kWeightStepsPerFrame),
// and whether training goes on.
struct FrameTrained {
  long weight_steps = 0;
  bool goes_on = true;
};

class PitfallUnit {
 public:
  virtual ~PitfallUnit() = default;
  virtual Pitfall pitfall() const = 0;
  int max_epochs() const { return info(pitfall()).epochs; }

  // A preset's own settings (the rate, the highlighted depth), before rebuild().
  virtual void preset(bool fixed) { (void)fixed; }
  // Fresh trainers at their starting weights, broken or with the fix applied.
  virtual void rebuild(bool fixed) = 0;
  virtual FrameTrained train_frame() = 0;
  // Whether Run can train on: not once diverged or finished.
  virtual bool can_train() const;

  // The trainer the shared figures (epoch, loss, accuracy) describe.
  virtual const neuron::Trainer& trainer() const = 0;
  virtual std::string summary() const = 0;
  // The pitfall's own figures, after the shared ones.
  virtual void add_figures(std::vector<Figure>& out) const = 0;

 protected:
  // Whole epochs of `trainers` side by side, at most `wanted` a frame and within the frame's
  // budget, calling record() after each; the first leads: training stops when it has
  // diverged or reached max_epochs().
  FrameTrained train_side_by_side(const std::vector<neuron::Trainer*>& trainers, int wanted);
  virtual void record() {}
};

}  // namespace lesson
