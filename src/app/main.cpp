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
#include <vector>

#include "app.h"
#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"

// The canvas font: Inter subset at build time (assets/ui-font-characters.txt).
extern "C" const unsigned char kUiFont[];
extern "C" const unsigned int kUiFont_size;

namespace {

constexpr const char* kCanvas = "#canvas";
// ImGui settles hover highlights and layouts over a couple of frames after each input.
constexpr int kFramesAfterInput = 3;

GLFWwindow* g_window = nullptr;
lesson::App* g_app = nullptr;
bool g_dark = false;
int g_frames_wanted = kFramesAfterInput;
long g_frames_drawn = 0;
bool g_visible = true;
float g_scale = 0.0f;
std::string g_text;  // the last string handed to JS (valid until the next call)

void load_font(float pixels) {
  // Latin, Greek, and the arrows and operators of the maths view.
  static const ImWchar ranges[] = {0x0020, 0x00FF, 0x0391, 0x03C9, 0x2013, 0x2026,
                                   0x2032, 0x2032, 0x2190, 0x2193, 0x2202, 0x2265, 0};
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

namespace {

const char* hand_to_js(std::string text) {
  g_text = std::move(text);
  return g_text.c_str();
}

void request_frames() { g_frames_wanted = kFramesAfterInput; }

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
  glfwGetWindowSize(g_window, &now_w, &now_h);
  if (w != now_w || h != now_h) {
    glfwSetWindowSize(g_window, w, h);
    request_frames();
  }
  if (float(ratio) != g_scale) {
    g_scale = float(ratio);
    load_font(std::round(15.0f * g_scale));
    lesson::apply_style(g_scale, g_dark);
    request_frames();
  }
}

// Wasm time of the last kTimedFrames drawn frames, for bench/page.mjs.
constexpr int kTimedFrames = 256;
float g_frame_ms[kTimedFrames] = {};
long g_timed = 0;

void frame() {
  follow_canvas_size();
  if (!g_visible || (g_frames_wanted <= 0 && !g_app->animating())) return;
  if (g_frames_wanted > 0) --g_frames_wanted;
  const double started_ms = emscripten_get_now();

  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
  const ImVec2 size = ImGui::GetIO().DisplaySize;
  g_app->frame(size.x, size.y);
  ImGui::Render();

  int fb_w = 0, fb_h = 0;
  glfwGetFramebufferSize(g_window, &fb_w, &fb_h);
  glViewport(0, 0, fb_w, fb_h);
  const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  glClearColor(bg.x, bg.y, bg.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  ++g_frames_drawn;
  g_frame_ms[g_timed++ % kTimedFrames] = float(emscripten_get_now() - started_ms);
}

}  // namespace

// ---- the JS side's handles (page.js) ----------------------------------------
// Strings returned here stay valid until the next call; page.js copies them at once.
extern "C" {
EMSCRIPTEN_KEEPALIVE long lesson_frames() { return g_frames_drawn; }
EMSCRIPTEN_KEEPALIVE void lesson_request_frame() { request_frames(); }
// Only a change asks for frames: the page reports visibility and theme at start-up too, and
// an idle figure must stay idle.
EMSCRIPTEN_KEEPALIVE void lesson_set_visible(int visible) {
  if (visible && !g_visible) request_frames();
  g_visible = visible != 0;
}
EMSCRIPTEN_KEEPALIVE void lesson_set_theme(int dark) {
  if ((dark != 0) == g_dark) return;
  g_dark = dark != 0;
  if (g_scale > 0) lesson::apply_style(g_scale, g_dark);
  request_frames();
}
// The wasm time of recent frames, ms, oldest first: "[0.8,1.2,...]".
EMSCRIPTEN_KEEPALIVE const char* lesson_frame_times_json() {
  std::string json = "[";
  const long count = std::min<long>(g_timed, kTimedFrames);
  for (long i = g_timed - count; i < g_timed; ++i) {
    char number[24];
    std::snprintf(number, sizeof number, "%s%.3f", i > g_timed - count ? "," : "", double(g_frame_ms[i % kTimedFrames]));
    json += number;
  }
  return hand_to_js(json + "]");
}
EMSCRIPTEN_KEEPALIVE const char* lesson_state_json() { return hand_to_js(g_app->lesson.state_json()); }
EMSCRIPTEN_KEEPALIVE const char* lesson_url() { return hand_to_js(g_app->lesson.url()); }
EMSCRIPTEN_KEEPALIVE const char* lesson_scenes_json() {
  std::string json = "[";
  for (const lesson::SceneModel* scene : g_app->lesson.scenes())
    json += std::string(json.size() > 1 ? "," : "") + "{\"id\":" + lesson::json_string(scene->id()) +
            ",\"title\":" + lesson::json_string(scene->title()) + "}";
  return hand_to_js(json + "]");
}
// Applies "scene=training&lr=3" (URL, "Try it" buttons, the JS API, the host page).
// Returns the warnings, one per line (empty when all was understood).
EMSCRIPTEN_KEEPALIVE const char* lesson_apply_url(const char* query) {
  const lesson::Warnings warnings = g_app->lesson.apply_url(query ? query : "");
  g_app->select_tab();
  request_frames();
  std::string text;
  for (const std::string& w : warnings) text += w + "\n";
  return hand_to_js(text);
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
  g_window = glfwCreateWindow(640, 400, "Biological vs Artificial Neurons", nullptr, nullptr);
  if (!g_window) {
    std::fprintf(stderr, "lesson: no WebGL2 context\n");
    return 1;
  }
  glfwMakeContextCurrent(g_window);

  // Any input asks for a few frames. Set before ImGui's backend, which chains to these.
  glfwSetCursorPosCallback(g_window, [](GLFWwindow*, double, double) { request_frames(); });
  glfwSetMouseButtonCallback(g_window, [](GLFWwindow*, int, int, int) { request_frames(); });
  glfwSetScrollCallback(g_window, [](GLFWwindow*, double, double) { request_frames(); });
  glfwSetKeyCallback(g_window, [](GLFWwindow*, int, int, int, int) { request_frames(); });
  glfwSetCharCallback(g_window, [](GLFWwindow*, unsigned) { request_frames(); });

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // nothing to save: the page keeps state in its URL
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  ImGui_ImplGlfw_InitForOpenGL(g_window, true);
  ImGui_ImplOpenGL3_Init("#version 300 es");

  static lesson::App app;
  g_app = &app;
  emscripten_set_main_loop(frame, 0, false);
  return 0;
}
