// The page's own number reader (it replaces the C library's strtod, atof and sscanf in the
// wasm build) against the C library, which natively is glibc's correctly rounded strtod.
#include <doctest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "number_text.h"
#include "random.h"

using lesson::parse_integer;
using lesson::parse_number;

namespace {
// Same value (bit for bit, NaN matching NaN) and the same end as strtod.
void check_like_strtod(const std::string& text) {
  CAPTURE(text);
  char* libc_end = nullptr;
  const double expected = std::strtod(text.c_str(), &libc_end);
  const char* end = nullptr;
  const double got = parse_number(text.c_str(), &end);
  if (std::isnan(expected)) {
    CHECK(std::isnan(got));
  } else {
    CHECK(std::memcmp(&got, &expected, sizeof got) == 0);
  }
  CHECK(end - text.c_str() == libc_end - text.c_str());
}
}  // namespace

TEST_SUITE("number text") {
  TEST_CASE("every number the lesson writes reads back exactly as strtod reads it") {
    neuron::Rng rng(7);
    char text[64];
    for (int i = 0; i < 20000; ++i) {
      const double magnitude = std::pow(10.0, rng.uniform(-7.0, 7.0));
      const double value = (rng.uniform() < 0.5 ? -1 : 1) * magnitude;
      for (const char* format : {"%.4g", "%g", "%.0f", "%.1f", "%.2f", "%.3f", "%.6f", "%.15g"}) {
        std::snprintf(text, sizeof text, format, value);
        check_like_strtod(text);
      }
    }
  }

  TEST_CASE("edge cases: signs, spaces, partial numbers, infinities, NaN, hexadecimal, nothing") {
    for (const char* text : {"0", "-0", "+7", "  2", "\t-3.5", "3abc", "1e5", "1E-3", ".5", "5.", "1e", "1e+",
                             "e5", "", "-", "+", ".", "nan", "NaN", "-nan", "inf", "-Infinity", "INF", "infinit",
                             "1e999", "-1e999", "1e-999", "0x10", "0X1f", "0x", "12345678901234567890123",
                             "0.000000000000000000000000001", "1e308", "1e-307", "💥", "x", "%00", "00012"})
      check_like_strtod(text);
  }

  TEST_CASE("seventeen significant digits: within four units in the last place") {
    neuron::Rng rng(11);
    char text[64];
    for (int i = 0; i < 20000; ++i) {
      const double value = std::pow(10.0, rng.uniform(-300.0, 300.0)) * rng.uniform(1.0, 10.0);
      std::snprintf(text, sizeof text, "%.17g", value);
      const char* end = nullptr;
      const double got = parse_number(text, &end);
      CAPTURE(text);
      CHECK(std::fabs(got - value) <= 4 * (std::nextafter(value, INFINITY) - value));
      CHECK(*end == '\0');
    }
  }

  TEST_CASE("integers as strtoll reads them, base 16 after 0x only when asked") {
    for (const char* text : {"0", "42", "-42", "+7", "  12x", "9223372036854775807", "9223372036854775808",
                             "-9223372036854775808", "-99999999999999999999", "20000000000000000000", "18446744073709551617",
                             "", "-", "abc"}) {
      CAPTURE(text);
      char* libc_end = nullptr;
      const long long expected = std::strtoll(text, &libc_end, 10);
      const char* end = nullptr;
      CHECK(parse_integer(text, &end, false) == expected);
      CHECK(end - text == libc_end - text);
    }
    const char* end = nullptr;
    CHECK(parse_integer("0x1F", &end, true) == 31);
    CHECK(parse_integer("0x1F", &end, false) == 0);
    CHECK(*end == 'x');
  }
}
