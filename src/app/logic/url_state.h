// url_state.h: the figure's state in the page URL (?scene=training&lr=3&data=xor), so a
// teacher can link to one exact view. Parsing never fails: malformed or out-of-range values
// are ignored or clamped, and each such case leaves a warning for the console.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace lesson {

struct QueryParam {
  std::string key;
  std::string value;
};

using Warnings = std::vector<std::string>;

// Splits "?a=1&b=two" (the leading '?' optional) into key/value pairs, percent-decoding
// both and reading '+' as a space. Keeps at most kMaxParams pairs of at most kMaxLength
// characters each; the rest is dropped with a warning.
inline constexpr std::size_t kMaxParams = 32;
inline constexpr std::size_t kMaxLength = 64;
std::vector<QueryParam> parse_query(std::string_view query, Warnings& warnings);

// The reverse: "a=1&b=two", percent-encoding what needs it.
std::string build_query(const std::vector<QueryParam>& params);

// A number from a parameter value, as written. Rejects anything that is not a finite number
// (warns, returns false, leaves *out alone). Ranges are the table's: check_value
// (param_table.h) is the one place that clamps.
bool read_number(const QueryParam& param, double* out, Warnings& warnings);
// A choice among names, e.g. an activation; unknown names warn and return false.
bool read_choice(const QueryParam& param, const std::vector<std::string_view>& choices,
                 int* index, Warnings& warnings);

// "0.5", "3", "1e+03": short, exact enough to survive the round trip through a URL.
std::string url_number(double value);

}  // namespace lesson
