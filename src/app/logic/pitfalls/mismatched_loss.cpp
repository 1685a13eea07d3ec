// mismatched_loss.cpp: a saturated sigmoid under squared error and under cross-entropy,
// from the same confidently wrong start.
#include "mismatched_loss.h"

#include <cmath>

#include "training_setup.h"

namespace lesson {

using neuron::Activation;
using neuron::Loss;

namespace {
// A sigmoid neuron that starts confidently wrong on AND: it says "1" for every input.
neuron::Trainer confidently_wrong(Loss loss) {
  neuron::Mlp cell({2, 1}, Activation::Sigmoid, Activation::Sigmoid, 1);
  cell.layers[0].weights << -3.0, -3.0;
  cell.layers[0].bias << 5.0;
  return neuron::Trainer(cell, neuron::make_dataset(neuron::DataKind::And), train_config(1.0, loss));
}

// Mean |a - y| over the data: how far the outputs are from the labels, on the same scale
// whatever the loss.
double mean_error(const neuron::Trainer& trainer) {
  const Eigen::MatrixXd out = trainer.model().predict(trainer.data().inputs());
  const double e = (out - trainer.data().labels()).cwiseAbs().mean();
  return std::isfinite(e) ? e : 1.0;
}
}  // namespace

MismatchedLossPitfall::MismatchedLossPitfall()
    : squared_(confidently_wrong(Loss::SquaredError)), twin_(confidently_wrong(Loss::CrossEntropy)) {}

void MismatchedLossPitfall::rebuild(bool) {
  squared_ = confidently_wrong(Loss::SquaredError);
  twin_ = confidently_wrong(Loss::CrossEntropy);
  error_squared_.clear();
  error_cross_entropy_.clear();
  squared_solved_ = cross_entropy_solved_ = -1;
  record();
}

void MismatchedLossPitfall::record() {
  error_squared_.push_back(mean_error(squared_));
  error_cross_entropy_.push_back(mean_error(twin_));
  if (squared_solved_ < 0 && squared_.accuracy() == 1.0) squared_solved_ = squared_.epoch();
  if (cross_entropy_solved_ < 0 && twin_.accuracy() == 1.0) cross_entropy_solved_ = twin_.epoch();
}

// Up to four epochs of both a frame: the same pace, so the two curves stay comparable.
FrameTrained MismatchedLossPitfall::train_frame() { return train_side_by_side({&squared_, &twin_}, 4); }

std::string MismatchedLossPitfall::summary() const {
  return say(Word::pitfall_loss_summary,
             {std::to_string(squared_.epoch()), format_number(100 * squared_.accuracy(), 0),
              format_number(error_squared_.back()), format_number(100 * twin_.accuracy(), 0),
              format_number(error_cross_entropy_.back())});
}

void MismatchedLossPitfall::add_figures(std::vector<Figure>& out) const {
  out.push_back({"errorSquared", error_squared_.back()});
  out.push_back({"errorCrossEntropy", error_cross_entropy_.back()});
  out.push_back({"accuracyCrossEntropy", twin_.accuracy()});
  out.push_back({"solvedSquared", double(squared_solved_)});
  out.push_back({"solvedCrossEntropy", double(cross_entropy_solved_)});
}

}  // namespace lesson
