// number_format.h: writing text with numbers, as snprintf and vsnprintf do, without the C
// library's printf (musl's printf_core, fmt_fp and what they bring: 4.5 KB of the page's
// gzipped wasm, where this takes 2.1 KB). The app's link step points snprintf, vsnprintf,
// fprintf and fiprintf at these (src/app/libc_numbers.cpp), for Dear ImGui's labels and
// slider values and the lesson's own numbers (JSON, URLs, summaries).
//
// Doubles come out exactly as musl and glibc write them: every digit is taken from the
// double's exact decimal value (a double is m * 2^e, so that value has a finite expansion)
// and rounded once, ties to even. So "%.17g" reads back as the same double. The tests
// (tests/logic/number_format_test.cpp) compare with the C library's snprintf: glibc natively,
// musl in the wasm build.
#pragma once

#include <cstdarg>
#include <cstddef>

namespace lesson {

// Like vsnprintf: writes format with args into out, at most size bytes counting the closing
// '\0' (which is always written when size > 0; out may be null when size is 0), and returns
// the length of the whole text, as if there had been room for it.
//
// Conversions: %d %i %u %x %X %c %s %f %F %e %E %g %G %%, with the flags - + space # 0, a
// width and a precision (digits or *), and the lengths hh h l ll z j t: what the lesson and
// Dear ImGui (without its debug tools) write. decimal_mark is written between a number's
// whole part and its fraction: '.' as C writes it (what snprintf uses, and what JSON and URLs
// need), ',' for a decimal comma. Anything else (%o, %p, %a, %n, %L, %ls, %lc) ends the text
// where it stands.
int format_text_v(char* out, std::size_t size, const char* format, std::va_list args,
                  char decimal_mark = '.');

// The same, with the arguments listed, and '.' as the decimal mark.
int format_text(char* out, std::size_t size, const char* format, ...) __attribute__((format(printf, 3, 4)));

}  // namespace lesson
