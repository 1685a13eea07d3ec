// number_format.cpp: see number_format.h.
#include "number_format.h"

#include <cstdint>
#include <cstring>

namespace lesson {

namespace {

// The text being written: keeps what fits in out[0, room), counts all of it. With room 0 it
// only counts (how long a piece will be, before padding it).
struct Sink {
  char* out;
  std::size_t room;
  std::size_t length = 0;

  void put(char c) {
    if (length < room) out[length] = c;
    ++length;
  }
  void put(const char* text, int n) {
    for (int i = 0; i < n; ++i) put(text[i]);
  }
  void repeat(char c, int n) {
    for (; n > 0; --n) put(c);
  }
};

// The exact decimal value of a finite double's magnitude: digits[0, count) without trailing
// zeros, the first of them worth 10^exponent (count 0 for zero). The double is m * 2^e with
// an integer m < 2^53, so that value is m * 2^e, a whole number, when e >= 0, and m * 5^-e
// moved -e places right of the point when e < 0: at most 767 significant digits (the
// smallest subnormals). Worked out digit by digit, a factor 2^11 or 5^11 at a time: a few
// hundred operations for the numbers the lesson shows, some 10^5 at the ends of the range.
struct Decimal {
  char digits[780];
  int count = 0;
  int exponent = 0;

  void set(std::uint64_t bits);  // the magnitude of the double with these bits (finite)
  // The digit worth 10^(exponent - i), '0' outside those stored.
  char digit(int i) const { return i >= 0 && i < count ? digits[i] : '0'; }
  // Keeps the first `keep` digits (none when keep <= 0: the value rounds to 0 or to
  // 10^(exponent + 1)), rounded to nearest from the exact value, ties to an even last digit.
  void round(int keep);
};

void Decimal::set(std::uint64_t bits) {
  count = exponent = 0;
  const int biased = int(bits >> 52) & 0x7ff;
  std::uint64_t m = bits & ((std::uint64_t(1) << 52) - 1);
  int e = biased ? biased - 1075 : -1074;
  if (biased) m |= std::uint64_t(1) << 52;
  if (m == 0) return;
  for (; !(m & 1); m >>= 1) ++e;  // an odd m: the fewest factors of 5 below

  // Least significant digit first while multiplying, as the values 0-9. A digit times the
  // factor plus the carry stays below 10 * 5^11 < 2^32.
  int n = 0;
  for (; m; m /= 10) digits[n++] = char(m % 10);
  for (int k = e < 0 ? -e : e; k > 0; k -= 11) {
    std::uint32_t factor = 1;
    for (int i = 0; i < k && i < 11; ++i) factor *= e < 0 ? 5 : 2;
    std::uint32_t carry = 0;
    for (int i = 0; i < n; ++i) {
      carry += std::uint32_t(digits[i]) * factor;
      digits[i] = char(carry % 10);
      carry /= 10;
    }
    for (; carry; carry /= 10) digits[n++] = char(carry % 10);
  }
  for (int i = 0; i < n - 1 - i; ++i) {
    const char t = digits[i];
    digits[i] = digits[n - 1 - i];
    digits[n - 1 - i] = t;
  }
  for (int i = 0; i < n; ++i) digits[i] = char(digits[i] + '0');
  count = n;
  exponent = n - 1 - (e < 0 ? -e : 0);
  while (digits[count - 1] == '0') --count;
}

void Decimal::round(int keep) {
  if (keep >= count) return;
  bool up = false;
  if (keep >= 0) {
    const char next = digits[keep];
    // Past a 5: up if any digit follows (trailing zeros are never stored), else to even.
    up = next > '5' || (next == '5' && (keep + 1 < count || (keep > 0 && (digits[keep - 1] & 1))));
  }
  count = keep < 0 ? 0 : keep;
  if (up) {
    while (count > 0 && digits[count - 1] == '9') --count;
    if (count == 0) {
      digits[count++] = '1';  // 99.9 -> 100: one digit, a place higher
      ++exponent;
    } else {
      ++digits[count - 1];
    }
  }
  while (count > 0 && digits[count - 1] == '0') --count;
}

// A rounded Decimal as %f writes it (exp_style false) or as %e does, with `fraction` digits
// after the mark (and the mark itself only when there are some, unless `mark_always`).
void write_decimal(Sink& s, const Decimal& d, bool exp_style, int fraction, bool mark_always, char mark,
                   char e_letter) {
  const int whole_digits = exp_style || d.exponent < 0 ? 1 : d.exponent + 1;
  const int first = exp_style || d.exponent >= 0 ? 0 : -1;  // -1: the whole part is 0
  for (int i = 0; i < whole_digits; ++i) s.put(d.digit(first + i));
  if (fraction > 0 || mark_always) s.put(mark);
  const int start = exp_style ? 1 : d.exponent + 1;
  for (int i = 0; i < fraction; ++i) s.put(d.digit(start + i));
  if (exp_style) {
    s.put(e_letter);
    s.put(d.exponent < 0 ? '-' : '+');
    const int x = d.exponent < 0 ? -d.exponent : d.exponent;  // at least two digits, as C has it
    if (x >= 100) s.put(char('0' + x / 100));
    s.put(char('0' + x / 10 % 10));
    s.put(char('0' + x % 10));
  }
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

int format_text_v(char* out, std::size_t size, const char* format, std::va_list args, char decimal_mark) {
  Sink s{out, size ? size - 1 : 0};
  Decimal d;
  for (const char* f = format; *f; ++f) {
    if (*f != '%') {
      s.put(*f);
      continue;
    }
    ++f;
    bool left = false, plus = false, space = false, alt = false, zero = false;
    for (;; ++f) {
      if (*f == '-') left = true;
      else if (*f == '+') plus = true;
      else if (*f == ' ') space = true;
      else if (*f == '#') alt = true;
      else if (*f == '0') zero = true;
      else break;
    }
    int width = 0;
    if (*f == '*') {
      const int w = va_arg(args, int);
      if (w < 0) left = true;
      width = w < 0 ? -w : w;
      ++f;
    } else {
      for (; is_digit(*f); ++f) width = width * 10 + (*f - '0');
    }
    int precision = -1;  // none given
    if (*f == '.') {
      ++f;
      precision = 0;
      if (*f == '*') {
        const int p = va_arg(args, int);
        precision = p < 0 ? -1 : p;
        ++f;
      } else {
        for (; is_digit(*f); ++f) precision = precision * 10 + (*f - '0');
      }
    }
    // Lengths: hh and h narrow the int read; the others name 8-byte integers (ll, j; l, z and t
    // where long is 8 bytes) or 4-byte ones (l, z and t in wasm32). Integers are read by size,
    // signed or unsigned alike.
    const char* const length = f;
    int shorts = 0;
    bool wide = false;
    for (; *f == 'h'; ++f) ++shorts;
    if (*f == 'l' && f[1] == 'l') {
      wide = true;
      f += 2;
    } else if (*f == 'j') {
      wide = sizeof(std::intmax_t) == 8;
      ++f;
    } else if (*f == 'l' || *f == 'z' || *f == 't') {
      wide = sizeof(long) == 8;
      ++f;
    }
    static_assert(sizeof(long) == sizeof(std::size_t) && sizeof(long) == sizeof(std::ptrdiff_t) &&
                      sizeof(long long) == 8 && sizeof(int) == 4,
                  "integers are read by their size");
    const char conversion = *f;

    // What is written: prefix (a sign, 0x), then zeros up to the width when zero padding, then
    // the body: text[0, body), or `body` digits of a whole number (leading zeros first), or a
    // double's digits (the Decimal). Padded with spaces to the width, on the left or right.
    char prefix[2];
    int prefix_length = 0;
    const char* text = nullptr;
    int body = 0;
    char digits[24];  // a whole number's digits, last first
    int digit_count = 0;
    bool zero_pad = zero && !left;
    bool decimal = false;  // the body is d's digits
    bool exp_style = false;
    const bool upper = conversion >= 'A' && conversion <= 'Z';
    const char sign = plus ? '+' : space ? ' ' : 0;  // before a number that is not negative

    if (conversion == '%') {
      s.put('%');
      continue;
    } else if (conversion == 'd' || conversion == 'i' || conversion == 'u' || conversion == 'x' || conversion == 'X') {
      const bool is_signed = conversion == 'd' || conversion == 'i';
      unsigned long long magnitude = wide ? va_arg(args, unsigned long long) : va_arg(args, unsigned);
      if (!wide) {
        if (shorts == 1) magnitude = is_signed ? (unsigned long long)(short)magnitude : (unsigned short)magnitude;
        else if (shorts) magnitude = is_signed ? (unsigned long long)(signed char)magnitude : (unsigned char)magnitude;
        else if (is_signed) magnitude = (unsigned long long)(int)magnitude;
      }
      if (is_signed) {
        if ((long long)magnitude < 0) {
          magnitude = 0 - magnitude;
          prefix[prefix_length++] = '-';
        } else if (sign) {
          prefix[prefix_length++] = sign;
        }
      }
      const unsigned base = conversion == 'x' || conversion == 'X' ? 16 : 10;
      for (unsigned long long v = magnitude; v; v /= base) digits[digit_count++] = "0123456789abcdef0123456789ABCDEF"[v % base + (upper ? 16 : 0)];
      if (alt && magnitude && base == 16) {
        prefix[prefix_length++] = '0';
        prefix[prefix_length++] = upper ? 'X' : 'x';
      }
      if (precision >= 0) zero_pad = false;
      body = precision < 0 ? 1 : precision;  // "%.0d" writes no digit for 0
      if (body < digit_count) body = digit_count;
    } else if (conversion == 'c' && f == length) {
      digits[0] = char(va_arg(args, int));
      text = digits;
      body = 1;
      zero_pad = false;
    } else if (conversion == 's' && f == length) {
      text = va_arg(args, const char*);
      if (!text) text = "(null)";
      while ((precision < 0 || body < precision) && text[body]) ++body;
      zero_pad = false;
    } else if (conversion == 'f' || conversion == 'F' || conversion == 'e' || conversion == 'E' ||
               conversion == 'g' || conversion == 'G') {
      const double value = va_arg(args, double);
      std::uint64_t bits;
      std::memcpy(&bits, &value, sizeof bits);
      if (bits >> 63) prefix[prefix_length++] = '-';
      else if (sign) prefix[prefix_length++] = sign;
      if ((bits >> 52 & 0x7ff) == 0x7ff) {
        text = bits << 12 ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
        body = 3;
        zero_pad = false;
      } else {
        decimal = true;
        d.set(bits);
        precision = precision < 0 ? 6 : precision;  // from here on: the digits after the mark
        exp_style = conversion == 'e' || conversion == 'E';
        if (conversion == 'g' || conversion == 'G') {
          const int significant = precision == 0 ? 1 : precision;
          d.round(significant);
          exp_style = d.exponent < -4 || d.exponent >= significant;
          precision = significant - 1 - (exp_style ? 0 : d.exponent);
          if (!alt) {  // no trailing zeros
            const int needed = d.count - 1 - (exp_style ? 0 : d.exponent);
            if (precision > needed) precision = needed < 0 ? 0 : needed;
          }
        } else {
          d.round(exp_style ? precision + 1 : d.exponent + 1 + precision);
        }
        Sink counter{nullptr, 0};
        write_decimal(counter, d, exp_style, precision, alt, decimal_mark, upper ? 'E' : 'e');
        body = (int)counter.length;
      }
    } else {
      break;  // a conversion not supported here (see the header): the text ends
    }

    const int fill = width - prefix_length - body;
    if (!zero_pad && !left) s.repeat(' ', fill);
    s.put(prefix, prefix_length);
    if (zero_pad) s.repeat('0', fill);
    if (decimal) {
      write_decimal(s, d, exp_style, precision, alt, decimal_mark, upper ? 'E' : 'e');
    } else if (text) {
      s.put(text, body);
    } else {
      s.repeat('0', body - digit_count);
      while (digit_count) s.put(digits[--digit_count]);
    }
    if (left) s.repeat(' ', fill);
  }
  if (size) out[s.length < size ? s.length : size - 1] = '\0';
  return int(s.length);
}

int format_text(char* out, std::size_t size, const char* format, ...) {
  std::va_list args;
  va_start(args, format);
  const int length = format_text_v(out, size, format, args);
  va_end(args);
  return length;
}

}  // namespace lesson
