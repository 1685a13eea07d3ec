// app.h: the lesson's figure, independent of where it runs. The platform seam (main.cpp)
// calls frame() once per drawn frame inside an ImGui frame; the app never touches GLFW or
// the DOM. Its state lives in a Lesson (logic/), which the JS API reads and drives.
#pragma once
#include <string>

#include "lesson.h"

namespace lesson {

class App {
 public:
  Lesson lesson;

  // Advances the current scene's animation by one frame, then draws the whole figure into
  // a window of the given size.
  void frame(float width, float height);
  bool animating() const { return lesson.current().animating(); }
  // The control whose native twin has keyboard focus (a row's key, or "scene:<id>" for a
  // tab; empty for none): the canvas draws a ring around it.
  std::string focused;
  // On a narrow canvas (a phone), the height its content took in the last frame, device
  // pixels: the page sizes the canvas to it, so that plots keep their size and nothing is
  // cut. On a wide canvas, which fits its plots to the height it is given, minus the height
  // its controls took (the page grows the canvas where that is more than its usual height);
  // 0 for none.
  float content_height = 0.0f;

 private:
  void tabs();
};

// ImGui's colours and sizes from the palette (light or dark, as the page), at a UI scale.
void apply_style(float scale, bool dark);

}  // namespace lesson
