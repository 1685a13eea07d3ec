// main.cpp: the platform glue. Everything that knows about GLFW and WebGL2 is here (the
// functions the page calls are in exports.cpp, declared in logic/page_api.h); the app and
// its scenes only see ImGui. Emscripten has no blocking main loop, so
// frame() is handed to emscripten_set_main_loop, which the browser calls once per display
// refresh; frame() draws only when something changed (render on demand).
#include <emscripten/emscripten.h>
#include <emscripten/html5.h>
#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app.h"
#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "seam.h"
#include "ui_font_ranges.h"

// The canvas font: Inter subset at build time to the characters of ui_font_ranges.h.
extern "C" const unsigned char kUiFont[];
extern "C" const unsigned int kUiFont_size;

namespace lesson {
Seam seam;
FrameMemory& frame_memory() { return seam.drawing; }
}  // namespace lesson

namespace {

using lesson::seam;
constexpr const char* kCanvas = "#canvas";

void load_font(float pixels) {
  // Exactly the characters the font was subset to (ui_font_ranges.h): what the code draws and
  // every catalog's figure words (tests/web/font.test.mjs checks the sources use no others).
  // Every glyph more is font data to download and rasterise in the first frame.
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  // A texture as tall as its glyphs (WebGL2 takes any size; ImGui would round it up to a power
  // of two), without the mouse cursors ImGui can draw (the browser draws the figure's): an
  // atlas of about half the pixels to clear, convert and upload at start.
  io.Fonts->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight | ImFontAtlasFlags_NoMouseCursors;
  ImFontConfig config;
  config.FontDataOwnedByAtlas = false;  // the bytes are a static array
  config.OversampleH = 2;
  io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(kUiFont), int(kUiFont_size), pixels, &config, kUiFontRanges);
  ImGui_ImplOpenGL3_DestroyFontsTexture();
}

void request_frames() { seam.request_frames(); }

// The canvas is sized by its container in CSS; its drawing buffer follows at the device's
// pixel ratio so text stays sharp on HiDPI screens. ImGui then works in device pixels, with
// its fonts and sizes scaled by the same ratio.
struct CanvasPixels {
  int w = 1, h = 1;
  double ratio = 1.0;
};
CanvasPixels canvas_pixels() {
  double css_w = 0, css_h = 0;
  emscripten_get_element_css_size(kCanvas, &css_w, &css_h);
  CanvasPixels px;
  px.ratio = std::fmax(1.0, std::fmin(emscripten_get_device_pixel_ratio(), 3.0));
  px.w = std::max(1, int(std::lround(css_w * px.ratio)));
  px.h = std::max(1, int(std::lround(css_h * px.ratio)));
  return px;
}

void follow_canvas_size() {
  const CanvasPixels px = canvas_pixels();
  int now_w = 0, now_h = 0;
  glfwGetWindowSize(seam.window, &now_w, &now_h);
  if (px.w != now_w || px.h != now_h) {
    glfwSetWindowSize(seam.window, px.w, px.h);
    request_frames();
  }
  if (float(px.ratio) != seam.scale) {
    seam.scale = float(px.ratio);
    load_font(std::round(15.0f * seam.scale));
    lesson::apply_style(seam.scale, seam.dark);
    request_frames();
  }
}

// Start-up in three tasks of its own (start_up), not in display frames: main() (the context,
// ImGui, the scenes); the font atlas and the GPU objects (shaders and the font texture); the
// first frame, whether or not the figure is on screen yet: it runs most of the figure's code
// for the first time (V8 compiles each wasm function at its first call), better at load than
// at a click. Each stays under 200 ms on a phone-class CPU (bench/README.md). Drawn in a
// display frame, the first frame and the browser presenting it were one task of about 200 ms;
// drawn in a task, it is presented by the next display frame, and no step waits for one.
bool started() {
  if (seam.gpu_ready) return true;
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  ImGui_ImplOpenGL3_CreateDeviceObjects();
  seam.gpu_ready = true;
  return false;
}

void draw();

// A step of the figure: once started, a frame while the figure can be seen and something
// moves or was asked for (the first frame is drawn even off screen).
void step() {
  follow_canvas_size();
  if (!started()) return;
  const bool first = seam.frames_drawn == 0;
  if (!first && (!seam.visible || (seam.frames_wanted <= 0 && !seam.app->animating()))) return;
  if (seam.frames_wanted > 0) --seam.frames_wanted;
  draw();
}

// Display frames step only once start_up has drawn the first frame.
void frame() {
  if (seam.frames_drawn > 0) step();
}

void start_up(void*) {
  step();
  if (seam.frames_drawn == 0) emscripten_async_call(start_up, nullptr, 0);
}

void draw() {
  const double started_ms = emscripten_get_now();

  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
  const ImVec2 size = ImGui::GetIO().DisplaySize;
  seam.app->frame(size.x, size.y);
  ImGui::Render();

  int fb_w = 0, fb_h = 0;
  glfwGetFramebufferSize(seam.window, &fb_w, &fb_h);
  glViewport(0, 0, fb_w, fb_h);
  const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  glClearColor(bg.x, bg.y, bg.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  // The figure's first frame, as a User Timing mark: bench/page.mjs reads it, DevTools shows it.
  if (++seam.frames_drawn == 1) EM_ASM(performance.mark("lesson:first-frame"));
  seam.frame_ms[seam.timed++ % lesson::Seam::kTimedFrames] = float(emscripten_get_now() - started_ms);
}

}  // namespace

void lesson::draw_now() {
  follow_canvas_size();
  while (!started()) {
  }
  draw();
}

int main() {
  if (!glfwInit()) {
    std::fprintf(stderr, "lesson: GLFW could not start\n");
    return 1;
  }
  // WebGL2 is OpenGL ES 3.0.
  glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  // An opaque, flat figure: no alpha, depth or stencil buffers (load.mjs creates the context
  // with these attributes before the wasm arrives; GLFW then gets that one back).
  glfwWindowHint(GLFW_ALPHA_BITS, 0);
  glfwWindowHint(GLFW_DEPTH_BITS, 0);
  glfwWindowHint(GLFW_STENCIL_BITS, 0);
  // Created at the canvas's size, so that the first display frame does not resize it.
  const CanvasPixels px = canvas_pixels();
  seam.window = glfwCreateWindow(px.w, px.h, "Biological vs Artificial Neurons", nullptr, nullptr);
  if (!seam.window) {
    std::fprintf(stderr, "lesson: no WebGL2 context\n");
    return 1;
  }
  glfwMakeContextCurrent(seam.window);

  // Any input asks for a few frames. Set before ImGui's backend, which chains to these.
  glfwSetCursorPosCallback(seam.window, [](GLFWwindow*, double, double) { request_frames(); });
  glfwSetMouseButtonCallback(seam.window, [](GLFWwindow*, int, int, int) { request_frames(); });
  glfwSetScrollCallback(seam.window, [](GLFWwindow*, double, double) { request_frames(); });

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // nothing to save: the page keeps state in its URL
  ImGui_ImplGlfw_InitForOpenGL(seam.window, true);
  // The figure takes no keys: the keyboard works its native twins in the page (one focus
  // system, the browser's; figure.mjs never hands GLFW the key events either).
  glfwSetKeyCallback(seam.window, nullptr);
  glfwSetCharCallback(seam.window, nullptr);
  ImGui_ImplOpenGL3_Init("#version 300 es");

  static lesson::App app;
  seam.app = &app;
  lesson::set_dark_palette(false);  // until the page says which (lesson_set_theme)
  emscripten_set_main_loop(frame, 0, false);
  emscripten_async_call(start_up, nullptr, 0);
  return 0;
}
