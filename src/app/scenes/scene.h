// scene.h: what every scene of the figure offers the app.
#pragma once
#include <string>

namespace lesson {

class Scene {
 public:
  virtual ~Scene() = default;
  virtual const char* id() const = 0;     // "artificial", used in URLs and the JS API
  virtual const char* title() const = 0;  // tab label
  virtual void draw() = 0;                // inside the app's window, below the tabs
  virtual bool animating() const { return false; }
  virtual std::string summary() const = 0;
};

}  // namespace lesson
