// training_setup.cpp: the layer sizes, data sets and settings the page's trainers share.
#include "training_setup.h"

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

}  // namespace lesson
