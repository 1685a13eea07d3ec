// pitfalls_model.cpp: the four failure modes, their presets, fixes and summaries.
#include "pitfalls_model.h"

#include "curvature.h"
#include "training_setup.h"

#include <algorithm>
#include <cmath>

namespace lesson {

using neuron::Activation;
using neuron::DataKind;
using neuron::Loss;
using neuron::Mlp;
using neuron::Trainer;

const std::vector<PitfallInfo>& pitfall_table() {
  static const std::vector<PitfallInfo> table = {
      {Pitfall::LearningRate, "lr", "Learning rate too high",
       "Each step moves the weights by η times the gradient. Past a critical η the step jumps over "
       "the bottom of the loss bowl and lands higher up the other side, further every time: the "
       "loss grows geometrically until training stops.",
       "Fix: a learning rate below the critical one. The loss of this linear neuron is a bowl; a "
       "step converges only while η stays under 2/λ, where λ is the bowl's steepest curvature "
       "(the Hessian's largest eigenvalue), computed here from the data.", 100},
      {Pitfall::MismatchedLoss, "loss", "Mismatched loss",
       "Both neurons start confidently wrong. With squared error the gradient is 2(a − y)·σ'(z), and "
       "σ'(z) is almost 0 when the sigmoid is saturated, so learning crawls. With cross-entropy the "
       "σ'(z) cancels: the gradient is simply a − y.",
       "Fix: pair a sigmoid output with cross-entropy (the loss of a probability).", 400},
      {Pitfall::VanishingGradients, "vanishing", "Vanishing gradients",
       "Backpropagation multiplies by f'(z) at every layer. A sigmoid's slope is at most 1/4, so "
       "the gradient shrinks on its way back through six layers, the bars show by how much, and "
       "the early layers barely move.",
       "Fix: ReLU (slope 1 where active) with starting weights scaled to suit it (He "
       "initialisation), or tanh with Xavier's scaling; or fewer layers.", 300},
      {Pitfall::Depth, "depth", "Deeper is not smarter",
       "Two blobs need one straight line: a single neuron gets them all. With sigmoid, extra layers "
       "add parameters, not sense, and past a few layers the stack no longer trains at all "
       "(vanishing gradients); with tanh or ReLU every depth gets there, and depth adds nothing. "
       "This shows that depth does not help on easy data; it does not show that depth never "
       "helps: XOR needs a hidden layer.",
       "Fix: measure. Use the smallest network that fits the data, and add depth only when the "
       "loss says the model is too simple.", 300},
  };
  return table;
}

const PitfallInfo& info(Pitfall pitfall) {
  for (const PitfallInfo& row : pitfall_table())
    if (row.pitfall == pitfall) return row;
  return pitfall_table().front();
}

const char* name(Pitfall pitfall) { return info(pitfall).name; }

namespace {

neuron::Dataset blobs() { return page_dataset(DataKind::Blobs); }

Trainer empty_trainer() { return Trainer(Mlp({2, 1}, Activation::Sigmoid, Activation::Sigmoid, 1), blobs(), {}); }

// A sigmoid neuron that starts confidently wrong on AND: it says "1" for every input.
Trainer confidently_wrong(Loss loss) {
  Mlp cell({2, 1}, Activation::Sigmoid, Activation::Sigmoid, 1);
  cell.layers[0].weights << -3.0, -3.0;
  cell.layers[0].bias << 5.0;
  return Trainer(cell, neuron::make_dataset(DataKind::And), train_config(1.0, loss));
}

// Mean |a - y| over the data: how far the outputs are from the labels, on the same scale
// whatever the loss.
double mean_error(const Trainer& trainer) {
  const Eigen::MatrixXd out = trainer.model().predict(trainer.data().inputs());
  const double e = (out - trainer.data().labels()).cwiseAbs().mean();
  return std::isfinite(e) ? e : 1.0;
}
}  // namespace

// Opens on the first preset, running: the scene shows its point without a click.
PitfallsModel::PitfallsModel()
    : critical_rate_(neuron::critical_learning_rate(blobs())), trainer_(empty_trainer()), twin_(empty_trainer()) {
  select(Pitfall::LearningRate, false);
}

double PitfallsModel::fixed_rate() const { return std::round(50.0 * critical_rate_) / 100.0; }

void PitfallsModel::select(Pitfall pitfall, bool fixed) {
  pitfall_ = pitfall;
  fixed_ = fixed;
  if (pitfall == Pitfall::LearningRate) learning_rate_ = fixed ? fixed_rate() : kTooHighRate;
  if (pitfall == Pitfall::Depth) depth_ = fixed ? 0 : 4;  // the fix: the smallest network that fits
  rebuild();
  running = true;
}

void PitfallsModel::set_learning_rate(double rate) {
  learning_rate_ = rate;
  fixed_ = learning_rate_ < critical_rate_;
  rebuild();
}

void PitfallsModel::set_depth(int hidden_layers) { depth_ = hidden_layers; }

void PitfallsModel::set_race_activation(Activation f) {
  race_activation_ = f;
  rebuild();
  running = true;
}

const Trainer& PitfallsModel::trainer() const {
  return pitfall_ == Pitfall::Depth && !race_.empty() ? race_[std::size_t(depth_)] : trainer_;
}

bool PitfallsModel::still_racing(const Trainer& racer) const {
  return racer.epoch() < max_epochs() && racer.status() == neuron::TrainStatus::Ready;
}

bool PitfallsModel::race_done() const {
  for (const Trainer& t : race_)
    if (still_racing(t)) return false;
  return true;
}

void PitfallsModel::reset() { rebuild(); }

bool PitfallsModel::can_train() const {
  if (pitfall_ == Pitfall::Depth) return !race_done();
  return trainer_.status() == neuron::TrainStatus::Ready && trainer_.epoch() < max_epochs();
}

void PitfallsModel::rebuild() {
  running = false;
  error_squared_.clear();
  error_cross_entropy_.clear();
  squared_solved_ = cross_entropy_solved_ = -1;
  switch (pitfall_) {
    case Pitfall::LearningRate:
      // Linear neuron, squared error: the loss is a bowl, and gradient descent overshoots
      // its bottom by more each step once the rate passes 2 / (largest curvature).
      trainer_ = Trainer(Mlp({2, 1}, Activation::Identity, Activation::Identity, 1), blobs(),
                         train_config(learning_rate_, Loss::SquaredError));
      break;
    case Pitfall::MismatchedLoss:
      trainer_ = confidently_wrong(Loss::SquaredError);
      twin_ = confidently_wrong(Loss::CrossEntropy);
      break;
    case Pitfall::VanishingGradients:
      trainer_ = Trainer(Mlp(layer_sizes(6, 8), fixed_ ? Activation::Relu : Activation::Sigmoid,
                             Activation::Sigmoid, 1),
                         neuron::make_dataset(DataKind::Circles, {200, 0.1, 1}),
                         train_config(0.3, Loss::CrossEntropy, 20));
      break;
    case Pitfall::Depth:
      race_.clear();
      race_accuracy_.clear();
      for (int depth = 0; depth <= kMaxDepth; ++depth) {
        race_.emplace_back(Mlp(layer_sizes(depth, 8), race_activation_, Activation::Sigmoid, 1), blobs(),
                           train_config(0.3, Loss::CrossEntropy));
        race_accuracy_.push_back({race_.back().accuracy()});
      }
      break;
  }
  if (pitfall_ != Pitfall::Depth) {
    race_.clear();
    race_accuracy_.clear();
  }
  last_frame_work_ = 0;
  record();
}

void PitfallsModel::record() {
  if (pitfall_ == Pitfall::MismatchedLoss) {
    error_squared_.push_back(mean_error(trainer_));
    error_cross_entropy_.push_back(mean_error(twin_));
    if (squared_solved_ < 0 && trainer_.accuracy() == 1.0) squared_solved_ = trainer_.epoch();
    if (cross_entropy_solved_ < 0 && twin_.accuracy() == 1.0) cross_entropy_solved_ = twin_.epoch();
  }
  if (pitfall_ == Pitfall::VanishingGradients) layer_gradients_ = trainer_.layer_gradient_norms();
}

// Each frame trains whole epochs, always the racer that is furthest behind, until the next
// epoch would pass the frame's budget: all depths advance together, at any speed.
void PitfallsModel::advance_race() {
  last_frame_work_ = 0;
  for (;;) {
    Trainer* behind = nullptr;
    std::size_t lane = 0;
    for (std::size_t i = 0; i < race_.size(); ++i) {
      Trainer& t = race_[i];
      if (!still_racing(t)) continue;
      if (!behind || t.epoch() < behind->epoch()) {
        behind = &t;
        lane = i;
      }
    }
    if (!behind) break;
    const long cost = behind->epoch_work();
    if (last_frame_work_ + cost > kWeightStepsPerFrame) break;
    behind->train(1);
    race_accuracy_[lane].push_back(behind->accuracy());
    last_frame_work_ += cost;
  }
  if (race_done()) running = false;
}

void PitfallsModel::advance() {
  if (!running) return;
  if (pitfall_ == Pitfall::Depth) {
    advance_race();
    return;
  }
  // The learning rate: one epoch every kFramesPerOvershoot frames, so a watcher sees each
  // step overshoot further (it diverges in about ten).
  if (pitfall_ == Pitfall::LearningRate && ++frames_waited_ % kFramesPerOvershoot != 0) {
    last_frame_work_ = 0;
    return;
  }
  // Up to four epochs a frame, within the frame budget.
  const long cost = trainer_.epoch_work() + (pitfall_ == Pitfall::MismatchedLoss ? twin_.epoch_work() : 0);
  const int epochs = epochs_this_frame(pitfall_ == Pitfall::LearningRate ? 1 : 4, cost);
  last_frame_work_ = 0;
  for (int i = 0; i < epochs && running; ++i) {
    last_frame_work_ += cost;
    trainer_.train(1);
    if (pitfall_ == Pitfall::MismatchedLoss) twin_.train(1);
    record();
    if (trainer_.status() != neuron::TrainStatus::Ready || trainer_.epoch() >= max_epochs())
      running = false;
  }
}

const ParamTable& PitfallsModel::param_table() const {
  using M = PitfallsModel;
  static constexpr Activation kRaceActivations[] = {Activation::Sigmoid, Activation::Tanh, Activation::Relu};
  static constexpr Pitfall kPitfalls[] = {Pitfall::LearningRate, Pitfall::MismatchedLoss,
                                          Pitfall::VanishingGradients, Pitfall::Depth};
  static const ParamTable table = with_defaults<M>([] {
    std::vector<std::string> buttons;
    for (Pitfall p : kPitfalls) buttons.emplace_back(info(p).button);
    return ParamTable{
        choice_param("pitfall", "Pitfall", kPitfalls, buttons,
                     [](const SceneModel& s) { return index_of(kPitfalls, as<M>(s).pitfall()); },
                     // Another pitfall opens broken (one click shows the failure); the same keeps its fix.
                     [](SceneModel& s, double i) {
                       M& m = as<M>(s);
                       m.select(kPitfalls[int(i)], kPitfalls[int(i)] == m.pitfall() && m.fixed());
                     })
            .described("which failure mode is shown")
            .drawn_as_buttons(),
        toggle_param("fixed", "broken or fixed", [](const SceneModel& s) { return as<M>(s).fixed() ? 1.0 : 0.0; },
                     [](SceneModel& s, double on) { as<M>(s).select(as<M>(s).pitfall(), on > 0.5); })
            .described("0: broken, 1: with its fix applied")
            .drawn_as_buttons({"Break it", "Apply the fix"}),
        toggle_button_param("run", "Run", "Pause", [](const SceneModel& s) { return as<M>(s).running ? 1.0 : 0.0; },
                            [](SceneModel& s, double v) { as<M>(s).running = v > 0.5 && as<M>(s).can_train(); })
            .described("run (1) or pause (0) training")
            .enabled_when([](const SceneModel& s) { return as<M>(s).running || as<M>(s).can_train(); },
                          "Training has stopped: it diverged or finished. Reset to run it again."),
        button_param("reset", "Reset", [](SceneModel& s, double) { as<M>(s).reset(); })
            .described("Back to the starting weights"),
        number_param("lr", "Learning rate η", 0.01, 10.0, "%.3g",
                     [](const SceneModel& s) { return as<M>(s).learning_rate(); },
                     [](SceneModel& s, double v) { as<M>(s).set_learning_rate(v); })
            .logarithmic()
            // 1% apart: the largest rate that still converges is findable (2/λ here is 0.92).
            .finely(200)
            .described("learning rate η (with pitfall=lr)")
            .only_when([](const SceneModel& s) { return as<M>(s).pitfall() == Pitfall::LearningRate; }),
        choice_param("act", "Hidden activation", kRaceActivations, {},
                     [](const SceneModel& s) { return index_of(kRaceActivations, as<M>(s).race_activation()); },
                     [](SceneModel& s, double i) { as<M>(s).set_race_activation(kRaceActivations[int(i)]); })
            .described("hidden activation of every racer (with pitfall=depth)")
            .only_when([](const SceneModel& s) { return as<M>(s).pitfall() == Pitfall::Depth; }),
        number_param("depth", "Highlighted depth (hidden layers)", 0, kMaxDepth, "%.0f",
                     [](const SceneModel& s) { return double(as<M>(s).depth()); },
                     [](SceneModel& s, double v) { as<M>(s).set_depth(int(v)); })
            .whole_numbers()
            .described("the racer shown in detail: its hidden layers (with pitfall=depth)")
            .only_when([](const SceneModel& s) { return as<M>(s).pitfall() == Pitfall::Depth; }),
    };
  }());
  return table;
}

std::string PitfallsModel::summary() const {
  const Trainer& t = trainer();
  const std::string epoch = "epoch " + std::to_string(t.epoch());
  switch (pitfall_) {
    case Pitfall::LearningRate:
    {
      const std::string critical = "the critical rate " + format_number(critical_rate_) + " (2/λ for this data)";
      if (t.status() == neuron::TrainStatus::Diverged)
        return "Learning rate " + format_number(learning_rate_) + " is above " + critical +
               ", so each step overshoots further: " + t.message() + " Fix: a rate below " +
               format_number(critical_rate_) + ".";
      return "Learning rate " + format_number(learning_rate_) + (learning_rate_ < critical_rate_ ? ", below " : ", above ") +
             critical + ": " + epoch + ", loss " + format_number(t.loss(), 3) +
             (t.loss() > t.loss_history().front() ? ", rising." : ", falling.");
    }
    case Pitfall::MismatchedLoss:
      return "Same sigmoid neuron, same confidently wrong start, same learning rate, " + epoch +
             ": squared error gets " + format_number(100 * t.accuracy(), 0) + "% right (mean error " +
             format_number(error_squared_.back()) + "), cross-entropy " +
             format_number(100 * twin_.accuracy(), 0) + "% (mean error " +
             format_number(error_cross_entropy_.back()) + ").";
    case Pitfall::VanishingGradients: {
      const double first = layer_gradients_.empty() ? 0 : layer_gradients_.front();
      const double last = layer_gradients_.empty() ? 0 : layer_gradients_.back();
      return std::string(fixed_ ? "ReLU" : "Sigmoid") + " network with 6 hidden layers, " + epoch +
             ": gradient size " + format_significant(first) + " at the first layer, " +
             format_significant(last) + " at the last (the last is " + format_significant(last / first) +
             " times the first); loss " + format_number(t.loss(), 3) +
             ", accuracy " + format_number(100 * t.accuracy(), 0) + "%.";
    }
    case Pitfall::Depth: {
      std::string accuracies;
      for (const Trainer& racer : race_)
        accuracies += (accuracies.empty() ? "" : ", ") + format_number(100 * racer.accuracy(), 0) + "%";
      return "Networks of 0 to " + std::to_string(kMaxDepth) + " hidden " + std::string(neuron::name(race_activation_)) +
             " layers race on two blobs, " + epoch + " of " + std::to_string(max_epochs()) +
             ": accuracy by depth " + accuracies + ". A single neuron already gets " +
             format_number(100 * race_.front().accuracy(), 0) + "%; more layers do not do better.";
    }
  }
  return "";
}

std::vector<Figure> PitfallsModel::figures() const {
  std::vector<Figure> out{{"fixed", fixed_ ? 1.0 : 0.0},
                          {"epoch", double(trainer().epoch())},
                          {"loss", trainer().loss()},
                          {"accuracy", trainer().accuracy()},
                          {"diverged", trainer().status() == neuron::TrainStatus::Diverged ? 1.0 : 0.0},
                          {"frameWork", double(last_frame_work_)}};
  if (pitfall_ == Pitfall::LearningRate) {
    out.push_back({"learningRate", learning_rate_});
    out.push_back({"criticalRate", critical_rate_});
    out.push_back({"startLoss", trainer_.loss_history().front()});
  }
  if (pitfall_ == Pitfall::MismatchedLoss) {
    out.push_back({"errorSquared", error_squared_.back()});
    out.push_back({"errorCrossEntropy", error_cross_entropy_.back()});
    out.push_back({"accuracyCrossEntropy", twin_.accuracy()});
    out.push_back({"solvedSquared", double(squared_solved_)});
    out.push_back({"solvedCrossEntropy", double(cross_entropy_solved_)});
  }
  if (pitfall_ == Pitfall::VanishingGradients && !layer_gradients_.empty()) {
    out.push_back({"gradientFirst", layer_gradients_.front()});
    out.push_back({"gradientLast", layer_gradients_.back()});
    out.push_back({"gradientRatio", layer_gradients_.back() / layer_gradients_.front()});
  }
  if (pitfall_ == Pitfall::Depth) {
    out.push_back({"depth", double(depth_)});
    for (std::size_t i = 0; i < race_.size(); ++i)
      if (const char* key = numbered_key("accuracyDepth", int(i))) out.push_back({key, race_[i].accuracy()});
  }
  return out;
}

}  // namespace lesson
