// url_state.cpp: query-string parsing with clamping and warnings.
#include "url_state.h"

#include "number_text.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace lesson {

namespace {
int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {
      out += ' ';
    } else if (text[i] == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 && hex_value(text[i + 2]) >= 0) {
      out += char(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

// Keeps printable ASCII only, so a warning can quote the value safely.
std::string printable(std::string_view text) {
  std::string out;
  for (char c : text.substr(0, 24)) out += (c >= 32 && c < 127) ? c : '?';
  if (text.size() > 24) out += "...";
  return out;
}
}  // namespace

std::vector<QueryParam> parse_query(std::string_view query, Warnings& warnings) {
  std::vector<QueryParam> params;
  if (!query.empty() && query.front() == '?') query.remove_prefix(1);
  // A fragment is not part of the query.
  if (const auto hash = query.find('#'); hash != std::string_view::npos) query = query.substr(0, hash);
  while (!query.empty()) {
    const auto amp = query.find('&');
    const std::string_view part = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (part.empty()) continue;
    if (params.size() >= kMaxParams) {
      warnings.push_back("too many URL parameters; ignoring the rest");
      break;
    }
    const auto eq = part.find('=');
    QueryParam param{decode(part.substr(0, eq)),
                     eq == std::string_view::npos ? std::string() : decode(part.substr(eq + 1))};
    if (param.key.size() > kMaxLength || param.value.size() > kMaxLength) {
      warnings.push_back("ignoring an over-long URL parameter '" + printable(param.key) + "'");
      continue;
    }
    params.push_back(std::move(param));
  }
  return params;
}

std::string build_query(const std::vector<QueryParam>& params) {
  static const char* hex = "0123456789ABCDEF";
  auto encode = [](const std::string& text) {
    std::string out;
    for (unsigned char c : text) {
      if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
        out += char(c);
      } else {
        out += '%';
        out += hex[c >> 4];
        out += hex[c & 15];
      }
    }
    return out;
  };
  std::string query;
  for (const QueryParam& p : params) {
    if (!query.empty()) query += '&';
    query += encode(p.key) + "=" + encode(p.value);
  }
  return query;
}

bool read_number(const QueryParam& param, double* out, Warnings& warnings) {
  const std::string& text = param.value;
  const char* end = nullptr;
  const double value = text.empty() ? NAN : parse_number(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size() || !std::isfinite(value)) {
    warnings.push_back("ignoring " + param.key + "='" + printable(text) + "': not a number");
    return false;
  }
  *out = value;
  return true;
}

bool read_choice(const QueryParam& param, const std::vector<std::string_view>& choices,
                 int* index, Warnings& warnings) {
  for (std::size_t i = 0; i < choices.size(); ++i) {
    if (choices[i] == param.value) {
      *index = int(i);
      return true;
    }
  }
  std::string known;
  for (std::string_view c : choices) known += (known.empty() ? "" : ", ") + std::string(c);
  warnings.push_back("ignoring " + param.key + "='" + printable(param.value) + "': expected one of " + known);
  return false;
}

std::string url_number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.4g", value);
  return text;
}

}  // namespace lesson
