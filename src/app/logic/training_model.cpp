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
  // At most epochs_per_frame (the pace the eye can follow), and never past the frame budget.
  last_frame_work_ = 0;
  for (int i = 0; i < epochs_per_frame && trainer_.status() == neuron::TrainStatus::Ready; ++i) {
    if (i > 0 && last_frame_work_ + trainer_.epoch_work() > kWeightStepsPerFrame) break;
    trainer_.train(1);
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
  return data_ == DataKind::Xor && !hidden_layer_ && trainer_.epoch() >= 50 &&
         trainer_.status() == neuron::TrainStatus::Ready;
}

std::string TrainingModel::model_name() const {
  return hidden_layer_ ? "a 2-4-1 network" : "a single neuron";
}

const ParamTable& TrainingModel::param_table() const {
  using M = TrainingModel;
  static constexpr DataKind kData[] = {DataKind::And, DataKind::Or, DataKind::Xor, DataKind::Blobs};
  static constexpr neuron::Loss kLosses[] = {neuron::Loss::CrossEntropy, neuron::Loss::SquaredError};
  static const ParamTable table = with_defaults<M>({
      choice_param("data", "Data set", kData, {"AND", "OR", "XOR", "blobs"},
                   [](const SceneModel& s) { return index_of(kData, as<M>(s).data()); },
                   [](SceneModel& s, double i) { as<M>(s).set_data(kData[int(i)]); }),
      number_param("lr", "Learning rate η", 0.001, 1000.0, "%.3g",
                   [](const SceneModel& s) { return as<M>(s).learning_rate(); },
                   [](SceneModel& s, double v) { as<M>(s).set_learning_rate(v); })
          .logarithmic()
          .described("learning rate η of gradient descent"),
      choice_param("loss", "Loss", kLosses, {"cross-entropy", "squared error"},
                   [](const SceneModel& s) { return index_of(kLosses, as<M>(s).loss()); },
                   [](SceneModel& s, double i) { as<M>(s).set_loss(kLosses[int(i)]); })
          .described("loss function"),
      toggle_param("hidden", "add a hidden layer (2-4-1)",
                   [](const SceneModel& s) { return as<M>(s).hidden_layer() ? 1.0 : 0.0; },
                   [](SceneModel& s, double on) { as<M>(s).set_hidden_layer(on > 0.5); }),
      action_param("run", "run (1) or pause (0) training", 0, 1,
                   [](SceneModel& s, double v) { as<M>(s).running = v > 0.5; }),
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
  if (xor_on_one_neuron()) {
    const auto [lo, hi] = output_range();
    text += ". Its output is " + format_number(lo) + " to " + format_number(hi) +
            " on the four points: one straight line cannot separate XOR, and under cross-entropy the "
            "best a single neuron can do is answer 0.5 everywhere, so accuracy stays at 50% or less. "
            "Add a hidden layer";
  }
  return text + (running ? "; training." : ".");
}

std::vector<Figure> TrainingModel::figures() const {
  const auto [lowest, highest] = output_range();
  return {{"epoch", double(trainer_.epoch())},
          {"outputMin", lowest},
          {"outputMax", highest},
          {"loss", trainer_.loss()},
          {"accuracy", trainer_.accuracy()},
          {"learningRate", learning_rate_},
          {"frameWork", double(last_frame_work_)},
          {"diverged", trainer_.status() == neuron::TrainStatus::Diverged ? 1.0 : 0.0}};
}

}  // namespace lesson
