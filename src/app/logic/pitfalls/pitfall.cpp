// pitfall.cpp: what is said about each pitfall (its words: the catalog's pitfall.*), and the training loop the single-run
// pitfalls share.
#include "pitfall.h"

namespace lesson {

const std::vector<PitfallInfo>& pitfall_table() {
  static const std::vector<PitfallInfo> table = {
      {Pitfall::RateTooHigh, "lr", Word::pitfall_lr_button, Word::pitfall_lr_problem, Word::pitfall_lr_fix, 100},
      {Pitfall::MismatchedLoss, "loss", Word::pitfall_loss_button, Word::pitfall_loss_problem, Word::pitfall_loss_fix,
       400},
      {Pitfall::VanishingGradients, "vanishing", Word::pitfall_vanishing_button, Word::pitfall_vanishing_problem,
       Word::pitfall_vanishing_fix, 300},
      {Pitfall::Depth, "depth", Word::pitfall_depth_button, Word::pitfall_depth_problem, Word::pitfall_depth_fix, 300},
  };
  return table;
}

const PitfallInfo& info(Pitfall pitfall) {
  for (const PitfallInfo& row : pitfall_table())
    if (row.pitfall == pitfall) return row;
  return pitfall_table().front();
}

const char* name(Pitfall pitfall) { return info(pitfall).name; }

bool PitfallUnit::can_train() const {
  return trainer().status() == neuron::TrainStatus::Ready && trainer().epoch() < max_epochs();
}

FrameTrained PitfallUnit::train_side_by_side(const std::vector<neuron::Trainer*>& trainers, int wanted) {
  long cost = 0;
  for (const neuron::Trainer* t : trainers) cost += t->epoch_work();
  neuron::Trainer& lead = *trainers.front();
  const int epochs = epochs_this_frame(wanted, cost);
  FrameTrained frame;
  for (int i = 0; i < epochs && frame.goes_on; ++i) {
    frame.weight_steps += cost;
    for (neuron::Trainer* t : trainers) t->train(1);
    record();
    if (lead.status() != neuron::TrainStatus::Ready || lead.epoch() >= max_epochs()) frame.goes_on = false;
  }
  return frame;
}

}  // namespace lesson
