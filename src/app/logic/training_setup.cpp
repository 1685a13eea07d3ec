// training_setup.cpp: the layer sizes, data sets and settings the page's trainers share.
#include "training_setup.h"

#include <string_view>

#include "words.h"

namespace lesson {

std::vector<int> layer_sizes(int hidden_layers, int width) {
  std::vector<int> sizes{2};
  for (int i = 0; i < hidden_layers; ++i) sizes.push_back(width);
  sizes.push_back(1);
  return sizes;
}

neuron::Dataset page_dataset(neuron::DataKind kind) {
  neuron::DataOptions options;
  options.points = 120;
  options.noise = 0.15;
  options.seed = 1;
  return neuron::make_dataset(kind, options);
}

neuron::TrainConfig train_config(double learning_rate, neuron::Loss loss, int batch_size) {
  neuron::TrainConfig config;
  config.learning_rate = learning_rate;
  config.loss = loss;
  config.batch_size = batch_size;
  config.seed = 1;
  return config;
}

const char* activation_word(neuron::Activation f) {
  switch (f) {
    case neuron::Activation::Step: return word(Word::activation_step);
    case neuron::Activation::Sigmoid: return word(Word::activation_sigmoid);
    case neuron::Activation::Tanh: return word(Word::activation_tanh);
    case neuron::Activation::Relu: return word(Word::activation_relu);
    case neuron::Activation::Identity: break;  // no scene offers it
  }
  return "";
}

const char* data_word(neuron::DataKind kind) {
  switch (kind) {
    case neuron::DataKind::And: return word(Word::data_and);
    case neuron::DataKind::Or: return word(Word::data_or);
    case neuron::DataKind::Xor: return word(Word::data_xor);
    case neuron::DataKind::Blobs: return word(Word::data_blobs);
    case neuron::DataKind::Circles: return word(Word::data_circles);
  }
  return "";
}

namespace {
// Cuts `text` at the first `mark`: returns what comes before it and leaves the rest after it;
// false (and `text` untouched) when the mark is not there.
bool take_until(std::string_view& text, std::string_view mark, std::string_view& before) {
  const std::size_t at = text.find(mark);
  if (at == std::string_view::npos) return false;
  before = text.substr(0, at);
  text.remove_prefix(at + mark.size());
  return true;
}
}  // namespace

// The forms of src/core/trainer.cpp's Trainer::diverge(): "training diverged after epoch E
// (loss L): WHY. Lower the learning rate and reset."
std::string diverged_words(const std::string& message) {
  constexpr std::string_view kStart = "training diverged after epoch ", kEnd = ". Lower the learning rate and reset.";
  std::string_view rest = message, epoch, loss, why;
  if (rest.substr(0, kStart.size()) != kStart || rest.size() < kStart.size() + kEnd.size() ||
      rest.substr(rest.size() - kEnd.size()) != kEnd)
    return message;
  rest.remove_prefix(kStart.size());
  rest.remove_suffix(kEnd.size());
  if (!take_until(rest, " (loss ", epoch) || !take_until(rest, "): ", loss)) return message;
  const std::string e(epoch), l = with_decimal_mark(std::string(loss));
  if (rest == "the starting weights give a non-finite loss") return say(Word::diverged_start, {e, l});
  if (rest == "the weights grew without bound") return say(Word::diverged_unbounded, {e, l});
  std::string_view to, from;
  if (take_until(rest, "the next epoch would have raised the loss to ", why) && why.empty() &&
      take_until(rest, ", from ", to) && take_until(rest, " at the start", from) && rest.empty())
    return say(Word::diverged_loss_rose, {e, l, with_decimal_mark(std::string(to)), with_decimal_mark(std::string(from))});
  return message;
}

}  // namespace lesson
