// Internals of the phrase parser: tokens, a cursor over them, and the entry
// points of the two grammars (english.cpp, arabic.cpp). Not installed.
//
// A grammar is a set of recognisers. parse.cpp tries every recogniser at
// every token, keeps the longest match, and then collects the tense markers
// found outside the matched tokens.
#ifndef PARLEY_SRC_RELATIVE_GRAMMAR_HPP
#define PARLEY_SRC_RELATIVE_GRAMMAR_HPP

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/relative.hpp"

namespace parley::detail {

// A word or number of a phrase: its normalised text (ASCII lowercased,
// Arabic normalised, digits as 0-9) and its byte range in the phrase.
struct Token {
  std::string text;
  std::size_t begin = 0;
  std::size_t end = 0;
};
using Tokens = std::vector<Token>;

// Splits `phrase` into tokens. Letters and digits make words; everything
// else (spaces, punctuation, Arabic comma, hyphens, slashes) separates them,
// except a sign: "+" is a token, and so is "-" before a digit ("D-7").
// Diacritics, tatweel and zero-width joiners are dropped inside a word.
Tokens tokenize(std::string_view phrase);

// Reads forward through tokens. Copying a cursor saves a position; a
// recogniser that fails simply discards its copy.
class Cursor {
 public:
  Cursor(const Tokens& tokens, std::size_t at) : tokens_(&tokens), at_(at) {}

  std::size_t position() const noexcept { return at_; }
  bool done() const noexcept { return at_ >= tokens_->size(); }
  // The current token's text; empty at the end.
  std::string_view peek(std::size_t ahead = 0) const noexcept {
    return at_ + ahead < tokens_->size() ? (*tokens_)[at_ + ahead].text
                                         : std::string_view{};
  }
  void advance(std::size_t n = 1) noexcept { at_ += n; }

  // Consumes the current token when it is `word`.
  bool accept(std::string_view word) noexcept {
    if (done() || peek() != word) return false;
    ++at_;
    return true;
  }
  // Consumes the current token when it is one of `words`.
  bool accept_any(std::initializer_list<std::string_view> words) noexcept {
    for (std::string_view w : words) {
      if (accept(w)) return true;
    }
    return false;
  }
  // Consumes `words` in order, or nothing.
  bool accept_all(std::initializer_list<std::string_view> words) noexcept {
    std::size_t n = 0;
    for (std::string_view w : words) {
      if (peek(n) != w) return false;
      ++n;
    }
    at_ += n;
    return true;
  }

 private:
  const Tokens* tokens_;
  std::size_t at_;
};

// One time expression found in the tokens [first, last).
struct Found {
  Expression expression;  // rule and parameters; tense only if the
                          // expression itself states one ("last", الماضي)
  std::size_t first = 0;
  std::size_t last = 0;
};

// A tense marker at a token, and how many tokens it spans (0: none).
struct Marker {
  Tense tense = Tense::none;
  std::size_t length = 0;
};

// The longest time expression that starts at token `at`, if any.
std::optional<Found> match_english(const Tokens& tokens, std::size_t at);
std::optional<Found> match_arabic(const Tokens& tokens, std::size_t at);

// The tense marker that starts at token `at`.
Marker english_marker(const Tokens& tokens, std::size_t at);
Marker arabic_marker(const Tokens& tokens, std::size_t at);

// A recogniser: on success it has advanced the cursor past what it matched
// and filled the expression.
using Recogniser = bool (*)(Cursor&, Expression&);

// Runs every recogniser at `at` and keeps the longest match (the first one
// listed among equals).
std::optional<Found> longest_match(const Tokens& tokens, std::size_t at,
                                   std::initializer_list<Recogniser> list);

// Gives `e` the rule and date fields of `dated`, keeping its weekday: a
// weekday followed by a date ("Sunday the 26th") resolves by the date.
inline void adopt_date(Expression& e, const Expression& dated) {
  e.rule = dated.rule;
  e.day = dated.day;
  e.month = dated.month;
  e.year = dated.year;
}

// Words that say how a value relates to the day it names ("no later
// than", "by the end of", "not before"), at `at`: the sense and how many
// tokens they span (0: none). "within" belongs to the counted rules.
struct SenseWords {
  Sense sense = Sense::on;
  std::size_t length = 0;
};
SenseWords english_sense(const Tokens& tokens, std::size_t at);
SenseWords arabic_sense(const Tokens& tokens, std::size_t at);

// The expression at `at`, with sense words before it: the sense words, then
// `match` at the token after them ("no later than" + "the second day
// after"); a bare four-digit year after them is Rule::year ("by the end of
// 2015"). Without sense words, `match` at `at`.
std::optional<Found> with_sense(const Tokens& tokens, std::size_t at,
                                std::optional<Found> (*match)(const Tokens&,
                                                              std::size_t),
                                SenseWords (*sense)(const Tokens&,
                                                    std::size_t));

// "D+180", "D-day + 180", "D-7", "D plus 30", "D minus 7", "D+72 hours":
// the anchor (D-day) plus or minus a count of days (or hours), as
// Rule::d_day. Both grammars use it.
bool d_day(Cursor& c, Expression& e);

// The value of a token of ASCII digits (at most 9), or nothing.
std::optional<std::int64_t> digits_value(std::string_view text) noexcept;

// The number of Unicode code points in UTF-8 `text`.
std::size_t code_points(std::string_view text) noexcept;

}  // namespace parley::detail

#endif  // PARLEY_SRC_RELATIVE_GRAMMAR_HPP
