// libc_numbers.cpp: strtod, atof and sscanf for the page, on lesson::parse_number and
// parse_integer (logic/number_text.h); snprintf, vsnprintf and fprintf on
// lesson::format_text_v (logic/number_format.h). The link step wraps the C library's
// versions (-Wl,--wrap=..., src/app/CMakeLists.txt): its general decimal reader is 9.8 KB of
// gzipped wasm, and its printf (printf_core, fmt_fp, the long double argument reader) 4.5 KB
// where number_format.cpp takes 2.1 KB, for what Dear ImGui, the URL parser and the lesson's
// own numbers need.
//
// sscanf handles what Dear ImGui 1.86 asks of it: the conversions %d %i %u %lld %llu %f %lf
// (and %*... to skip nothing else), white space, and literal characters. An unsupported
// conversion stops the scan there, as a failed match does.
#include <cstdarg>
#include <cstdio>
#include <cstdlib>

#include "number_format.h"
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

int __wrap_vsnprintf(char* out, std::size_t size, const char* format, va_list args) {
  return lesson::format_text_v(out, size, format, args);
}

int __wrap_snprintf(char* out, std::size_t size, const char* format, ...) {
  va_list args;
  va_start(args, format);
  const int length = lesson::format_text_v(out, size, format, args);
  va_end(args);
  return length;
}

// Only error messages (main.cpp, ImGui's OpenGL backend when a shader fails): formatted, then
// written in one piece. fiprintf is the name the compiler gives an fprintf without doubles.
int __wrap_vfprintf(std::FILE* file, const char* format, va_list args) {
  va_list again;
  va_copy(again, args);
  const int length = lesson::format_text_v(nullptr, 0, format, args);
  char* text = static_cast<char*>(std::malloc(std::size_t(length) + 1));
  if (text) {
    lesson::format_text_v(text, std::size_t(length) + 1, format, again);
    std::fwrite(text, 1, std::size_t(length), file);
    std::free(text);
  }
  va_end(again);
  return length;
}

int __wrap_fprintf(std::FILE* file, const char* format, ...) {
  va_list args;
  va_start(args, format);
  const int length = __wrap_vfprintf(file, format, args);
  va_end(args);
  return length;
}

int __wrap_fiprintf(std::FILE* file, const char* format, ...) {
  va_list args;
  va_start(args, format);
  const int length = __wrap_vfprintf(file, format, args);
  va_end(args);
  return length;
}

}  // extern "C"
