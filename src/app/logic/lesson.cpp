// lesson.cpp: scene switching, URL state and the JSON state for the JS API.
#include "lesson.h"

#include <cmath>
#include <cstdio>

namespace lesson {

Lesson::Lesson() {
  for_each_scene([this](SceneModel& scene) { scenes_.push_back(&scene); });
}

bool Lesson::show(std::string_view id) {
  for (std::size_t i = 0; i < scenes_.size(); ++i) {
    if (id == scenes_[i]->id()) {
      current_ = int(i);
      return true;
    }
  }
  return false;
}

void Lesson::show(int index) {
  if (index >= 0 && std::size_t(index) < scenes_.size()) current_ = index;
}

Warnings Lesson::apply_url(std::string_view query) {
  Warnings warnings;
  const std::vector<QueryParam> params = parse_query(query, warnings);
  for (const QueryParam& p : params) {
    if (p.key == "scene" && !show(p.value))
      warnings.push_back("ignoring unknown scene '" + p.value.substr(0, 24) + "'");
  }
  for (const QueryParam& p : params) {
    if (p.key != "scene") current().apply(p, warnings);
  }
  return warnings;
}

std::string Lesson::url() const {
  std::vector<QueryParam> params{{"scene", current().id()}};
  for (QueryParam& p : current().params()) params.push_back(std::move(p));
  return build_query(params);
}

std::string json_string(std::string_view text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += char(c);
    } else if (c < 0x20) {
      char escape[8];
      std::snprintf(escape, sizeof escape, "\\u%04x", c);
      out += escape;
    } else {
      out += char(c);
    }
  }
  return out + "\"";
}

std::string Lesson::scenes_json() const {
  std::string json = "[";
  for (const SceneModel* scene : scenes_)
    json += std::string(json.size() > 1 ? "," : "") + "{\"id\":" + json_string(scene->id()) +
            ",\"title\":" + json_string(scene->title()) + "}";
  return json + "]";
}

namespace {
// A JSON number; null for a non-finite one (no NaN ever reaches the page).
std::string json_number(double value) {
  char number[40];
  std::snprintf(number, sizeof number, std::isfinite(value) ? "%.17g" : "null", value);
  return number;
}
}  // namespace

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

std::vector<SceneTable> Lesson::param_tables() const {
  std::vector<SceneTable> tables;
  for (const SceneModel* scene : scenes_) tables.push_back({scene->id(), &scene->param_table()});
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
  for (const Figure& f : current().figures()) json += "," + json_string(f.key) + ":" + json_number(f.value);
  return json + "}";
}

}  // namespace lesson
