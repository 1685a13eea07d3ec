// lesson.h: the figure as a whole, without drawing: its six scenes, which one is shown,
// the URL that describes it, and the state the JS API reports. UI-free and unit tested.
#pragma once
#include <array>
#include <memory>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "artificial_model.h"
#include "biological_model.h"
#include "compare_model.h"
#include "maths_model.h"
#include "page_json.h"
#include "pitfalls_model.h"
#include "practice.h"
#include "training_model.h"

namespace lesson {

// For a tuple of scene models: a slot per model (null until built) and every model's name.
template <class Models>
struct SceneRegistry;
template <class... M>
struct SceneRegistry<std::tuple<M...>> {
  using Slots = std::tuple<std::unique_ptr<M>...>;
  static constexpr std::array<const SceneName*, sizeof...(M)> names{&M::kName...};
};

class Lesson {
 public:
  Lesson() = default;
  Lesson(const Lesson&) = delete;  // the models are the lesson's own
  Lesson& operator=(const Lesson&) = delete;

  // The scene registry: every scene, in the lesson's order. The tabs, the page's list of
  // scenes (scenes_json) and the drawing dispatch (visit_current) all come from here; a new
  // scene is one more type in Models (and its accessor below).
  //
  // A scene's model is built the first time it is asked for: to draw its first frame the
  // figure needs only the scene it opens on (building the other five, the training and
  // pitfalls models with their data and networks above all, was about 50 ms of a start at
  // 4x CPU: bench/README.md). Names (scene_names()) come without building anything.
  using Models = std::tuple<BiologicalModel, ArtificialModel, CompareModel, TrainingModel, PitfallsModel, MathsModel>;
  static constexpr int kSceneCount = int(std::tuple_size_v<Models>);

  BiologicalModel& biological() const { return model<BiologicalModel>(); }
  ArtificialModel& artificial() const { return model<ArtificialModel>(); }
  CompareModel& compare() const { return model<CompareModel>(); }
  TrainingModel& training() const { return model<TrainingModel>(); }
  PitfallsModel& pitfalls() const { return model<PitfallsModel>(); }
  MathsModel& maths() const { return model<MathsModel>(); }

  // Every scene's name, in the lesson's order.
  static constexpr const std::array<const SceneName*, kSceneCount>& scene_names() { return SceneRegistry<Models>::names; }
  // Every scene's model, in the lesson's order (builds those not built yet: for tests and
  // the parameter tables, not for drawing).
  std::vector<SceneModel*> scenes() const;
  // Calls f with scene `index` as its own type (so f can overload on it).
  template <class F>
  void visit(int index, F&& f) const {
    visit(index, f, std::make_index_sequence<kSceneCount>());
  }
  template <class F>
  void visit_current(F&& f) const {
    visit(current_, f);
  }
  // Calls f with every scene, in order, each as its own type (builds those not built yet).
  template <class F>
  void for_each_scene(F&& f) const {
    for (int i = 0; i < kSceneCount; ++i) visit(i, f);
  }
  SceneModel& scene(int index) const;  // 0 <= index < kSceneCount
  // Whether scene `index`'s model has been built yet.
  bool built(int index) const;
  SceneModel& current() const { return scene(current_); }
  int current_index() const { return current_; }
  // Returns false (and changes nothing) for an unknown id.
  bool show(std::string_view id);
  void show(int index);

  // Applies "?scene=training&lr=3": the scene first, then its parameters. Returns the
  // warnings (unknown keys, malformed or clamped values); never fails. Page-level keys
  // (embed, parentOrigin) are the page's: figure.mjs removes them before the query comes here.
  Warnings apply_url(std::string_view query);
  // The reader's way in (a link, a Try it, the JS API, a resumed session): as apply_url,
  // except that nothing starts moving by itself when `still` or with reduced motion on: a
  // run the query asks for is left out, and a scene that runs by default is paused. The
  // page never edits a scene's keys to get this; each scene's Run is its own row "run".
  Warnings open(std::string_view query, bool still = false);
  // Stops the current scene's run, if it has one and it is running (returns whether it was).
  bool pause();
  // The first scene of the lesson (a host's "reset"), still with reduced motion on.
  void show_first_scene() {
    show(0);
    if (reduced_motion_) pause();
  }
  // "scene=training&data=xor&lr=3&...": the current scene and its parameters.
  std::string url() const;
  // {"scene":"training","summary":"...","params":{...},"epoch":12,"loss":0.31,...}
  // Non-finite numbers are written as null: no NaN ever reaches the page.
  std::string state_json() const;
  // The current scene's controls, one per row of its table in the canvas's order, for the
  // page's native controls: [{"key":"lr","kind":"number","label":"Learning rate η",
  // "applies":true,"min":0.001,"max":1000,"step":0.01,"log":true,"value":0.3,"text":"0.3"},
  // {"key":"run","kind":"button","label":"Run","pressed":false},...]. Kinds: number,
  // choice (with "options"), toggle (with "options" when drawn as two buttons), button,
  // url (a URL-only key, no control).
  std::string controls_json() const;
  // [{"id":"biological","title":"Spiking neuron"},...]: lesson.scenes() in the page.
  std::string scenes_json() const;
  // Every scene's parameter table, for the README's URL table and the table tests.
  std::vector<SceneTable> param_tables() const;

  // One frame: the current scene moves on, then the armed prediction and the scene's
  // challenges are checked against its new state (practice.h).
  void advance();
  // Predict, then see: a Try it arms its prediction once it has set its scene up. Returns
  // false for an unknown id, or when the current scene is not the prediction's.
  bool arm_prediction(std::string_view id);
  void check_practice();
  // The reader asked for less motion (prefers-reduced-motion): what a Try it would animate by
  // itself (a sliding input, a path drawn step by step) happens at once. Runs wait for Run.
  void set_reduced_motion(bool on);
  const Outcome& outcome() const { return outcome_; }
  // Challenges met since load, in the order they were met.
  const std::vector<std::string>& challenges_done() const { return challenges_done_; }
  // {"id":"xor","settled":true,"answer":"c","text":"...","quoted":{"loss":0.693,...}}, or null.
  std::string prediction_json() const;

 private:
  static constexpr const char* kRunKey = "run";  // every scene that runs has this row
  void apply(const std::vector<QueryParam>& params, Warnings& warnings);
  template <class M>
  M& model() const {
    std::unique_ptr<M>& slot = std::get<std::unique_ptr<M>>(models_);
    if (!slot) {
      slot = std::make_unique<M>();
      slot->reduced_motion = reduced_motion_;
    }
    return *slot;
  }
  template <class F, std::size_t... I>
  void visit(int index, F& f, std::index_sequence<I...>) const {
    ((int(I) == index ? f(model<std::tuple_element_t<I, Models>>()) : void()), ...);
  }
  mutable SceneRegistry<Models>::Slots models_;
  bool reduced_motion_ = false;
  int current_ = 0;
  const PredictionRule* armed_ = nullptr;
  std::vector<Figure> armed_start_;
  Outcome outcome_;
  std::vector<std::string> challenges_done_;
};

}  // namespace lesson
