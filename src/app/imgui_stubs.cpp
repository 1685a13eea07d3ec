// imgui_stubs.cpp: stand-ins for Dear ImGui functions this figure never needs, swapped in at
// link time (-Wl,--wrap, listed with their reasons in src/app/CMakeLists.txt) so that the
// linker drops the code behind them.
#include <cstddef>
#include <cstdlib>
#include <cstring>

#include "imgui.h"

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


// qsort -> an insertion sort. Every caller is ImGui's (ImQsort, and stb_rect_pack placing the
// font's glyphs in the atlas) and sorts a few to a few hundred items, once or now and then;
// musl's smoothsort is 0.7 KB of gzipped wasm. ImGui's comparisons are total orders (ties
// broken by index or begin order), so any correct sort gives the same result. stb_rect_pack's
// (by height, then width) has ties only between rectangles of the same size: those take the
// same places in the atlas, one glyph where the other would have been, drawn the same.
// Each item is moved once, to where it belongs (the atlas's two sorts of its 105 glyphs were
// about 8 ms of a start at 4x CPU when items went there one swap, byte by byte, at a time).
extern "C" void __wrap_qsort(void* base, std::size_t count, std::size_t size, int (*compare)(const void*, const void*)) {
  char* const items = static_cast<char*>(base);
  char* const held = count > 1 ? static_cast<char*>(std::malloc(size)) : nullptr;
  if (!held) return;  // nothing to sort (or no memory: then nothing else works either)
  for (std::size_t i = 1; i < count; ++i) {
    char* const item = items + i * size;
    char* place = item;
    while (place > items && compare(place - size, item) > 0) place -= size;
    if (place == item) continue;
    std::memcpy(held, item, size);
    std::memmove(place + size, place, std::size_t(item - place));
    std::memcpy(place, held, size);
  }
  std::free(held);
}
