// training_setup.cpp: the layer sizes, data sets and settings the page's trainers share.
#include "training_setup.h"

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

std::string diverged_words(const neuron::Divergence& d) {
  const auto number = [](double v) { return with_decimal_mark(neuron::short_number(v)); };
  const std::string epoch = std::to_string(d.epoch), loss = number(d.loss);
  switch (d.reason) {
    case neuron::DivergenceReason::StartNotFinite: return say(Word::diverged_start, {epoch, loss});
    case neuron::DivergenceReason::Unbounded: return say(Word::diverged_unbounded, {epoch, loss});
    case neuron::DivergenceReason::LossRose:
      return say(Word::diverged_loss_rose, {epoch, loss, number(d.raised_to), number(d.start_loss)});
    case neuron::DivergenceReason::None: break;
  }
  return "";
}

}  // namespace lesson
