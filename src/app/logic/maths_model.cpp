// maths_model.cpp: the loss landscape scene's grid, path, parameters and summary.
#include "maths_model.h"

#include <algorithm>
#include <cmath>

#include "training_setup.h"

namespace lesson {

MathsModel::MathsModel() : data_(neuron::make_dataset(neuron::DataKind::And)) {
  setup_.bias = -3.0;
  recompute_path();
}

const neuron::LossGrid& MathsModel::grid() const {
  if (grid_stale_) {
    grid_ = neuron::loss_grid(data_, setup_, -kRange, kRange, kResolution);
    grid_stale_ = false;
  }
  return grid_;
}

void MathsModel::recompute_path() {
  path_ = neuron::descent_path(data_, setup_, start_w1_, start_w2_, learning_rate_, kSteps, 1e3);
  shown_steps_ = int(path_.size()) - 1;
}

void MathsModel::advance() {
  shown_steps_ = reduced_motion ? int(path_.size()) - 1 : std::min(shown_steps_ + kReplayStepsPerFrame, int(path_.size()) - 1);
}

void MathsModel::set_start(double w1, double w2) {
  start_w1_ = w1;
  start_w2_ = w2;
  recompute_path();
}

void MathsModel::set_learning_rate(double rate) {
  learning_rate_ = rate;
  recompute_path();
}

void MathsModel::set_bias(double bias) {
  setup_.bias = bias;
  grid_stale_ = true;
  recompute_path();
}

void MathsModel::set_data(neuron::DataKind kind) {
  data_ = neuron::make_dataset(kind);
  grid_stale_ = true;
  recompute_path();
}

const ParamTable& MathsModel::param_table() const {
  using M = MathsModel;
  static constexpr neuron::DataKind kData[] = {neuron::DataKind::And, neuron::DataKind::Or};
  static const ParamTable table = with_defaults<M>({
      choice_param("data", word(Word::control_data), kData,
                   {data_word(neuron::DataKind::And), data_word(neuron::DataKind::Or)},
                   [](const SceneModel& s) { return index_of(kData, as<M>(s).data().kind); },
                   [](SceneModel& s, double i) { as<M>(s).set_data(kData[int(i)]); }),
      number_param("lr", word(Word::control_learning_rate), 0.01, 50.0, "%.3g",
                   [](const SceneModel& s) { return as<M>(s).learning_rate(); },
                   [](SceneModel& s, double v) { as<M>(s).set_learning_rate(v); })
          .logarithmic()
          .described(LESSON_URL_DOC("learning rate η of the descent path")),
      number_param("b", word(Word::maths_bias), -kRange, kRange, "%.1f",
                   [](const SceneModel& s) { return as<M>(s).setup().bias; },
                   [](SceneModel& s, double v) { as<M>(s).set_bias(v); }),
      number_param("w1", word(Word::maths_start_w1), -kRange, kRange, "%.1f", [](const SceneModel& s) { return as<M>(s).start_w1(); },
                   [](SceneModel& s, double v) { as<M>(s).set_start(v, as<M>(s).start_w2()); }),
      number_param("w2", word(Word::maths_start_w2), -kRange, kRange, "%.1f", [](const SceneModel& s) { return as<M>(s).start_w2(); },
                   [](SceneModel& s, double v) { as<M>(s).set_start(as<M>(s).start_w1(), v); }),
      action_param("replay", LESSON_URL_DOC("draw the descent path again, a few steps a frame (1)"), 0.0, 1.0,
                   [](SceneModel& s, double on) { if (on > 0.5) as<M>(s).replay(); }),
  });
  return table;
}

std::string MathsModel::summary() const {
  const neuron::WeightPoint& start = path_.front();
  const neuron::WeightPoint& end = shown_end();
  return say(Word::maths_summary,
             {data_word(data_.kind), format_number(setup_.bias, 1), format_number(start.w1, 1),
              format_number(start.w2, 1), format_number(start.loss), format_number(end.w1, 1),
              format_number(end.w2, 1), format_number(end.loss), std::to_string(shown_steps_),
              format_number(learning_rate_, 2)});
}

std::vector<Figure> MathsModel::figures() const {
  return {{"startW1", path_.front().w1}, {"startW2", path_.front().w2},
          {"startLoss", path_.front().loss}, {"endW1", shown_end().w1},
          {"endW2", shown_end().w2}, {"endLoss", shown_end().loss},
          {"steps", double(shown_steps_)}, {"learningRate", learning_rate_},
          {"lowestLoss", grid().lowest}};
}

}  // namespace lesson
