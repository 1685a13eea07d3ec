// plot.h: small drawing helpers shared by the scenes (axes, curves, markers), on top of
// ImGui's draw list, plus the palette and number formatting every scene uses.
#pragma once
#include <string>

#include "imgui.h"
#include "activation.h"

namespace lesson {

struct Palette {
  ImVec4 text, muted, accent, good, bad, grid, plot_bg;
};
const Palette& palette();

// "0.57", "-1.20", "1.2e+06": never "nan" or "-0.00"; non-finite values read "n/a".
std::string format_number(double value, int decimals = 2);

// The activation function over z in [-6, 6], with the current z marked by a dot and a line.
void plot_activation(neuron::Activation f, double z, ImVec2 size);

}  // namespace lesson
