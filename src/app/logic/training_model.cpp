// training_model.cpp: the training scene's trainer, controls, summary and figures.
#include "training_model.h"

#include "training_setup.h"

#include <algorithm>
#include <cmath>

namespace lesson {

using neuron::Activation;
using neuron::DataKind;

namespace {
neuron::Trainer make_trainer(DataKind data, double rate, neuron::Loss loss, int layers, int width) {
  return neuron::Trainer(neuron::Mlp(layer_sizes(layers, width), Activation::Tanh, Activation::Sigmoid, 1),
                         page_dataset(data), train_config(rate, loss));
}

// Whether two ends read the same as the figure writes them ("0.50" and "0.50").
bool read_alike(double lo, double hi) { return format_number(lo) == format_number(hi); }
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
  if (hidden_layers_ == 0) return word(Word::train_model_single);
  std::string shape = "2";
  for (int i = 0; i < hidden_layers_; ++i) shape += "-" + std::to_string(width_);
  return say(Word::train_model_network, {shape});
}

const ParamTable& TrainingModel::param_table() const {
  using M = TrainingModel;
  static constexpr DataKind kData[] = {DataKind::And, DataKind::Or, DataKind::Xor, DataKind::Blobs, DataKind::Circles};
  static constexpr neuron::Loss kLosses[] = {neuron::Loss::CrossEntropy, neuron::Loss::SquaredError};
  static const ParamTable table = with_defaults<M>({
      toggle_button_param("run", word(Word::control_run), word(Word::control_pause), [](const SceneModel& s) { return as<M>(s).running ? 1.0 : 0.0; },
                          [](SceneModel& s, double v) { as<M>(s).running = v > 0.5 && as<M>(s).can_train(); })
          .described(LESSON_URL_DOC("run (1) or pause (0) training"))
          .enabled_when([](const SceneModel& s) { return as<M>(s).running || as<M>(s).can_train(); },
                        word(Word::train_stopped)),
      button_param("step", word(Word::control_step), [](SceneModel& s, double) { as<M>(s).step(); })
          .described(word(Word::train_step_help))
          .enabled_when([](const SceneModel& s) { return as<M>(s).can_train(); }, word(Word::train_stopped)),
      button_param("reset", word(Word::control_reset), [](SceneModel& s, double) { as<M>(s).reset(); })
          .described(word(Word::control_reset_weights_help)),
      choice_param("data", word(Word::control_data), kData,
                   {data_word(DataKind::And), data_word(DataKind::Or), data_word(DataKind::Xor),
                    data_word(DataKind::Blobs), data_word(DataKind::Circles)},
                   [](const SceneModel& s) { return index_of(kData, as<M>(s).data()); },
                   [](SceneModel& s, double i) { as<M>(s).set_data(kData[int(i)]); }),
      number_param("lr", word(Word::control_learning_rate), 0.001, 1000.0, "%.4g",
                   [](const SceneModel& s) { return as<M>(s).learning_rate(); },
                   [](SceneModel& s, double v) { as<M>(s).set_learning_rate(v); })
          .logarithmic()
          .described(LESSON_URL_DOC("learning rate η of gradient descent")),
      choice_param("loss", word(Word::train_loss), kLosses,
                   {word(Word::loss_cross_entropy), word(Word::loss_squared_error)},
                   [](const SceneModel& s) { return index_of(kLosses, as<M>(s).loss()); },
                   [](SceneModel& s, double i) { as<M>(s).set_loss(kLosses[int(i)]); })
          .described(LESSON_URL_DOC("loss function")),
      number_param("layers", word(Word::train_layers), 0, 3, "%.0f", [](const SceneModel& s) { return double(as<M>(s).hidden_layers()); },
                   [](SceneModel& s, double v) { as<M>(s).set_hidden_layers(int(v)); })
          .whole_numbers()
          .described(LESSON_URL_DOC("hidden layers between the inputs and the output neuron (0: a single neuron)")),
      number_param("width", word(Word::train_width), 2, 8, "%.0f", [](const SceneModel& s) { return double(as<M>(s).width()); },
                   [](SceneModel& s, double v) { as<M>(s).set_width(int(v)); })
          .whole_numbers()
          .described(LESSON_URL_DOC("neurons in each hidden layer"))
          .only_when([](const SceneModel& s) { return as<M>(s).hidden_layers() > 0; }),
  });
  return table;
}

bool TrainingModel::output_reads_flat() const {
  const auto [lo, hi] = output_range();
  return read_alike(lo, hi);
}

std::string TrainingModel::output_range_words() const {
  const auto [lo, hi] = output_range();  // one pass over the data, not one more for the test
  return read_alike(lo, hi) ? format_number(lo) : say(Word::train_output_range, {format_number(lo), format_number(hi)});
}

std::string TrainingModel::summary() const {
  const char* data_name = data_ == DataKind::Blobs     ? word(Word::train_summary_blobs)
                          : data_ == DataKind::Circles ? word(Word::train_summary_circles)
                                                       : data_word(data_);
  const std::string model = model_name(),
                    rate = format_number(learning_rate_, learning_rate_ >= 10 ? 0 : learning_rate_ < 0.1 ? 3 : 2);
  if (trainer_.status() == neuron::TrainStatus::Diverged)
    return say(Word::train_summary_diverged, {model, data_name, rate, diverged_words(trainer_.divergence())});
  const std::string epoch = std::to_string(trainer_.epoch()), loss = format_number(trainer_.loss(), 3),
                    accuracy = format_number(100.0 * reported_accuracy(), 0);
  if (xor_on_one_neuron()) {
    return say(running ? Word::train_summary_xor_running : Word::train_summary_xor,
               {model, data_name, rate, epoch, loss, accuracy, output_range_words()});
  }
  return say(running ? Word::train_summary_running : Word::train_summary, {model, data_name, rate, epoch, loss, accuracy});
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
