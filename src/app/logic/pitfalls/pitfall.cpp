// pitfall.cpp: what is said about each pitfall, and the training loop the single-run
// pitfalls share.
#include "pitfall.h"

namespace lesson {

const std::vector<PitfallInfo>& pitfall_table() {
  static const std::vector<PitfallInfo> table = {
      {Pitfall::RateTooHigh, "lr", "Learning rate too high",
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
