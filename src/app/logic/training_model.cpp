// training_model.cpp: the training scene's trainer, controls, summary and figures.
#include "training_model.h"

#include <algorithm>
#include <cctype>
#include <cmath>

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
void TrainingModel::set_learning_rate(double rate) {
  learning_rate_ = std::clamp(std::isfinite(rate) ? rate : 1.0, kMinRate, kMaxRate);
  rebuild();
}

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

void TrainingModel::apply(const QueryParam& param, Warnings& warnings) {
  int index = 0;
  double value = 0;
  if (param.key == "data") {
    if (read_choice(param, {"and", "or", "xor", "blobs"}, &index, warnings))
      set_data(neuron::kAllDataKinds[index]);
  } else if (param.key == "lr") {
    if (read_number(param, kMinRate, kMaxRate, &value, warnings)) set_learning_rate(value);
  } else if (param.key == "loss") {
    if (read_choice(param, {"cross-entropy", "squared-error"}, &index, warnings))
      set_loss(index == 0 ? neuron::Loss::CrossEntropy : neuron::Loss::SquaredError);
  } else if (param.key == "hidden") {
    if (read_number(param, 0, 1, &value, warnings)) set_hidden_layer(value > 0.5);
  } else if (param.key == "run") {
    if (read_number(param, 0, 1, &value, warnings)) running = value > 0.5;
  } else {
    unknown(param, warnings);
  }
}

std::vector<QueryParam> TrainingModel::params() const {
  return {{"data", std::string(neuron::name(data_))},
          {"lr", url_number(learning_rate_)},
          {"loss", std::string(neuron::name(loss_))},
          {"hidden", hidden_layer_ ? "1" : "0"}};
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
