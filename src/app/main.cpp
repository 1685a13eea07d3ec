// main.cpp: the platform seam. Everything that knows about GLFW, WebGL2 and the browser is
// here; the app and its scenes only see ImGui. Emscripten has no blocking main loop, so
// frame() is handed to emscripten_set_main_loop, which the browser calls once per display
// refresh; frame() draws only when something changed (render on demand).
#include <emscripten/emscripten.h>
#include <emscripten/html5.h>
#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "app.h"
#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "param_widget.h"
#include "plot.h"

// The canvas font: Inter subset at build time (assets/ui-font-characters.txt).
extern "C" const unsigned char kUiFont[];
extern "C" const unsigned int kUiFont_size;

namespace {

constexpr const char* kCanvas = "#canvas";
// ImGui settles hover highlights and layouts over a couple of frames after each input.
constexpr int kFramesAfterInput = 3;

// Wasm time of the last kTimedFrames drawn frames, for bench/page.mjs.
constexpr int kTimedFrames = 256;

// Everything the seam keeps between frames, in one place.
struct Seam {
  GLFWwindow* window = nullptr;
  lesson::App* app = nullptr;
  bool dark = false;
  bool visible = true;
  float scale = 0.0f;                      // device pixels per CSS pixel; 0 until the first frame
  int startup_steps_done = 0;              // started(): 2 when the first frame can be drawn
  int frames_wanted = kFramesAfterInput;   // frames still to draw after the last input
  long frames_drawn = 0;
  std::string text;                        // the last string handed to JS (valid until the next call)
  float frame_ms[kTimedFrames] = {};
  long timed = 0;
};
Seam g;

void load_font(float pixels) {
  // Exactly the characters of assets/ui-font-characters.txt: ASCII and the few symbols the
  // figure's text uses (tests/web/font.test.mjs checks the sources use no others). Every
  // glyph more is font data to download and rasterise in the first frame.
  static const ImWchar ranges[] = {0x0020, 0x007E, 0x00B7, 0x00B7, 0x00D7, 0x00D7, 0x03B7, 0x03B7,
                                   0x03BB, 0x03BB, 0x03C3, 0x03C3, 0x2190, 0x2190, 0x2202, 0x2202,
                                   0x2212, 0x2212, 0x2265, 0x2265, 0};
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  ImFontConfig config;
  config.FontDataOwnedByAtlas = false;  // the bytes are a static array
  config.OversampleH = 2;
  io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(kUiFont), int(kUiFont_size), pixels, &config, ranges);
  ImGui_ImplOpenGL3_DestroyFontsTexture();
}

}  // namespace

// ImGui's atlas falls back to its built-in bitmap font (ProggyClean, ~12 KB of data) when
// no font was added. We always add Inter first, so the fallback is dead weight; the link
// step wraps it (-Wl,--wrap, see src/app/CMakeLists.txt) with this stub, and the linker
// drops the font data.
extern "C" ImFont* __wrap__ZN11ImFontAtlas14AddFontDefaultEPK12ImFontConfig(ImFontAtlas*, const ImFontConfig*) {
  return nullptr;
}

// Typing a value into a slider (Ctrl+click) is off on every slider (param_widget.cpp:
// ImGuiSliderFlags_NoInput): the keyboard works the page's native controls instead. ImGui
// still calls its text editor from the slider code, so the link step wraps the one entry
// point (src/app/CMakeLists.txt) with this stub, and the editor's code is dropped.
extern "C" bool __wrap__ZN5ImGui15TempInputScalarERK6ImRectjPKciPvS4_PKvS7_(const void*, unsigned, const char*, int,
                                                                           void*, const char*, const void*,
                                                                           const void*) {
  return false;
}

// Three more of ImGui's entry points that this figure never reaches (it has no menus, combo
// boxes or tab-list popup, never starts ImGui's logging or its ID stack tool), but that stay
// linked because calls to them exist; wrapped with these stubs (src/app/CMakeLists.txt).
extern "C" bool __wrap__ZN5ImGui10SelectableEPKcbiRK6ImVec2(const char*, bool, int, const void*) { return false; }
extern "C" void __wrap__ZN5ImGui15DebugHookIdInfoEjiPKvS1_(unsigned, int, const void*, const void*) {}
extern "C" void __wrap__ZN5ImGui15LogRenderedTextEPK6ImVec2PKcS4_(const void*, const char*, const char*) {}

namespace {

const char* hand_to_js(std::string text) {
  g.text = std::move(text);
  return g.text.c_str();
}

// Warnings for the page's console, one per line (empty when all was understood).
const char* warnings_to_js(const lesson::Warnings& warnings) {
  std::string text;
  for (const std::string& w : warnings) text += w + "\n";
  return hand_to_js(text);
}

void request_frames() { g.frames_wanted = kFramesAfterInput; }

// The canvas is sized by its container in CSS; its drawing buffer follows at the device's
// pixel ratio so text stays sharp on HiDPI screens. ImGui then works in device pixels, with
// its fonts and sizes scaled by the same ratio.
void follow_canvas_size() {
  double css_w = 0, css_h = 0;
  emscripten_get_element_css_size(kCanvas, &css_w, &css_h);
  const double ratio = std::fmax(1.0, std::fmin(emscripten_get_device_pixel_ratio(), 3.0));
  const int w = std::max(1, int(std::lround(css_w * ratio)));
  const int h = std::max(1, int(std::lround(css_h * ratio)));
  int now_w = 0, now_h = 0;
  glfwGetWindowSize(g.window, &now_w, &now_h);
  if (w != now_w || h != now_h) {
    glfwSetWindowSize(g.window, w, h);
    request_frames();
  }
  if (float(ratio) != g.scale) {
    g.scale = float(ratio);
    load_font(std::round(15.0f * g.scale));
    lesson::apply_style(g.scale, g.dark);
    request_frames();
  }
}

// Start-up in three tasks instead of one: the font atlas, then the GPU objects (shaders and
// the font texture), then the first frame, each on its own display frame, and whether or
// not the figure is on screen yet (see frame()). As one task it blocked the page for 150-220 ms
// (bench/README.md).
bool started() {
  if (g.startup_steps_done >= 2) return true;
  if (g.startup_steps_done == 0) {
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  } else {
    ImGui_ImplOpenGL3_CreateDeviceObjects();
  }
  ++g.startup_steps_done;
  return false;
}

void draw();

void frame() {
  follow_canvas_size();
  if (!started()) return;
  // The first frame is drawn even off screen: it runs most of the figure's code for the first
  // time (V8 compiles each wasm function at its first call), better at load than at a click.
  const bool first = g.frames_drawn == 0;
  if (!first && (!g.visible || (g.frames_wanted <= 0 && !g.app->animating()))) return;
  if (g.frames_wanted > 0) --g.frames_wanted;
  draw();
}

void draw() {
  const double started_ms = emscripten_get_now();

  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
  const ImVec2 size = ImGui::GetIO().DisplaySize;
  g.app->frame(size.x, size.y);
  ImGui::Render();

  int fb_w = 0, fb_h = 0;
  glfwGetFramebufferSize(g.window, &fb_w, &fb_h);
  glViewport(0, 0, fb_w, fb_h);
  const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  glClearColor(bg.x, bg.y, bg.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  ++g.frames_drawn;
  g.frame_ms[g.timed++ % kTimedFrames] = float(emscripten_get_now() - started_ms);
}

}  // namespace

// ---- the JS side's handles ---------------------------------------------------
// The whole seam: page.js declares the same list once (its `wasm` table), with the same
// types. Strings returned here stay valid until the next call; page.js copies them at once.
extern "C" {
EMSCRIPTEN_KEEPALIVE long lesson_frames() { return g.frames_drawn; }
// Only a change asks for frames: the page reports visibility and theme at start-up too, and
// an idle figure must stay idle.
EMSCRIPTEN_KEEPALIVE void lesson_set_visible(int visible) {
  if (visible && !g.visible) request_frames();
  g.visible = visible != 0;
}
EMSCRIPTEN_KEEPALIVE void lesson_set_theme(int dark) {
  if ((dark != 0) == g.dark) return;
  g.dark = dark != 0;
  if (g.scale > 0) lesson::apply_style(g.scale, g.dark);
  request_frames();
}
// The wasm time of recent frames, ms, oldest first: "[0.8,1.2,...]".
EMSCRIPTEN_KEEPALIVE const char* lesson_frame_times_json() {
  std::string json = "[";
  const long count = std::min<long>(g.timed, kTimedFrames);
  for (long i = g.timed - count; i < g.timed; ++i) {
    char number[24];
    std::snprintf(number, sizeof number, "%s%.3f", i > g.timed - count ? "," : "", double(g.frame_ms[i % kTimedFrames]));
    json += number;
  }
  return hand_to_js(json + "]");
}
// Draws one frame now, on screen or not, and says whether the scene is still moving: the
// page draws still images of scenes for printing (the canvas holds the frame until the
// calling task ends).
EMSCRIPTEN_KEEPALIVE int lesson_draw_now() {
  follow_canvas_size();
  while (!started()) {
  }
  draw();
  return g.app->animating() ? 1 : 0;
}
EMSCRIPTEN_KEEPALIVE const char* lesson_state_json() { return hand_to_js(g.app->lesson.state_json()); }
EMSCRIPTEN_KEEPALIVE const char* lesson_url() { return hand_to_js(g.app->lesson.url()); }
EMSCRIPTEN_KEEPALIVE const char* lesson_scenes_json() { return hand_to_js(g.app->lesson.scenes_json()); }
EMSCRIPTEN_KEEPALIVE const char* lesson_controls_json() { return hand_to_js(g.app->lesson.controls_json()); }
// Where each control was drawn in the last frame, in CSS pixels from the canvas's top left:
// {"lr":[x,y,width,height],"scene:maths":[...],...}.
EMSCRIPTEN_KEEPALIVE const char* lesson_control_rects_json() {
  std::string json = "{";
  const float s = g.scale > 0 ? g.scale : 1.0f;
  for (const lesson::DrawnControl& c : lesson::drawn_controls()) {
    char rect[96];
    std::snprintf(rect, sizeof rect, ":[%.1f,%.1f,%.1f,%.1f]", double(c.min.x / s), double(c.min.y / s),
                  double((c.max.x - c.min.x) / s), double((c.max.y - c.min.y) / s));
    json += (json.size() > 1 ? "," : "") + lesson::json_string(c.key) + rect;
  }
  return hand_to_js(json + "}");
}
// Every text drawn in the last frame, CSS pixels from the canvas's top left: its rectangle,
// its panel's (the clip rectangle it was drawn in), its font size and the text itself:
// [{"r":[x,y,w,h],"p":[x,y,w,h],"px":15,"t":"loss"},...] (tests/web/phone.test.mjs).
EMSCRIPTEN_KEEPALIVE const char* lesson_text_rects_json() {
  std::string json = "[";
  const float s = g.scale > 0 ? g.scale : 1.0f;
  for (const lesson::DrawnText& t : lesson::drawn_texts()) {
    char numbers[160];
    std::snprintf(numbers, sizeof numbers, "{\"r\":[%.1f,%.1f,%.1f,%.1f],\"p\":[%.1f,%.1f,%.1f,%.1f],\"px\":%.1f,\"t\":",
                  double(t.min.x / s), double(t.min.y / s), double((t.max.x - t.min.x) / s), double((t.max.y - t.min.y) / s),
                  double(t.panel_min.x / s), double(t.panel_min.y / s), double((t.panel_max.x - t.panel_min.x) / s),
                  double((t.panel_max.y - t.panel_min.y) / s), double(t.size / s));
    json += (json.size() > 1 ? "," : "") + std::string(numbers) + lesson::json_string(t.text) + "}";
  }
  return hand_to_js(json + "]");
}
// On a narrow canvas, the CSS height its content took in the last frame (the page sizes the
// canvas to it); on a wide one, minus the height its controls took (the page grows the
// canvas if that is more than it has by CSS); 0 for none.
EMSCRIPTEN_KEEPALIVE double lesson_content_height() {
  return g.scale > 0 ? double(g.app->content_height / g.scale) : 0.0;
}
// A native control changed (the page's parallel of the canvas): a button pressed (value
// unused), or a value set, checked and clamped by the table as a URL value is. Returns the
// warnings, one per line.
EMSCRIPTEN_KEEPALIVE const char* lesson_set_control(const char* key, double value) {
  lesson::SceneModel& scene = g.app->lesson.current();
  const std::string_view name = key ? key : "";
  lesson::Warnings warnings;
  if (!scene.press(name)) scene.set_param(name, value, warnings);
  request_frames();
  return warnings_to_js(warnings);
}
// The control whose native twin has focus ("" for none): the canvas rings it.
EMSCRIPTEN_KEEPALIVE void lesson_focus_control(const char* key) {
  g.app->focused = key ? key : "";
  request_frames();
}
// Predict, then see: arms the prediction of a Try it that has just set its scene up (its
// outcome then appears in lesson_state_json's "prediction"). 0 for an unknown id or scene.
EMSCRIPTEN_KEEPALIVE int lesson_arm_prediction(const char* id) {
  const bool armed = g.app->lesson.arm_prediction(id ? id : "");
  request_frames();
  return armed ? 1 : 0;
}
EMSCRIPTEN_KEEPALIVE void lesson_set_reduced_motion(int on) { g.app->lesson.set_reduced_motion(on != 0); }
// The URL parameters with which a Try it sets up its scene: "scene=training&data=xor&...".
EMSCRIPTEN_KEEPALIVE const char* lesson_prediction_setup(const char* id) {
  for (const lesson::PredictionRule& rule : lesson::prediction_rules())
    if (std::string_view(id ? id : "") == rule.id) return hand_to_js(std::string("scene=") + rule.scene + "&" + rule.setup);
  return hand_to_js("");
}
// Applies "scene=training&lr=3" (URL, "Try it" buttons, the JS API, the host page).
// Returns the warnings, one per line (empty when all was understood).
EMSCRIPTEN_KEEPALIVE const char* lesson_apply_url(const char* query) {
  const lesson::Warnings warnings = g.app->lesson.apply_url(query ? query : "");
  request_frames();
  return warnings_to_js(warnings);
}
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
  g.window = glfwCreateWindow(640, 400, "Biological vs Artificial Neurons", nullptr, nullptr);
  if (!g.window) {
    std::fprintf(stderr, "lesson: no WebGL2 context\n");
    return 1;
  }
  glfwMakeContextCurrent(g.window);

  // Any input asks for a few frames. Set before ImGui's backend, which chains to these.
  glfwSetCursorPosCallback(g.window, [](GLFWwindow*, double, double) { request_frames(); });
  glfwSetMouseButtonCallback(g.window, [](GLFWwindow*, int, int, int) { request_frames(); });
  glfwSetScrollCallback(g.window, [](GLFWwindow*, double, double) { request_frames(); });

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // nothing to save: the page keeps state in its URL
  ImGui_ImplGlfw_InitForOpenGL(g.window, true);
  // The figure takes no keys: the keyboard works its native twins in the page (one focus
  // system, the browser's; figure.mjs never hands GLFW the key events either).
  glfwSetKeyCallback(g.window, nullptr);
  glfwSetCharCallback(g.window, nullptr);
  ImGui_ImplOpenGL3_Init("#version 300 es");

  static lesson::App app;
  g.app = &app;
  emscripten_set_main_loop(frame, 0, false);
  return 0;
}
