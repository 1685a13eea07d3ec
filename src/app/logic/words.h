// words.h: what the figure says, in the edition's language. Every text a learner can see or
// hear from the figure (labels, captions, summaries, warnings, the controls' names) is a
// Word: a message of assets/i18n/en.json's "figure" section, whose enum
// scripts/figure-words.mjs generates (figure_words.h). The texts come from the page at start
// (use_words, through lesson_set_words): the wasm carries none, and one wasm serves every
// edition. Native programs and tests link the English table (figure_words_en.cpp).
//
//   ImGui::TextUnformatted(word(Word::synapses_keep));
//   say(Word::threshold_mv, {format_number(-54.0, 0)})        // "threshold {0} mV"
//
// Keys, URL names and units that are the same in every language (nA, ms, "lr") stay
// literals in the code.
#pragma once
#include <initializer_list>
#include <string>
#include <string_view>

#include "figure_words.h"

namespace lesson {

// The word's text ("" before any words were given: never in the page, which gives them first).
const char* word(Word w);

// The word with its slots {0} {1} ... filled by `values`, in order (a slot without a value
// is left out).
std::string say(Word w, std::initializer_list<std::string_view> values);

// A number as the edition writes it: "1.25" -> "1,25" where the decimal mark is a comma
// (the word number.decimal-mark). Only a point between two digits changes.
std::string with_decimal_mark(std::string text);

// The page's words: every Word's text, in the enum's order, each followed by '\x1f' (the
// unit separator, in no message). Returns "" when taken, else why not (the count differs:
// the page and the wasm come from different builds), and the words stay as they were.
std::string use_words(std::string joined);

// A table of kWordCount texts that outlives the program (the generated English one).
void use_built_in_words(const char* const* table);

}  // namespace lesson
