// lesson.cpp: scene switching, URL state and the JSON state for the JS API.
#include "lesson.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace lesson {

std::vector<SceneModel*> Lesson::scenes() const {
  std::vector<SceneModel*> all;
  for (int i = 0; i < kSceneCount; ++i) all.push_back(&scene(i));
  return all;
}

SceneModel& Lesson::scene(int index) const {
  SceneModel* found = nullptr;
  visit(index, [&](SceneModel& model) { found = &model; });
  return *found;
}

bool Lesson::built(int index) const {
  int i = 0;
  bool found = false;
  std::apply([&](const auto&... slot) { ((found = found || (i++ == index && slot)), ...); }, models_);
  return found;
}

bool Lesson::show(std::string_view id) {
  for (int i = 0; i < kSceneCount; ++i) {
    if (id == scene_names()[std::size_t(i)]->id) {
      current_ = i;
      return true;
    }
  }
  return false;
}

void Lesson::show(int index) {
  if (index >= 0 && index < kSceneCount) current_ = index;
}

Warnings Lesson::apply_url(std::string_view query) {
  Warnings warnings;
  apply(parse_query(query, warnings), warnings);
  return warnings;
}

void Lesson::apply(const std::vector<QueryParam>& params, Warnings& warnings) {
  for (const QueryParam& p : params) {
    if (p.key == "scene" && !show(p.value))
      warnings.push_back("ignoring unknown scene '" + p.value.substr(0, 24) + "'");
  }
  for (const QueryParam& p : params) {
    if (p.key != "scene") current().apply(p, warnings);
  }
}

Warnings Lesson::open(std::string_view query, bool still) {
  still = still || reduced_motion_;
  Warnings warnings;
  std::vector<QueryParam> params = parse_query(query, warnings);
  if (still) {  // nothing in the query starts a run: whatever it says of one is left out
    params.erase(std::remove_if(params.begin(), params.end(), [](const QueryParam& p) { return p.key == kRunKey; }),
                 params.end());
  }
  apply(params, warnings);
  if (still) pause();
  return warnings;
}

bool Lesson::pause() {
  SceneModel& scene = current();
  if (!scene.find_param(kRunKey) || scene.param(kRunKey) <= 0.5) return false;
  Warnings ignored;
  scene.set_param(kRunKey, 0.0, ignored);
  return true;
}

void Lesson::set_reduced_motion(bool on) {
  reduced_motion_ = on;
  std::apply([on](const auto&... slot) { ((slot ? void(slot->reduced_motion = on) : void()), ...); }, models_);
}

std::string Lesson::url() const {
  std::vector<QueryParam> params{{"scene", current().id()}};
  for (QueryParam& p : current().params()) params.push_back(std::move(p));
  return build_query(params);
}

std::string Lesson::scenes_json() const {
  std::string json = "[";
  for (const SceneName* scene : scene_names())
    json += std::string(json.size() > 1 ? "," : "") + "{\"id\":" + json_string(scene->id) +
            ",\"title\":" + json_string(word(scene->title)) + "}";
  return json + "]";
}

std::string Lesson::controls_json() const {
  const SceneModel& scene = current();
  std::string json = "[";
  for (const ParamRow& row : scene.param_table()) {
    const double value = row.get(scene);
    json += std::string(json.size() > 1 ? "," : "") + "{\"key\":" + json_string(row.key) +
            ",\"kind\":\"" + name(row.kind) + "\",\"label\":" + json_string(row.label) +
            ",\"applies\":" + (row.applies_to(scene) ? "true" : "false") +
            ",\"value\":" + json_number(value);
    switch (row.kind) {
      case ParamKind::Number:
        json += ",\"min\":" + json_number(row.min) + ",\"max\":" + json_number(row.max) +
                ",\"step\":" + json_number(row.step()) + ",\"log\":" + (row.log_scale ? "true" : "false") +
                (row.log_scale ? ",\"positions\":" + json_number(row.log_positions()) : std::string()) +
                ",\"text\":" + json_string(row.value_text(value));
        break;
      case ParamKind::Choice:
      case ParamKind::Toggle:
        if (row.kind == ParamKind::Toggle && row.look != ParamLook::Buttons) break;
        json += ",\"options\":[";
        for (std::size_t i = 0; i < row.choice_labels.size(); ++i)
          json += (i ? "," : "") + json_string(row.choice_labels[i]);
        json += "]";
        break;
      case ParamKind::Button:
        if (row.toggles) json += std::string(",\"pressed\":") + (value > 0.5 ? "true" : "false");
        if (!row.enabled_in(scene)) json += ",\"disabled\":true";
        if (const std::string tip = row.tooltip(scene); !tip.empty()) json += ",\"help\":" + json_string(tip);
        break;
      case ParamKind::Action: break;
    }
    json += "}";
  }
  return json + "]";
}

void Lesson::advance() {
  current().advance();
  check_practice();
}

bool Lesson::arm_prediction(std::string_view id) {
  for (const PredictionRule& rule : prediction_rules()) {
    if (id != rule.id) continue;
    if (std::string_view(rule.scene) != current().id()) return false;
    armed_ = &rule;
    armed_start_ = current().figures();
    current().focus_plot = rule.plot;
    current().focus_control = rule.control;
    outcome_ = Outcome{};
    check_practice();
    return true;
  }
  return false;
}

void Lesson::check_practice() {
  if (armed_ && !outcome_.settled) {
    if (std::string_view(armed_->scene) != current().id()) {
      armed_ = nullptr;  // the reader moved on before it settled
    } else {
      outcome_ = armed_->check(*this, armed_start_);
      // The figure stops at the moment that answers the question, so the box and the
      // figure show the same numbers; Run goes on from there.
      if (outcome_.settled && pause()) {
        outcome_ = armed_->check(*this, armed_start_);  // the same numbers, now paused
      }
    }
  }
  for (const ChallengeRule& rule : challenge_rules()) {
    if (std::string_view(rule.scene) != current().id()) continue;
    if (std::find(challenges_done_.begin(), challenges_done_.end(), rule.id) != challenges_done_.end()) continue;
    if (rule.done(*this)) challenges_done_.push_back(rule.id);
  }
}

std::string Lesson::prediction_json() const {
  if (!armed_) return "null";
  std::string json = "{\"id\":" + json_string(armed_->id) + ",\"plot\":" + json_string(armed_->plot) +
                     ",\"control\":" + json_string(armed_->control) + ",\"settled\":" + (outcome_.settled ? "true" : "false");
  if (outcome_.settled) {
    json += ",\"answer\":" + json_string(outcome_.answer) + ",\"wording\":" + json_string(outcome_.wording);
    for (const auto* part : {&outcome_.quoted, &outcome_.derived}) {
      json += part == &outcome_.quoted ? ",\"quoted\":{" : ",\"derived\":{";
      for (std::size_t i = 0; i < part->size(); ++i)
        json += std::string(i ? ",\"" : "\"") + (*part)[i].key + "\":" + json_number((*part)[i].value);
      json += "}";
    }
  }
  return json + "}";
}

std::vector<SceneTable> Lesson::param_tables() const {
  std::vector<SceneTable> tables;
  for (const SceneModel* scene : scenes()) tables.push_back({scene->id(), &scene->param_table()});
  return tables;
}

std::string Lesson::state_json() const {
  std::string json = "{\"scene\":" + json_string(current().id()) +
                     ",\"summary\":" + json_string(current().summary()) + ",\"params\":{";
  bool first = true;
  for (const QueryParam& p : current().params()) {
    json += (first ? "" : ",") + json_string(p.key) + ":" + json_string(p.value);
    first = false;
  }
  json += "},\"animating\":";
  json += current().animating() ? "true" : "false";
  for (const Figure& f : current().figures()) json += std::string(",\"") + f.key + "\":" + json_number(f.value);
  json += ",\"prediction\":" + prediction_json() + ",\"challengesDone\":[";
  for (std::size_t i = 0; i < challenges_done_.size(); ++i) json += (i ? "," : "") + json_string(challenges_done_[i]);
  return json + "]}";
}

}  // namespace lesson
