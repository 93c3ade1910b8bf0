// Arabic light stemming for the search index (see parley/normalize.hpp): the
// article and attached prepositions and conjunctions come off the front,
// common suffixes off the back, never leaving fewer than three letters.
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "parley/normalize.hpp"
#include "parley/text.hpp"

namespace parley {
namespace {

// The shortest stem kept: most Arabic roots have three letters, so a
// shorter remainder is more likely a different word than the same one.
constexpr std::size_t min_letters = 3;

// Front parts, longest first (normalised spelling). Each stripping step
// takes the first that fits.
constexpr std::array<std::u32string_view, 11> prefixes{
    U"\u0648\u0627\u0644",  // وال
    U"\u0641\u0627\u0644",  // فال
    U"\u0628\u0627\u0644",  // بال
    U"\u0643\u0627\u0644",  // كال
    U"\u0644\u0644",        // لل
    U"\u0627\u0644",        // ال
    U"\u0648",              // و
    U"\u0641",              // ف
    U"\u0628",              // ب
    U"\u0643",              // ك
    U"\u0644",              // ل
};

// Back parts, each tried once in this order (normalised: ة is ه, so ية is
// يه). Order matters: اتفاقيات loses ات, then ي.
constexpr std::array<std::u32string_view, 8> suffixes{
    U"\u0647\u0627",  // ها
    U"\u0627\u0646",  // ان
    U"\u0627\u062a",  // ات
    U"\u0648\u0646",  // ون
    U"\u064a\u0646",  // ين
    U"\u064a\u0647",  // يه (ية)
    U"\u0647",        // ه (ة)
    U"\u064a",        // ي
};

bool arabic_letter(char32_t c) { return c >= 0x0621 && c <= 0x064A; }

// The code points of `word` when it is all Arabic letters; empty otherwise.
std::u32string arabic_letters(std::string_view word) {
  std::u32string out;
  std::size_t at = 0;
  while (at < word.size()) {
    if (utf8_length(word, at) != 2) return {};
    const auto lead = static_cast<unsigned char>(word[at]);
    const auto next = static_cast<unsigned char>(word[at + 1]);
    const char32_t c = ((lead & 0x1Fu) << 6) | (next & 0x3Fu);
    if (!arabic_letter(c)) return {};
    out += c;
    at += 2;
  }
  return out;
}

std::string utf8(std::u32string_view letters) {
  std::string out;
  for (char32_t c : letters) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
  return out;
}

// `word` without one front part, or unchanged when none leaves enough.
std::u32string_view without_prefix(std::u32string_view word) {
  for (std::u32string_view p : prefixes) {
    if (word.starts_with(p) && word.size() - p.size() >= min_letters) {
      return word.substr(p.size());
    }
  }
  return word;
}

std::u32string_view without_suffixes(std::u32string_view word) {
  for (std::u32string_view s : suffixes) {
    if (word.ends_with(s) && word.size() - s.size() >= min_letters) {
      word.remove_suffix(s.size());
    }
  }
  return word;
}

// The stems of `word` with up to `fronts` front parts taken off, from the
// least to the most stripped, leaving out those equal to the word.
std::vector<std::string> stems(std::string_view word, int fronts) {
  std::vector<std::string> out;
  const std::u32string letters = arabic_letters(word);
  std::u32string_view rest = letters;
  for (int step = 0; step <= fronts && !rest.empty(); ++step) {
    std::string stem = utf8(without_suffixes(rest));
    if (stem != word && (out.empty() || out.back() != stem)) {
      out.push_back(std::move(stem));
    }
    const std::u32string_view shorter = without_prefix(rest);
    if (shorter.size() == rest.size()) break;
    rest = shorter;
  }
  return out;
}

}  // namespace

// A query word takes off two front parts at most (a conjunction, then a
// preposition or the article); a document word one more, so that its
// stems hold the query's stem also when it has one more front part than the
// query word: "لبنان" (stem نان) in "بلبنان" (stems بلبن لبن بنان نان).
std::vector<std::string> arabic_stems(std::string_view word) {
  return stems(word, 3);
}

std::vector<std::string> arabic_query_stems(std::string_view word) {
  return stems(word, 2);
}

}  // namespace parley
