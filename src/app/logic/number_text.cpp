// number_text.cpp: see number_text.h.
#include "number_text.h"

#include <cmath>
#include <cstdint>
#include <limits>

namespace lesson {

namespace {
bool space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
char lower(char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; }
int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = lower(c);
  return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

// Whether text starts with word, in any case.
bool starts_with(const char* text, const char* word) {
  for (; *word; ++text, ++word)
    if (lower(*text) != *word) return false;
  return true;
}

// 10^k exactly, for 0 <= k <= 22 (every one of these is a double without rounding).
double exact_power_of_ten(int k) {
  static const double kPowers[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                   1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  return kPowers[k];
}

// m * 10^e. One correctly rounded operation when m < 2^53 and |e| <= 22 (Clinger's fast
// path); otherwise through pow(10, e), itself within an ulp, in two steps near the ends of
// the range so that 10^e neither overflows nor underflows on its own.
double scale(double m, int e) {
  if (m == 0.0) return 0.0;
  if (m < 9007199254740992.0 && e >= -22 && e <= 22)
    return e >= 0 ? m * exact_power_of_ten(e) : m / exact_power_of_ten(-e);
  if (e > 300) return m * std::pow(10.0, e - 300) * 1e300;
  if (e < -300) return m * std::pow(10.0, e + 300) * 1e-300;
  return m * std::pow(10.0, e);
}
}  // namespace

double parse_number(const char* text, const char** end) {
  const char* p = text;
  while (space(*p)) ++p;
  const bool negative = *p == '-';
  if (*p == '-' || *p == '+') ++p;
  const double sign = negative ? -1.0 : 1.0;
  if (starts_with(p, "inf")) {
    *end = p + (starts_with(p, "infinity") ? 8 : 3);
    return sign * std::numeric_limits<double>::infinity();
  }
  if (starts_with(p, "nan")) {
    *end = p + 3;
    return std::numeric_limits<double>::quiet_NaN();
  }
  if (p[0] == '0' && lower(p[1]) == 'x' && hex_digit(p[2]) >= 0) {
    const char* q = p + 2;
    double value = 0.0;
    for (int d; (d = hex_digit(*q)) >= 0; ++q) value = value * 16.0 + d;
    *end = q;
    return sign * value;
  }
  // Up to 19 significant digits in an integer; the rest only move the decimal exponent.
  std::uint64_t mantissa = 0;
  int digits = 0, exponent = 0;
  bool any = false;
  for (; *p >= '0' && *p <= '9'; ++p, any = true) {
    if (digits < 19) {
      mantissa = mantissa * 10 + std::uint64_t(*p - '0');
      if (mantissa) ++digits;
    } else {
      ++exponent;
    }
  }
  if (*p == '.') {
    ++p;
    for (; *p >= '0' && *p <= '9'; ++p, any = true) {
      if (digits < 19) {
        mantissa = mantissa * 10 + std::uint64_t(*p - '0');
        if (mantissa) ++digits;
        --exponent;
      }
    }
  }
  if (!any) {
    *end = text;
    return 0.0;
  }
  if (lower(*p) == 'e') {
    const char* q = p + 1;
    const bool minus = *q == '-';
    if (*q == '-' || *q == '+') ++q;
    if (*q >= '0' && *q <= '9') {
      int e = 0;
      for (; *q >= '0' && *q <= '9'; ++q) e = e < 100000 ? e * 10 + (*q - '0') : e;
      exponent += minus ? -e : e;
      p = q;
    }
  }
  *end = p;
  exponent = exponent < -100000 ? -100000 : exponent > 100000 ? 100000 : exponent;
  return sign * scale(double(mantissa), exponent);
}

long long parse_integer(const char* text, const char** end, bool hex_prefix) {
  const char* p = text;
  while (space(*p)) ++p;
  const bool negative = *p == '-';
  if (*p == '-' || *p == '+') ++p;
  int base = 10;
  if (hex_prefix && p[0] == '0' && lower(p[1]) == 'x' && hex_digit(p[2]) >= 0) {
    base = 16;
    p += 2;
  }
  constexpr std::uint64_t kLimit = std::uint64_t(std::numeric_limits<long long>::max()) + 1;
  std::uint64_t value = 0;
  const char* start = p;
  // Past kLimit the value only has to stay past it (it is clamped below): saturate there
  // rather than let value * base wrap around.
  for (int d; (d = hex_digit(*p)) >= 0 && d < base; ++p)
    value = value > kLimit / std::uint64_t(base) ? kLimit + 1 : value * std::uint64_t(base) + std::uint64_t(d);
  if (p == start) {
    *end = text;
    return 0;
  }
  *end = p;
  if (negative) return value >= kLimit ? std::numeric_limits<long long>::min() : -static_cast<long long>(value);
  return value >= kLimit ? std::numeric_limits<long long>::max() : static_cast<long long>(value);
}

}  // namespace lesson
