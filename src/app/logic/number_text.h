// number_text.h: reading numbers from text, as strtod and sscanf do, without the C library's
// general decimal reader (musl's __floatscan with 128-bit soft-float arithmetic: 9.8 KB of
// the page's gzipped wasm). The app's link step points strtod, atof and sscanf at these
// (src/app/libc_numbers.cpp), for Dear ImGui's typed slider values and the URL parser.
//
// Exact (correctly rounded) for up to 15 significant digits with a decimal exponent within
// +-22, which covers every number the lesson writes (URLs use "%.4g", sliders their display
// format); beyond that within a few units in the last place (tests/logic/number_text_test.cpp).
#pragma once

namespace lesson {

// Like strtod: skips leading white space; reads an optional sign, then decimal digits with
// an optional point and exponent, "0x" hexadecimal digits, or inf / infinity / nan (any
// case). *end points just past what was read, or at text when nothing was a number
// (then it returns 0). Out-of-range values become +-inf or 0.
double parse_number(const char* text, const char** end);

// Like strtoll in base 10 (base 16 after "0x" when hex_prefix): sign, digits; *end as above.
// Clamped to the range of long long.
long long parse_integer(const char* text, const char** end, bool hex_prefix);

}  // namespace lesson
