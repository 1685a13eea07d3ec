// training_model.cpp: the training scene's trainer, controls, summary and figures.
#include "training_model.h"

#include <algorithm>
#include <cctype>

namespace lesson {

using neuron::Activation;
using neuron::DataKind;

namespace {
neuron::Trainer make_trainer(DataKind data, double rate, neuron::Loss loss, bool hidden) {
  const std::vector<int> sizes = hidden ? std::vector<int>{2, 4, 1} : std::vector<int>{2, 1};
  return neuron::Trainer(neuron::Mlp(sizes, Activation::Tanh, Activation::Sigmoid, 1),
                         neuron::make_dataset(data, {120, 0.15, 1}), {rate, 0, loss, 1});
}
}  // namespace

TrainingModel::TrainingModel() : trainer_(make_trainer(data_, learning_rate_, loss_, false)) {}

void TrainingModel::rebuild() {
  trainer_ = make_trainer(data_, learning_rate_, loss_, hidden_layer_);
  running = false;
}

void TrainingModel::set_data(DataKind kind) { data_ = kind; rebuild(); }
void TrainingModel::set_loss(neuron::Loss loss) { loss_ = loss; rebuild(); }
void TrainingModel::set_hidden_layer(bool on) { hidden_layer_ = on; rebuild(); }
void TrainingModel::set_learning_rate(double rate) { learning_rate_ = rate; rebuild(); }

void TrainingModel::step() {
  trainer_.train(1);
  running = false;
}

void TrainingModel::reset() {
  trainer_.reset();
  running = false;
}

void TrainingModel::advance() {
  if (!running) return;
  trainer_.train(std::clamp(epochs_per_frame, 1, 50));
  if (trainer_.status() != neuron::TrainStatus::Ready || trainer_.epoch() >= kMaxEpochs)
    running = false;
}

std::string TrainingModel::model_name() const {
  return hidden_layer_ ? "a 2-4-1 network" : "a single neuron";
}

const ParamTable& TrainingModel::param_table() const {
  using M = TrainingModel;
  static const ParamTable table = with_defaults<M>({
      choice_param<M>("data", "Data set", std::vector<DataKind>{DataKind::And, DataKind::Or, DataKind::Xor, DataKind::Blobs},
                      {"AND", "OR", "XOR", "blobs"},
                      [](const M& m) { return m.data(); }, [](M& m, DataKind k) { m.set_data(k); }),
      number_param<M>("lr", "Learning rate η", 0.001, 1000.0, "%.3g",
                      [](const M& m) { return m.learning_rate(); },
                      [](M& m, double v) { m.set_learning_rate(v); })
          .logarithmic()
          .described("learning rate η of gradient descent"),
      choice_param<M>("loss", "Loss", std::vector<neuron::Loss>{neuron::Loss::CrossEntropy, neuron::Loss::SquaredError},
                      {"cross-entropy", "squared error"},
                      [](const M& m) { return m.loss(); }, [](M& m, neuron::Loss l) { m.set_loss(l); })
          .described("loss function"),
      toggle_param<M>("hidden", "add a hidden layer (2-4-1)",
                      [](const M& m) { return m.hidden_layer(); }, [](M& m, bool on) { m.set_hidden_layer(on); }),
      action_param<M>("run", "run (1) or pause (0) training", 0, 1,
                      [](M& m, double v) { m.running = v > 0.5; }),
  });
  return table;
}

std::string TrainingModel::summary() const {
  std::string data_name(neuron::name(data_));
  for (char& c : data_name) c = char(std::toupper(static_cast<unsigned char>(c)));
  if (data_ == DataKind::Blobs) data_name = "two blobs";
  std::string text = "Training " + model_name() + " on " + data_name + " with learning rate " +
                     format_number(learning_rate_, learning_rate_ < 0.1 ? 3 : 2) + ": ";
  if (trainer_.status() == neuron::TrainStatus::Diverged) return text + trainer_.message();
  text += "epoch " + std::to_string(trainer_.epoch()) + ", loss " +
          format_number(trainer_.loss(), 3) + ", accuracy " +
          format_number(100.0 * trainer_.accuracy(), 0) + "%";
  if (data_ == DataKind::Xor && !hidden_layer_ && trainer_.epoch() >= 50)
    text += ". One straight line cannot separate XOR: at best 3 of the 4 points are right";
  return text + (running ? "; training." : ".");
}

std::vector<Figure> TrainingModel::figures() const {
  return {{"epoch", double(trainer_.epoch())},
          {"loss", trainer_.loss()},
          {"accuracy", trainer_.accuracy()},
          {"learningRate", learning_rate_},
          {"diverged", trainer_.status() == neuron::TrainStatus::Diverged ? 1.0 : 0.0}};
}

}  // namespace lesson
