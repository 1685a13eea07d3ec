// depth_race.cpp: networks of every depth trained side by side on two blobs, within the
// frame's budget.
#include "depth_race.h"

#include "training_setup.h"

namespace lesson {

using neuron::Trainer;

// The fix: the smallest network that fits.
void DepthRacePitfall::preset(bool fixed) { depth_ = fixed ? 0 : 4; }

void DepthRacePitfall::rebuild(bool) {
  race_.clear();
  race_accuracy_.clear();
  for (int depth = 0; depth <= kMaxDepth; ++depth) {
    race_.emplace_back(neuron::Mlp(layer_sizes(depth, 8), activation_, neuron::Activation::Sigmoid, 1),
                       page_dataset(neuron::DataKind::Blobs), train_config(0.3, neuron::Loss::CrossEntropy));
    race_accuracy_.push_back({race_.back().accuracy()});
  }
}

bool DepthRacePitfall::still_racing(const Trainer& racer) const {
  return racer.epoch() < max_epochs() && racer.status() == neuron::TrainStatus::Ready;
}

bool DepthRacePitfall::race_done() const {
  for (const Trainer& t : race_)
    if (still_racing(t)) return false;
  return true;
}

// Each frame trains whole epochs, always the racer that is furthest behind, until the next
// epoch would pass the frame's budget: all depths advance together, at any speed.
FrameTrained DepthRacePitfall::train_frame() {
  FrameTrained frame;
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
    if (frame.weight_steps + cost > kWeightStepsPerFrame) break;
    behind->train(1);
    race_accuracy_[lane].push_back(behind->accuracy());
    frame.weight_steps += cost;
  }
  frame.goes_on = !race_done();
  return frame;
}

std::string DepthRacePitfall::summary() const {
  std::string accuracies;
  for (const Trainer& racer : race_)
    accuracies += (accuracies.empty() ? "" : word(Word::list_separator)) +
                  say(Word::pitfall_depth_accuracy, {format_number(100 * racer.accuracy(), 0)});
  return say(Word::pitfall_depth_summary,
             {std::to_string(kMaxDepth), activation_word(activation_), std::to_string(trainer().epoch()),
              std::to_string(max_epochs()), accuracies, format_number(100 * race_.front().accuracy(), 0)});
}

void DepthRacePitfall::add_figures(std::vector<Figure>& out) const {
  out.push_back({"depth", double(depth_)});
  for (std::size_t i = 0; i < race_.size(); ++i)
    if (const char* key = numbered_key("accuracyDepth", int(i))) out.push_back({key, race_[i].accuracy()});
}

}  // namespace lesson
