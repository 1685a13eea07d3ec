// bench_train: trains a small network on the circles data and prints one JSON line with
// the speed (samples per second = forward + backward passes per second, epochs per second)
// and the final loss. Built natively and as wasm (run under Node) from the same core code.
//   bench_train --layers 2,8,8,1 --act tanh --points 250 --batch 10 --lr 0.03 --epochs 200
//               --seed 1 [--seconds 2] [--impl fast|page|reference]
// fast: FastNetwork alone (float, preallocated, four points per vector);
// page: Trainer with Engine::Fast, as the page trains (FastNetwork, plus each epoch's loss,
//       accuracy and divergence check);
// reference: Trainer with Engine::Reference (Mlp: double, Eigen).
// --seconds: train at least that long (in whole runs of --epochs), so that short runs do not
// measure V8's warm-up or a moment's load; the figures are for all epochs trained.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <numeric>
#include <string>
#include <vector>

#include "dataset.h"
#include "fast_network.h"
#include "random.h"
#include "trainer.h"

using namespace neuron;

namespace {
struct Options {
  std::vector<int> layers{2, 8, 8, 1};
  std::string layers_text = "2,8,8,1";
  Activation act = Activation::Tanh;
  int points = 250, batch = 10, epochs = 200;
  double lr = 0.03;
  std::uint64_t seed = 1;
  double seconds = 0.0;
  std::string impl = "fast";
};

[[noreturn]] void usage(const char* why) {
  std::fprintf(stderr, "bench_train: %s\nusage: bench_train [--layers 2,8,8,1] [--act tanh|relu|sigmoid] "
               "[--points 250] [--batch 10] [--lr 0.03] [--epochs 200] [--seed 1] [--seconds 0] "
               "[--impl fast|page|reference]\n", why);
  std::exit(2);
}

double number(const char* text, double lo, double hi, const char* what) {
  char* end = nullptr;
  const double v = std::strtod(text, &end);
  if (!end || *end || !(v >= lo && v <= hi)) usage((std::string("bad ") + what).c_str());
  return v;
}

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string key = argv[i];
    if (i + 1 >= argc) usage(("missing value for " + key).c_str());
    const char* value = argv[++i];
    if (key == "--layers") {
      o.layers.clear();
      o.layers_text = value;
      for (const char* p = value; *p;) {
        char* end = nullptr;
        const long n = std::strtol(p, &end, 10);
        if (end == p || n < 1 || n > FastNetwork::kMaxWidth) usage("bad --layers");
        o.layers.push_back(int(n));
        p = *end == ',' ? end + 1 : end;
        if (*end && *end != ',') usage("bad --layers");
      }
      if (o.layers.size() < 2 || o.layers.front() != 2 || o.layers.back() != 1)
        usage("--layers must start with 2 and end with 1");
    } else if (key == "--act") {
      const auto f = parse_activation(value);
      if (!f) usage("bad --act");
      o.act = *f;
    } else if (key == "--points") o.points = int(number(value, 2, 1e6, "--points"));
    else if (key == "--batch") o.batch = int(number(value, 1, 1e6, "--batch"));
    else if (key == "--lr") o.lr = number(value, 1e-9, 1e3, "--lr");
    else if (key == "--epochs") o.epochs = int(number(value, 1, 1e7, "--epochs"));
    else if (key == "--seed") o.seed = std::uint64_t(number(value, 0, 1e15, "--seed"));
    else if (key == "--seconds") o.seconds = number(value, 0, 3600, "--seconds");
    else if (key == "--impl") {
      o.impl = value;
      if (o.impl != "fast" && o.impl != "page" && o.impl != "reference") usage("bad --impl");
    } else usage(("unknown option " + key).c_str());
  }
  return o;
}

// One run of o.epochs epochs by the chosen implementation; returns the final loss.
double run(const Options& o, const Dataset& data, const Mlp& initial, const std::vector<float>& x,
           const std::vector<float>& y) {
  const int n = int(data.points.size());
  if (o.impl == "fast") {
    std::vector<int> order(static_cast<std::size_t>(n));
    std::iota(order.begin(), order.end(), 0);
    FastNetwork net(initial);
    Rng rng(o.seed);
    // The shuffle happens inside train_epoch, not here: V8 never moves a running wasm
    // function to its optimising tier (no on-stack replacement), so a loop in main(),
    // entered once, would run baseline code throughout.
    for (int e = 0; e < o.epochs; ++e) net.train_epoch(x.data(), y.data(), order.data(), n, o.batch, float(o.lr), &rng);
    return net.mean_loss(x.data(), y.data(), n);
  }
  Trainer trainer(initial, data, {o.lr, o.batch, Loss::CrossEntropy, o.seed,
                                  o.impl == "page" ? Engine::Fast : Engine::Reference});
  trainer.train(o.epochs);
  return trainer.loss();
}
}  // namespace

int main(int argc, char** argv) {
  const Options o = parse(argc, argv);
  const Dataset data = make_dataset(DataKind::Circles, {o.points, 0.1, o.seed});
  const Mlp initial(o.layers, o.act, Activation::Sigmoid, o.seed);
  const int n = int(data.points.size());
  std::vector<float> x(static_cast<std::size_t>(2 * n)), y(static_cast<std::size_t>(n));
  for (int p = 0; p < n; ++p) {
    x[std::size_t(2 * p)] = float(data.points[std::size_t(p)].x1);
    x[std::size_t(2 * p + 1)] = float(data.points[std::size_t(p)].x2);
    y[std::size_t(p)] = float(data.points[std::size_t(p)].label);
  }

  double final_loss = 0.0, seconds = 0.0;
  long epochs = 0;
  const auto start = std::chrono::steady_clock::now();
  do {
    final_loss = run(o, data, initial, x, y);
    epochs += o.epochs;
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  } while (seconds < o.seconds);
  const double samples = double(epochs) * n;
  std::printf("{\"impl\":\"%s\",\"layers\":\"%s\",\"act\":\"%s\",\"points\":%d,\"batch\":%d,\"lr\":%g,"
              "\"epochs\":%ld,\"seed\":%llu,\"seconds\":%.6f,\"samples_per_second\":%.0f,"
              "\"epochs_per_second\":%.1f,\"final_loss\":%.6f}\n",
              o.impl.c_str(), o.layers_text.c_str(), std::string(name(o.act)).c_str(), n, o.batch, o.lr, epochs,
              (unsigned long long)o.seed, seconds, samples / seconds, double(epochs) / seconds, final_loss);
  return 0;
}
