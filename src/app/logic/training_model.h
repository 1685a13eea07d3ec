// training_model.h: one neuron, or a small network of up to three hidden layers, trained
// by gradient descent on a 2-D data set: run, pause, step, reset; the learning rate, the
// loss and the hidden layers to choose.
#pragma once
#include "dataset.h"
#include "scene_model.h"
#include "trainer.h"

namespace lesson {

class TrainingModel : public SceneModel {
 public:
  static constexpr int kMaxEpochs = 3000;  // training pauses by itself here

  TrainingModel();
  static constexpr SceneName kName{"training", Word::train_title, Word::train_title};
  const SceneName& name() const override { return kName; }
  const ParamTable& param_table() const override;
  std::string summary() const override;
  std::vector<Figure> figures() const override;
  bool animating() const override { return running; }
  // Whether Run and Step can train on: not once diverged or at kMaxEpochs (Reset, then).
  bool can_train() const;
  void advance() override;

  // Changing any of these rebuilds the trainer from the same seed (and pauses it). Values
  // arrive checked against the parameter table.
  void set_data(neuron::DataKind kind);
  void set_learning_rate(double rate);
  void set_loss(neuron::Loss loss);
  void set_hidden_layers(int layers);  // 0: a single neuron
  void set_width(int units);           // units in each hidden layer
  void step();   // one epoch
  void reset();  // the starting weights again

  neuron::DataKind data() const { return data_; }
  double learning_rate() const { return learning_rate_; }
  neuron::Loss loss() const { return loss_; }
  int hidden_layers() const { return hidden_layers_; }
  int width() const { return width_; }
  const neuron::Trainer& trainer() const { return trainer_; }
  // "a single neuron" or "a 2-4-4-1 network".
  std::string model_name() const;
  // The smallest and largest output over the data points (for XOR: both near 0.5).
  std::pair<double, double> output_range() const;
  // Whether both ends of that range read the same ("0.50" and "0.50").
  bool output_reads_flat() const;
  // That range in words: "0.42 to 0.58", or "0.50" where both ends read the same.
  std::string output_range_words() const;
  // XOR on one neuron, trained long enough to have settled: the case the text explains.
  bool xor_on_one_neuron() const;
  // The accuracy as the figure reports it: a point whose output is within kUndecided of 0.5
  // counts as a coin toss (half right), since rounding alone would decide it. (One neuron
  // on XOR answers 0.500 everywhere: 50%, not the 25% or 75% that rounding happens to give.)
  static constexpr double kUndecided = 0.01;
  double reported_accuracy() const;
  // Whether the loss has stopped changing: less than kFlatLoss over the last kFlatEpochs.
  static constexpr int kFlatEpochs = 50;
  static constexpr double kFlatLoss = 1e-4;
  bool loss_flat() const;

  bool running = false;
  int epochs_per_frame = 2;  // the pace of training while it runs
  // Weight-steps trained in the last frame (at most kWeightStepsPerFrame).
  long last_frame_work() const { return last_frame_work_; }

 private:
  void rebuild();

  neuron::DataKind data_ = neuron::DataKind::And;
  double learning_rate_ = 1.0;
  neuron::Loss loss_ = neuron::Loss::CrossEntropy;
  int hidden_layers_ = 0;
  int width_ = 4;
  neuron::Trainer trainer_;
  long last_frame_work_ = 0;
  int mark_epoch_ = 0;           // the loss kFlatEpochs or fewer epochs ago, for loss_flat()
  double mark_loss_ = 0.0, flat_change_ = 1.0;
  void note_loss();
  void forget_loss_marks();
};

}  // namespace lesson
