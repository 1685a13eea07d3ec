// scene_model.h: what each scene of the figure is, apart from how it is drawn: its
// numbers, its URL parameters, its text summary and the figures lesson.state() reports.
// UI-free, so it is unit tested natively; src/app/scenes/ draws it with ImGui.
#pragma once
#include <string>
#include <vector>

#include "url_state.h"

namespace lesson {

// One key number of a scene, e.g. {"loss", 0.31}.
struct Figure {
  std::string key;
  double value = 0.0;
};

class SceneModel {
 public:
  virtual ~SceneModel() = default;
  virtual const char* id() const = 0;     // "training": in URLs, the JS API and tests
  virtual const char* title() const = 0;  // "Training": the tab label

  // URL parameters: apply one (unknown keys and bad values warn), and list the current ones.
  virtual void apply(const QueryParam& param, Warnings& warnings) = 0;
  virtual std::vector<QueryParam> params() const = 0;

  // The scene's key numbers in words, for the text alternative beside the canvas.
  virtual std::string summary() const = 0;
  virtual std::vector<Figure> figures() const = 0;

  // True while the scene moves on its own (simulation or training): keep drawing frames.
  virtual bool animating() const { return false; }
  // One frame's worth of simulation or training.
  virtual void advance() {}

 protected:
  void unknown(const QueryParam& param, Warnings& warnings) const {
    warnings.push_back("ignoring unknown URL parameter '" + param.key + "' for the " + id() +
                       " scene");
  }
};

// "0.57", "-1.20", "1.2e+06": never "nan" or "-0.00"; non-finite values read "n/a".
std::string format_number(double value, int decimals = 2);

}  // namespace lesson
