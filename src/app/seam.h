// seam.h: everything the figure keeps between frames outside its Lesson, in one struct:
// the platform glue's (main.cpp: window, scale, what to draw), the page's exports'
// (exports.cpp) and the drawing code's (FrameMemory, reached through frame_memory()). The
// app and its scenes never see the rest of it.
#pragma once
#include <string>

#include "app.h"
#include "frame_memory.h"

struct GLFWwindow;

namespace lesson {

struct Seam {
  // ImGui settles hover highlights and layouts over a couple of frames after each input.
  static constexpr int kFramesAfterInput = 3;
  // Wasm time of the last kTimedFrames drawn frames, for bench/page.mjs.
  static constexpr int kTimedFrames = 256;

  GLFWwindow* window = nullptr;
  App* app = nullptr;
  bool dark = false;
  bool visible = true;
  float scale = 0.0f;                      // device pixels per CSS pixel; 0 until the first frame
  bool gpu_ready = false;                  // main.cpp's started(): font atlas and GPU objects made
  int frames_wanted = kFramesAfterInput;   // frames still to draw after the last input
  long frames_drawn = 0;
  std::string text;                        // the last string handed to JS (valid until the next call)
  float frame_ms[kTimedFrames] = {};
  long timed = 0;
  FrameMemory drawing;                     // the drawing code's: palette, what was drawn where

  void request_frames() { frames_wanted = kFramesAfterInput; }
};
extern Seam seam;

// Draws one frame now, on screen or not, starting the figure first if needed (main.cpp).
void draw_now();

}  // namespace lesson
