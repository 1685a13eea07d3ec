// frame_memory.h: what the drawing code (plot.cpp, param_widget.cpp) keeps from one frame to
// the next, in one struct. The seam (seam.h) holds it with the rest of the figure's state
// between frames; the drawing code reaches it through frame_memory().
#pragma once
#include <vector>

#include "param_widget.h"
#include "plot.h"

namespace lesson {

struct FrameMemory {
  Palette palette;                     // the page's colours, light or dark (set_dark_palette)
  std::vector<DrawnControl> controls;  // where each control was drawn this frame
  std::vector<DrawnText> texts;        // every text drawn this frame, for place_text and tests
  float left_pane_bottom = 0.0f;       // where the wide layout's left pane ended (plot.h)
};

// The one FrameMemory (main.cpp: a member of the seam).
FrameMemory& frame_memory();

}  // namespace lesson
