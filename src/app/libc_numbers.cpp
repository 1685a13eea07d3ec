// libc_numbers.cpp: strtod, atof and sscanf for the page, on lesson::parse_number and
// parse_integer (logic/number_text.h). The link step wraps the C library's versions
// (-Wl,--wrap=..., src/app/CMakeLists.txt), which drags in its general decimal reader:
// 9.8 KB of gzipped wasm for what Dear ImGui and the URL parser need.
//
// sscanf handles what Dear ImGui 1.86 asks of it: the conversions %d %i %u %lld %llu %f %lf
// (and %*... to skip nothing else), white space, and literal characters. An unsupported
// conversion stops the scan there, as a failed match does.
#include <cstdarg>

#include "number_text.h"

extern "C" {

double __wrap_strtod(const char* text, char** end) {
  const char* stop = text;
  const double value = lesson::parse_number(text, &stop);
  if (end) *end = const_cast<char*>(stop);
  return value;
}

double __wrap_atof(const char* text) {
  const char* stop = text;
  return lesson::parse_number(text, &stop);
}

int __wrap_sscanf(const char* text, const char* format, ...) {
  va_list args;
  va_start(args, format);
  int converted = 0;
  const char* in = text;
  const auto space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
  for (const char* f = format; *f; ++f) {
    if (space(*f)) {
      while (space(*in)) ++in;
      continue;
    }
    if (*f != '%' || f[1] == '%') {
      if (*f == '%') ++f;
      if (*in != *f) break;
      ++in;
      continue;
    }
    ++f;
    int longs = 0;
    while (*f == 'l') {
      ++longs;
      ++f;
    }
    const char* stop = in;
    if (*f == 'f' || *f == 'g' || *f == 'e') {
      const double value = lesson::parse_number(in, &stop);
      if (stop == in) break;
      if (longs) *va_arg(args, double*) = value;
      else *va_arg(args, float*) = float(value);
    } else if (*f == 'd' || *f == 'i' || *f == 'u') {
      const long long value = lesson::parse_integer(in, &stop, *f == 'i');
      if (stop == in) break;
      if (longs >= 2) *va_arg(args, long long*) = value;
      else if (longs == 1) *va_arg(args, long*) = long(value);
      else *va_arg(args, int*) = int(value);
    } else {
      break;
    }
    in = stop;
    ++converted;
  }
  va_end(args);
  return converted;  // 0 for empty text too (not EOF): ImGui tests some results as booleans
}

}  // extern "C"
