// The scenes train only where the fast engine is known to follow the reference: every
// trainer a scene can build, over every combination of its parameter table's choices,
// toggles, whole numbers and the ends of its sliders, runs on the fast engine in a
// configuration of src/core/fast_network_coverage.h, the list tests/core/engines_test.cpp
// checks against the reference. And that list holds nothing the scenes do not build.
#include <doctest.h>

#include <functional>
#include <string>
#include <vector>

#include "fast_network_coverage.h"
#include "lesson.h"

using namespace lesson;
using neuron::EngineConfiguration;
using neuron::Trainer;

namespace {
// The trainers a scene holds now; scenes that train nothing hold none.
template <class Scene>
std::vector<const Trainer*> trainers_of(const Scene&) {
  return {};
}
std::vector<const Trainer*> trainers_of(const TrainingModel& m) { return {&m.trainer()}; }
std::vector<const Trainer*> trainers_of(const PitfallsModel& m) {
  std::vector<const Trainer*> all{&m.trainer()};
  if (m.pitfall() == Pitfall::MismatchedLoss) all.push_back(&m.mismatched_loss().twin());
  for (const Trainer& racer : m.depth_race().race()) all.push_back(&racer);
  return all;
}

// The values a row can take: every choice, both states of a toggle, every whole number, and a
// slider's ends with the value it had (which an earlier row may have set: "Apply the fix").
std::vector<double> values_of(const ParamRow& row, const SceneModel& scene) {
  if (row.kind == ParamKind::Choice || row.kind == ParamKind::Toggle || row.integer) {
    std::vector<double> all;
    for (double v = row.kind == ParamKind::Toggle ? 0.0 : row.min; v <= (row.kind == ParamKind::Toggle ? 1.0 : row.max);
         v += 1.0)
      all.push_back(v);
    return all;
  }
  return {row.get(scene), row.min, row.max};
}

// Calls visit once for every combination of the rows from `first` on, in table order (a row
// that does not apply in the state the rows before it made is left as it is).
void walk(SceneModel& scene, const ParamTable& table, std::size_t first, const std::function<void()>& visit) {
  std::size_t r = first;
  while (r < table.size() && (table[r].kind == ParamKind::Button || table[r].kind == ParamKind::Action ||
                              !table[r].applies_to(scene)))
    ++r;
  if (r == table.size()) return visit();
  for (double value : values_of(table[r], scene)) {
    table[r].set(scene, value);
    walk(scene, table, r + 1, visit);
  }
}

// Every configuration the scenes build, each trainer checked as it is met.
std::vector<EngineConfiguration> walk_every_scene() {
  std::vector<EngineConfiguration> seen;
  Lesson lesson;
  lesson.for_each_scene([&](auto& scene) {
    lesson.show(scene.id());
    walk(scene, scene.param_table(), 0, [&] {
      for (const Trainer* trainer : trainers_of(scene)) {
        CAPTURE(lesson.url());
        CHECK(trainer->engine() == neuron::Engine::Fast);
        CHECK(neuron::engines_checked_in(*trainer));
        if (const auto c = neuron::configuration_of(*trainer)) seen.push_back(*c);
      }
    });
  });
  return seen;
}

std::string describe(const EngineConfiguration& c) {
  std::string text;
  for (int size : c.sizes) text += (text.empty() ? "" : "-") + std::to_string(size);
  return text + " " + std::string(neuron::name(c.hidden)) + " " + std::string(neuron::name(c.loss)) + " batch " +
         std::to_string(c.batch_size);
}
}  // namespace

TEST_SUITE("engines") {
  TEST_CASE("every network a scene can train runs on the fast engine, in a configuration checked against the reference") {
    const std::vector<EngineConfiguration> seen = walk_every_scene();
    CHECK(seen.size() > 100);  // the walk reached the scenes that train
  }

  TEST_CASE("the checked configurations are the scenes' own: each is built, at both ends of its learning rates") {
    const std::vector<EngineConfiguration> seen = walk_every_scene();
    for (const EngineConfiguration& row : neuron::checked_engine_configurations()) {
      CAPTURE(describe(row));
      bool at_min = false, at_max = false;
      for (const EngineConfiguration& c : seen) {
        if (!row.same_training(c)) continue;
        at_min = at_min || c.min_learning_rate == row.min_learning_rate;
        at_max = at_max || c.max_learning_rate == row.max_learning_rate;
      }
      CHECK(at_min);
      CHECK(at_max);
    }
  }
}
