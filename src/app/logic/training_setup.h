// training_setup.h: what the page's trainers share, written once: a network's layer sizes,
// the page's data sets, gradient descent's settings by name, and their names in the
// edition's words.
#pragma once
#include <string>
#include <vector>

#include "dataset.h"
#include "trainer.h"

namespace lesson {

// A network on the plane: 2 inputs, `hidden_layers` layers of `width` units, one output.
std::vector<int> layer_sizes(int hidden_layers, int width);

// A data set as the page shows it: 120 points (blobs, circles; the logic gates keep their
// 4), noise 0.15, seed 1, so a reader sees the same points on every visit.
neuron::Dataset page_dataset(neuron::DataKind kind);

// Gradient descent as the page runs it: full batch unless `batch_size` says otherwise,
// mini-batch order from seed 1, the fast engine.
neuron::TrainConfig train_config(double learning_rate, neuron::Loss loss, int batch_size = 0);

// An activation's and a data set's names as the figure shows them, in the edition's words
// (the URL's names are neuron::name()'s).
const char* activation_word(neuron::Activation f);
const char* data_word(neuron::DataKind kind);  // "AND", "blobs"

// Why a diverged trainer stopped (Trainer::divergence()), in the edition's words, its
// numbers as the trainer's message() writes them, with the edition's decimal mark ("" when
// it did not diverge). In English, the trainer's message() word for word.
std::string diverged_words(const neuron::Divergence& divergence);

}  // namespace lesson
