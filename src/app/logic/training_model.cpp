// training_model.cpp: the training scene's trainer, controls, summary and figures.
#include "training_model.h"

#include "training_setup.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace lesson {

using neuron::Activation;
using neuron::DataKind;

namespace {
neuron::Trainer make_trainer(DataKind data, double rate, neuron::Loss loss, int layers, int width) {
  return neuron::Trainer(neuron::Mlp(layer_sizes(layers, width), Activation::Tanh, Activation::Sigmoid, 1),
                         page_dataset(data), train_config(rate, loss));
}
}  // namespace

TrainingModel::TrainingModel() : trainer_(make_trainer(data_, learning_rate_, loss_, hidden_layers_, width_)) {}

void TrainingModel::rebuild() {
  trainer_ = make_trainer(data_, learning_rate_, loss_, hidden_layers_, width_);
  running = false;
  forget_loss_marks();
}

// loss_flat() starts over: the trainer is back at epoch 0.
void TrainingModel::forget_loss_marks() {
  mark_epoch_ = 0;
  mark_loss_ = trainer_.loss();
  flat_change_ = 1.0;
}

void TrainingModel::note_loss() {
  if (trainer_.epoch() - mark_epoch_ < kFlatEpochs) return;
  flat_change_ = std::abs(trainer_.loss() - mark_loss_);
  mark_epoch_ = trainer_.epoch();
  mark_loss_ = trainer_.loss();
}

bool TrainingModel::loss_flat() const {
  return trainer_.status() == neuron::TrainStatus::Ready && trainer_.epoch() >= 2 * kFlatEpochs &&
         flat_change_ < kFlatLoss;
}

double TrainingModel::reported_accuracy() const {
  const Eigen::MatrixXd out = trainer_.model().predict(trainer_.data().inputs());
  const Eigen::MatrixXd& labels = trainer_.data().labels();
  double right = 0.0;
  for (Eigen::Index i = 0; i < out.cols(); ++i) {
    if (std::abs(out(0, i) - 0.5) < kUndecided) right += 0.5;
    else if ((out(0, i) > 0.5) == (labels(0, i) > 0.5)) right += 1.0;
  }
  return out.cols() ? right / double(out.cols()) : 0.0;
}

void TrainingModel::set_data(DataKind kind) { data_ = kind; rebuild(); }
void TrainingModel::set_loss(neuron::Loss loss) { loss_ = loss; rebuild(); }
void TrainingModel::set_hidden_layers(int layers) { hidden_layers_ = layers; rebuild(); }
void TrainingModel::set_width(int units) { width_ = units; rebuild(); }
void TrainingModel::set_learning_rate(double rate) { learning_rate_ = rate; rebuild(); }

void TrainingModel::step() {
  trainer_.train(1);
  note_loss();
  running = false;
}

void TrainingModel::reset() {
  trainer_.reset();
  running = false;
  forget_loss_marks();
}

bool TrainingModel::can_train() const {
  return trainer_.status() == neuron::TrainStatus::Ready && trainer_.epoch() < kMaxEpochs;
}

void TrainingModel::advance() {
  if (!running) return;
  const int epochs = epochs_this_frame(epochs_per_frame, trainer_.epoch_work());
  last_frame_work_ = 0;
  for (int i = 0; i < epochs && trainer_.status() == neuron::TrainStatus::Ready; ++i) {
    trainer_.train(1);
    note_loss();
    last_frame_work_ += trainer_.epoch_work();
  }
  if (trainer_.status() != neuron::TrainStatus::Ready || trainer_.epoch() >= kMaxEpochs)
    running = false;
}

std::pair<double, double> TrainingModel::output_range() const {
  const Eigen::MatrixXd out = trainer_.model().predict(trainer_.data().inputs());
  return {out.minCoeff(), out.maxCoeff()};
}

bool TrainingModel::xor_on_one_neuron() const {
  return data_ == DataKind::Xor && hidden_layers_ == 0 && trainer_.epoch() >= 50 &&
         trainer_.status() == neuron::TrainStatus::Ready;
}

std::string TrainingModel::model_name() const {
  if (hidden_layers_ == 0) return "a single neuron";
  std::string shape = "2";
  for (int i = 0; i < hidden_layers_; ++i) shape += "-" + std::to_string(width_);
  return "a " + shape + "-1 network";
}

const ParamTable& TrainingModel::param_table() const {
  static const char* const kStopped = "Training has stopped: it diverged or reached its last epoch. Reset to start again.";
  using M = TrainingModel;
  static constexpr DataKind kData[] = {DataKind::And, DataKind::Or, DataKind::Xor, DataKind::Blobs, DataKind::Circles};
  static constexpr neuron::Loss kLosses[] = {neuron::Loss::CrossEntropy, neuron::Loss::SquaredError};
  static const ParamTable table = with_defaults<M>({
      toggle_button_param("run", "Run", "Pause", [](const SceneModel& s) { return as<M>(s).running ? 1.0 : 0.0; },
                          [](SceneModel& s, double v) { as<M>(s).running = v > 0.5 && as<M>(s).can_train(); })
          .described("run (1) or pause (0) training")
          .enabled_when([](const SceneModel& s) { return as<M>(s).running || as<M>(s).can_train(); }, kStopped),
      button_param("step", "Step", [](SceneModel& s, double) { as<M>(s).step(); })
          .described("Train one epoch: one pass over the data")
          .enabled_when([](const SceneModel& s) { return as<M>(s).can_train(); }, kStopped),
      button_param("reset", "Reset", [](SceneModel& s, double) { as<M>(s).reset(); })
          .described("Back to the starting weights"),
      choice_param("data", "Data set", kData, {"AND", "OR", "XOR", "blobs", "circles"},
                   [](const SceneModel& s) { return index_of(kData, as<M>(s).data()); },
                   [](SceneModel& s, double i) { as<M>(s).set_data(kData[int(i)]); }),
      number_param("lr", "Learning rate η", 0.001, 1000.0, "%.4g",
                   [](const SceneModel& s) { return as<M>(s).learning_rate(); },
                   [](SceneModel& s, double v) { as<M>(s).set_learning_rate(v); })
          .logarithmic()
          .described("learning rate η of gradient descent"),
      choice_param("loss", "Loss", kLosses, {"cross-entropy", "squared error"},
                   [](const SceneModel& s) { return index_of(kLosses, as<M>(s).loss()); },
                   [](SceneModel& s, double i) { as<M>(s).set_loss(kLosses[int(i)]); })
          .described("loss function"),
      number_param("layers", "hidden layers", 0, 3, "%.0f", [](const SceneModel& s) { return double(as<M>(s).hidden_layers()); },
                   [](SceneModel& s, double v) { as<M>(s).set_hidden_layers(int(v)); })
          .whole_numbers()
          .described("hidden layers between the inputs and the output neuron (0: a single neuron)"),
      number_param("width", "units per layer", 2, 8, "%.0f", [](const SceneModel& s) { return double(as<M>(s).width()); },
                   [](SceneModel& s, double v) { as<M>(s).set_width(int(v)); })
          .whole_numbers()
          .described("neurons in each hidden layer")
          .only_when([](const SceneModel& s) { return as<M>(s).hidden_layers() > 0; }),
  });
  return table;
}

std::string TrainingModel::summary() const {
  std::string data_name(neuron::name(data_));
  for (char& c : data_name) c = char(std::toupper(static_cast<unsigned char>(c)));
  if (data_ == DataKind::Blobs) data_name = "two blobs";
  if (data_ == DataKind::Circles) data_name = "two circles, one inside the other";
  std::string text = "Training " + model_name() + " on " + data_name + " with learning rate " +
                     format_number(learning_rate_, learning_rate_ >= 10 ? 0 : learning_rate_ < 0.1 ? 3 : 2) + ": ";
  if (trainer_.status() == neuron::TrainStatus::Diverged) return text + trainer_.message();
  text += "epoch " + std::to_string(trainer_.epoch()) + ", loss " +
          format_number(trainer_.loss(), 3) + ", accuracy " +
          format_number(100.0 * reported_accuracy(), 0) + "%";
  if (xor_on_one_neuron()) {
    const auto [lo, hi] = output_range();
    text += ". Its output is " + format_number(lo) + " to " + format_number(hi) +
            " on every point: no straight line separates XOR, so one neuron's best under cross-entropy "
            "is 0.5 everywhere (counted as a coin toss, half right). Add a hidden layer";
  }
  return text + (running ? "; training." : ".");
}

std::vector<Figure> TrainingModel::figures() const {
  const auto [lowest, highest] = output_range();
  return {{"epoch", double(trainer_.epoch())},
          {"outputMin", lowest},
          {"outputMax", highest},
          {"loss", trainer_.loss()},
          {"accuracy", reported_accuracy()},
          {"learningRate", learning_rate_},
          {"frameWork", double(last_frame_work_)},
          {"diverged", trainer_.status() == neuron::TrainStatus::Diverged ? 1.0 : 0.0}};
}

}  // namespace lesson
