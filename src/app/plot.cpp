// plot.cpp: palette, Plot, Panes and small widgets on top of ImGui.
#include "plot.h"

#include "frame_memory.h"
#include "palette_css.h"
#include "param_widget.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstring>

namespace lesson {

namespace {
ImVec4 rgb(int hex, float alpha = 1.0f) {
  return ImVec4(((hex >> 16) & 255) / 255.0f, ((hex >> 8) & 255) / 255.0f, (hex & 255) / 255.0f, alpha);
}

// The colours the page also uses come from lesson.css (css::klight, css::kdark, generated
// at configure time); the rest are the canvas's own.
Palette light_palette() {
  const css::Colours c = css::klight;
  return {rgb(c.bg), rgb(c.panel), rgb(c.fg), rgb(c.muted), rgb(c.accent),
          rgb(0xdbe6fd), rgb(c.good), rgb(c.bad), rgb(0xb45309), rgb(c.rule),
          rgb(0xea580c), rgb(c.accent),
          {rgb(c.accent), rgb(0x9333ea), rgb(0x0d9488), rgb(0x64748b), rgb(0x94a3b8), rgb(0xea580c)}};
}
Palette dark_palette() {
  const css::Colours c = css::kdark;
  return {rgb(c.bg), rgb(c.panel), rgb(c.fg), rgb(c.muted), rgb(c.accent),
          rgb(0x26324d), rgb(c.good), rgb(c.bad), rgb(0xfbbf24), rgb(c.rule),
          rgb(c.bad), rgb(c.accent),
          {rgb(c.accent), rgb(0xc084fc), rgb(0x2dd4bf), rgb(0x94a3b8), rgb(0x64748b), rgb(c.bad)}};
}
}  // namespace

const Palette& palette() { return frame_memory().palette; }
void set_dark_palette(bool dark) { frame_memory().palette = dark ? dark_palette() : light_palette(); }
ImU32 colour(const ImVec4& c, float alpha) { return ImGui::GetColorU32(ImVec4(c.x, c.y, c.z, c.w * alpha)); }
ImVec4 mix(const ImVec4& a, const ImVec4& b, float t) {
  return ImVec4(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, a.z + (b.z - a.z) * t, a.w + (b.w - a.w) * t);
}

Plot::Plot(const char* id, ImVec2 wanted, double x0_, double x1_, double y0_, double y1_, bool log)
    : draw(ImGui::GetWindowDrawList()), x0(x0_), x1(x1_), y0(y0_), y1(y1_), log_y(log) {
  origin = ImGui::GetCursorScreenPos();
  size = ImVec2(std::max(wanted.x, 40.0f), std::max(wanted.y, 40.0f));
  if (log_y) {
    y0 = std::max(y0, 1e-300);
    y1 = std::max(y1, y0 * 10);
  }
  if (!(x1 > x0)) x1 = x0 + 1;
  if (!(y1 > y0)) y1 = y0 + 1;
  ImGui::InvisibleButton(id, size);
  note_control(std::string("plot:") + id);  // where each plot is, for the page and tests
  clicked_ = ImGui::IsItemClicked();
  hovered_ = ImGui::IsItemHovered();
  const ImVec2 corner(origin.x + size.x, origin.y + size.y);
  draw->AddRectFilled(origin, corner, colour(palette().panel), ImGui::GetStyle().FrameRounding);
  draw->PushClipRect(origin, corner, true);
  // Two layers: lines and shapes below, texts (place_text) above, whatever the order they
  // are drawn in; so a plot places its captions first, before other labels take the room.
  draw->ChannelsSplit(2);
}

Plot::~Plot() {
  draw->ChannelsMerge();
  draw->PopClipRect();
}

double Plot::y_map(double y) const {
  if (!log_y) return (y - y0) / (y1 - y0);
  return (std::log10(std::max(y, 1e-300)) - std::log10(y0)) / (std::log10(y1) - std::log10(y0));
}

ImVec2 Plot::at(double x, double y) const {
  const double u = std::clamp((x - x0) / (x1 - x0), -1.0, 2.0);
  const double v = std::clamp(y_map(y), -1.0, 2.0);
  return ImVec2(origin.x + float(u) * size.x, origin.y + float(1.0 - v) * size.y);
}

double Plot::x_of(float screen_x) const { return x0 + (x1 - x0) * (screen_x - origin.x) / size.x; }
double Plot::y_of(float screen_y) const {
  const double v = 1.0 - (screen_y - origin.y) / size.y;
  return log_y ? std::pow(10.0, std::log10(y0) + v * (std::log10(y1) - std::log10(y0)))
               : y0 + (y1 - y0) * v;
}

void Plot::hline(double y, const ImVec4& c, float thickness, const char* label) {
  draw->AddLine(at(x0, y), at(x1, y), colour(c), thickness);
  if (label) {
    const ImVec2 p = at(x0, y);
    place_text(draw, ImVec2(p.x + 4, p.y - ImGui::GetFontSize() - 1), c, label);
  }
}

void Plot::vline(double x, const ImVec4& c, float thickness) {
  draw->AddLine(at(x, y0), at(x, y1), colour(c), thickness);
}

void Plot::curve(int count, const std::function<ImVec2(int)>& point, const ImVec4& c, float thickness) {
  if (count < 2) return;
  std::vector<ImVec2> screen;
  screen.reserve(std::size_t(count));
  for (int i = 0; i < count; ++i) {
    const ImVec2 p = point(i);
    if (std::isfinite(p.x) && std::isfinite(p.y)) screen.push_back(at(p.x, p.y));
  }
  draw->AddPolyline(screen.data(), int(screen.size()), colour(c), 0, thickness);
}

void Plot::dot(double x, double y, float radius, const ImVec4& c, bool outline) {
  const ImVec2 p = at(x, y);
  if (outline) draw->AddCircleFilled(p, radius + 1.5f * ImGui::GetIO().FontGlobalScale, colour(palette().background));
  draw->AddCircleFilled(p, radius, colour(c));
}

bool Plot::label(double x, double y, const std::string& s, const ImVec4& c) { return place_text(draw, at(x, y), c, s); }

void Plot::rect(double xa, double ya, double xb, double yb, const ImVec4& c) {
  const ImVec2 a = at(xa, ya), b = at(xb, yb);
  draw->AddRectFilled(ImVec2(std::min(a.x, b.x), std::min(a.y, b.y)),
                      ImVec2(std::max(a.x, b.x), std::max(a.y, b.y)), colour(c));
}

namespace {
// "loss of the racer (4 layers)" -> "loss of the racer": cut at the last ", ", "; " or " (".
std::string shorter(const std::string& text) {
  std::size_t cut = 0;
  for (const char* mark : {", ", "; ", " ("}) {
    const std::size_t at = text.rfind(mark);
    if (at != std::string::npos) cut = std::max(cut, at);
  }
  return text.substr(0, cut);
}
}  // namespace

void Plot::captions(const char* x_caption, const char* y_caption) {
  const float pad = ImGui::GetStyle().ItemSpacing.x * 0.5f;
  // The y caption first: it names the plot, so it gets the top left before anything else.
  for (std::string s = y_caption ? y_caption : ""; !s.empty(); s = shorter(s))
    if (ImGui::CalcTextSize(s.c_str()).x <= size.x - 2 * pad && place_text(draw, ImVec2(origin.x + pad, origin.y + pad), palette().muted, s)) break;
  if (x_caption) {
    const ImVec2 s = ImGui::CalcTextSize(x_caption);
    place_text(draw, ImVec2(origin.x + size.x - s.x - pad, origin.y + size.y - s.y - pad), palette().muted, x_caption);
  }
}

// ---- Texts drawn ------------------------------------------------------------------------
namespace {
bool overlaps(ImVec2 a0, ImVec2 a1, ImVec2 b0, ImVec2 b1) {
  return a0.x < b1.x && b0.x < a1.x && a0.y < b1.y && b0.y < a1.y;
}
}  // namespace

void forget_drawn_texts() { frame_memory().texts.clear(); }
const std::vector<DrawnText>& drawn_texts() { return frame_memory().texts; }

bool place_text(ImDrawList* draw, ImVec2 at, const ImVec4& c, const std::string& text) {
  const ImVec2 extent = ImGui::CalcTextSize(text.c_str());
  const ImVec2 lo = draw->GetClipRectMin(), hi = draw->GetClipRectMax();
  const float line = ImGui::GetTextLineHeight();
  const float x = std::max(lo.x + 2, std::min(at.x, hi.x - extent.x - 2));
  for (const float shift : {0.0f, 1.0f, -1.0f, 2.0f, -2.0f}) {
    const ImVec2 p0(x, at.y + shift * line), p1(x + extent.x, at.y + shift * line + extent.y);
    if (p0.x < lo.x || p0.y < lo.y || p1.x > hi.x || p1.y > hi.y) continue;
    bool free = true;
    for (const DrawnText& t : frame_memory().texts) free = free && !overlaps(p0, p1, t.min, t.max);
    if (!free) continue;
    const bool layered = draw->_Splitter._Count > 1;  // inside a Plot: on its text layer
    if (layered) draw->ChannelsSetCurrent(1);
    draw->AddRectFilled(ImVec2(p0.x - 2, p0.y), ImVec2(p1.x + 2, p1.y), colour(palette().panel, 0.9f), 2.0f);
    draw->AddText(nullptr, 0.0f, p0, colour(c), text.c_str());
    if (layered) draw->ChannelsSetCurrent(0);
    return true;
  }
  return false;
}

float left_pane_bottom() { return frame_memory().left_pane_bottom; }

bool narrow_layout() { return ImGui::GetWindowContentRegionMax().x - ImGui::GetWindowContentRegionMin().x <= ImGui::GetFontSize() * 30; }

Panes::Panes(float left_fraction) {
  frame_memory().left_pane_bottom = 0.0f;
  const float avail = ImGui::GetContentRegionAvail().x;
  wide = !narrow_layout();
  // NavFlattened: arrow keys move between the panes as if they were one window. No
  // scrollbars: the page scrolls, not the figure (and a scrollbar coming and going would
  // narrow the pane, rewrap its text and change the height the canvas is asked for).
  if (wide)
    ImGui::BeginChild("left", ImVec2(std::max(avail * left_fraction, ImGui::GetFontSize() * 14), 0), false,
                      ImGuiWindowFlags_NavFlattened | ImGuiWindowFlags_NoScrollbar);
}

void Panes::right() {
  if (in_right_) return;
  in_right_ = true;
  if (wide) {
    // Where the left pane's content ends (the figure's window is at the canvas's top left).
    frame_memory().left_pane_bottom = ImGui::GetCursorScreenPos().y;
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("right", ImVec2(0, 0), false, ImGuiWindowFlags_NavFlattened | ImGuiWindowFlags_NoScrollbar);
  }
}

Panes::~Panes() {
  right();
  if (wide) ImGui::EndChild();
}

float narrow_height(float aspect) {
  const float width = ImGui::GetContentRegionAvail().x;
  return std::max(ImGui::GetTextLineHeightWithSpacing() * 9, std::min(width * aspect, width * 0.8f));
}

float share_of_height(int count, float minimum_lines) {
  const float line = ImGui::GetTextLineHeightWithSpacing();
  const float avail = ImGui::GetContentRegionAvail().y - ImGui::GetStyle().ItemSpacing.y * float(count);
  return std::max(avail / float(std::max(count, 1)), line * minimum_lines);
}

void same_line_if_fits(const char* label) {
  same_line_if_room(ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label).x);
}

void same_line_if_room(float width) {
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width <= right) ImGui::SameLine();
}

void section_label(const char* text) {
  ImGui::Spacing();
  ImGui::PushStyleColor(ImGuiCol_Text, palette().muted);
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(text);
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
}

bool toggle_button(const char* label, bool active, ImVec2 size) {
  if (active) {
    ImGui::PushStyleColor(ImGuiCol_Button, palette().accent);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, palette().accent);
    ImGui::PushStyleColor(ImGuiCol_Text, palette().background);
  }
  const bool pressed = ImGui::Button(label, size);
  if (active) ImGui::PopStyleColor(3);
  return pressed;
}

}  // namespace lesson

// Every text ImGui draws passes through this one overload of ImDrawList::AddText (the other
// one, and place_text, call it), which the link step wraps (src/app/CMakeLists.txt) to note
// the text's rectangle and panel before drawing it. Invisible text is not noted.
extern "C" void __real__ZN10ImDrawList7AddTextEPK6ImFontfRK6ImVec2jPKcS7_fPK6ImVec4(
    ImDrawList*, const ImFont*, float, const ImVec2&, ImU32, const char*, const char*, float, const ImVec4*);
extern "C" void __wrap__ZN10ImDrawList7AddTextEPK6ImFontfRK6ImVec2jPKcS7_fPK6ImVec4(
    ImDrawList* list, const ImFont* font, float size, const ImVec2& pos, ImU32 col, const char* begin,
    const char* end, float wrap, const ImVec4* clip) {
  if (!end) end = begin + std::strlen(begin);
  const bool blank = std::all_of(begin, end, [](char ch) { return ch == ' '; });
  if ((col & IM_COL32_A_MASK) && !blank) {
    const ImFont* f = font ? font : ImGui::GetFont();
    const float px = size > 0 ? size : ImGui::GetFontSize();
    const ImVec2 extent = f->CalcTextSizeA(px, FLT_MAX, wrap, begin, end);
    ImVec2 lo = list->GetClipRectMin(), hi = list->GetClipRectMax();
    if (clip) {
      lo = ImVec2(std::max(lo.x, clip->x), std::max(lo.y, clip->y));
      hi = ImVec2(std::min(hi.x, clip->z), std::min(hi.y, clip->w));
    }
    lesson::frame_memory().texts.push_back({pos, ImVec2(pos.x + extent.x, pos.y + extent.y), lo, hi, px, std::string(begin, end)});
  }
  __real__ZN10ImDrawList7AddTextEPK6ImFontfRK6ImVec2jPKcS7_fPK6ImVec4(list, font, size, pos, col, begin, end, wrap, clip);
}
