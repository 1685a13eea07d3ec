// maths_model.cpp: the loss landscape scene's grid, path, parameters and summary.
#include "maths_model.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace lesson {

MathsModel::MathsModel() : data_(neuron::make_dataset(neuron::DataKind::And)) {
  setup_.bias = -3.0;
  recompute_grid();
  recompute_path();
}

void MathsModel::recompute_grid() {
  grid_ = neuron::loss_grid(data_, setup_, -kRange, kRange, kResolution);
}

void MathsModel::recompute_path() {
  path_ = neuron::descent_path(data_, setup_, start_w1_, start_w2_, learning_rate_, kSteps, 1e3);
}

void MathsModel::set_start(double w1, double w2) {
  start_w1_ = std::clamp(std::isfinite(w1) ? w1 : 0.0, -kRange, kRange);
  start_w2_ = std::clamp(std::isfinite(w2) ? w2 : 0.0, -kRange, kRange);
  recompute_path();
}

void MathsModel::set_learning_rate(double rate) {
  learning_rate_ = std::clamp(std::isfinite(rate) ? rate : 1.0, 0.01, 50.0);
  recompute_path();
}

void MathsModel::set_bias(double bias) {
  setup_.bias = std::clamp(std::isfinite(bias) ? bias : 0.0, -6.0, 6.0);
  recompute_grid();
  recompute_path();
}

void MathsModel::set_data(neuron::DataKind kind) {
  data_ = neuron::make_dataset(kind);
  recompute_grid();
  recompute_path();
}

void MathsModel::apply(const QueryParam& param, Warnings& warnings) {
  double value = 0;
  int index = 0;
  if (param.key == "w1") {
    if (read_number(param, -kRange, kRange, &value, warnings)) set_start(value, start_w2_);
  } else if (param.key == "w2") {
    if (read_number(param, -kRange, kRange, &value, warnings)) set_start(start_w1_, value);
  } else if (param.key == "lr") {
    if (read_number(param, 0.01, 50.0, &value, warnings)) set_learning_rate(value);
  } else if (param.key == "b") {
    if (read_number(param, -6.0, 6.0, &value, warnings)) set_bias(value);
  } else if (param.key == "data") {
    if (read_choice(param, {"and", "or"}, &index, warnings))
      set_data(index == 0 ? neuron::DataKind::And : neuron::DataKind::Or);
  } else {
    unknown(param, warnings);
  }
}

std::vector<QueryParam> MathsModel::params() const {
  return {{"data", std::string(neuron::name(data_.kind))},
          {"w1", url_number(start_w1_)},
          {"w2", url_number(start_w2_)},
          {"b", url_number(setup_.bias)},
          {"lr", url_number(learning_rate_)}};
}

std::string MathsModel::summary() const {
  const neuron::WeightPoint& start = path_.front();
  const neuron::WeightPoint& end = path_.back();
  std::string data_name(neuron::name(data_.kind));
  for (char& c : data_name) c = char(std::toupper(static_cast<unsigned char>(c)));
  return "Loss landscape of one sigmoid neuron on " + data_name + " with bias " +
         format_number(setup_.bias, 1) + ": gradient descent from (w1, w2) = (" +
         format_number(start.w1, 1) + ", " + format_number(start.w2, 1) + "), loss " +
         format_number(start.loss) + ", reaches (" + format_number(end.w1, 1) + ", " +
         format_number(end.w2, 1) + "), loss " + format_number(end.loss) + ", in " +
         std::to_string(path_.size() - 1) + " steps of learning rate " +
         format_number(learning_rate_, 2) + ".";
}

std::vector<Figure> MathsModel::figures() const {
  return {{"startW1", path_.front().w1}, {"startW2", path_.front().w2},
          {"startLoss", path_.front().loss}, {"endW1", path_.back().w1},
          {"endW2", path_.back().w2}, {"endLoss", path_.back().loss},
          {"steps", double(path_.size() - 1)}, {"learningRate", learning_rate_}};
}

}  // namespace lesson
