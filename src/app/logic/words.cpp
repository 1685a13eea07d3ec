// words.cpp: the edition's words, given once at start (words.h).
#include "words.h"

#include <vector>

namespace lesson {

namespace {
const char* const* g_table = nullptr;  // kWordCount texts
std::string g_given;                   // the page's words, the separators made '\0'
std::vector<const char*> g_given_table;
}  // namespace

const char* word(Word w) {
  const int i = int(w);
  return g_table && i >= 0 && i < kWordCount ? g_table[i] : "";
}

std::string say(Word w, std::initializer_list<std::string_view> values) {
  std::string out;
  for (const char* c = word(w); *c; ++c) {
    if (c[0] == '{' && c[1] >= '0' && c[1] <= '9' && c[2] == '}') {
      const std::size_t slot = std::size_t(c[1] - '0');
      if (slot < values.size()) out += values.begin()[slot];
      c += 2;
    } else {
      out += *c;
    }
  }
  return out;
}

std::string with_decimal_mark(std::string text) {
  const char mark = word(Word::number_decimal_mark)[0];
  if (!mark || mark == '.') return text;
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  for (std::size_t i = 1; i + 1 < text.size(); ++i)
    if (text[i] == '.' && digit(text[i - 1]) && digit(text[i + 1])) text[i] = mark;
  return text;
}

std::string use_words(std::string joined) {
  std::vector<const char*> table;
  std::size_t start = 0;
  for (std::size_t i = 0; i < joined.size(); ++i) {
    if (joined[i] != '\x1f') continue;
    joined[i] = '\0';
    table.push_back(nullptr);  // pointed at below, once the string stops moving
    start = i + 1;
  }
  if (start != joined.size() || int(table.size()) != kWordCount)
    return "the page gave " + std::to_string(table.size()) + " words; this figure has " + std::to_string(kWordCount) +
           " (page.js and lesson.wasm are from different builds)";
  g_given = std::move(joined);
  const char* at = g_given.c_str();
  for (const char*& text : table) {
    text = at;
    at += std::char_traits<char>::length(at) + 1;
  }
  g_given_table = std::move(table);
  g_table = g_given_table.data();
  return "";
}

void use_built_in_words(const char* const* table) { g_table = table; }

}  // namespace lesson
