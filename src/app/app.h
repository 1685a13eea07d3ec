// app.h: the lesson's figure, independent of where it runs. The platform seam (main.cpp)
// calls draw() once per frame inside an ImGui frame; the app never touches GLFW or the DOM.
#pragma once
#include <string>

namespace lesson {

class App {
 public:
  App();
  ~App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  // Draws the whole figure into a window that fills the canvas.
  void draw(float width, float height);
  // True while something moves on its own (an animation or training): keep drawing.
  bool animating() const;
  // The figure's key numbers in words, for the text alternative beside the canvas.
  std::string summary() const;

 private:
  struct Scenes;
  Scenes* scenes_;
};

// Colours and sizes shared by the page and the canvas, scaled by the UI scale.
void apply_style(float scale);

}  // namespace lesson
