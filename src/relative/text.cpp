// Text handling for the phrase parser: UTF-8 decoding, Arabic normalisation
// and tokenisation.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "parley/normalize.hpp"
#include "parley/relative.hpp"

#include "relative/grammar.hpp"

namespace parley {
namespace {

constexpr char32_t invalid = 0xFFFFFFFF;

// Decodes the code point at text[i] and advances i past it. An invalid or
// truncated sequence yields `invalid` and advances by one byte.
char32_t decode(std::string_view text, std::size_t& i) noexcept {
  const auto byte = [&](std::size_t k) {
    return static_cast<unsigned char>(text[k]);
  };
  const unsigned char lead = byte(i);
  std::size_t length = 0;
  char32_t c = 0;
  if (lead < 0x80) {
    ++i;
    return lead;
  } else if ((lead & 0xE0) == 0xC0) {
    length = 2;
    c = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3;
    c = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4;
    c = lead & 0x07;
  } else {
    ++i;
    return invalid;
  }
  if (i + length > text.size()) {
    ++i;
    return invalid;
  }
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) {
      ++i;
      return invalid;
    }
    c = (c << 6) | (byte(i + k) & 0x3F);
  }
  i += length;
  return c;
}

void encode(char32_t c, std::string& out) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// Marks that normalisation removes: Arabic diacritics (harakat, tanween,
// shadda, sukun, hamza above/below as marks), the superscript alef, tatweel,
// and zero-width (non-)joiners.
bool dropped(char32_t c) noexcept {
  return (c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640 ||
         c == 0x200C || c == 0x200D;
}

// The normalised form of a kept code point.
char32_t normal(char32_t c) noexcept {
  switch (c) {
    case 0x0622:  // آ
    case 0x0623:  // أ
    case 0x0625:  // إ
    case 0x0671:  // ٱ
      return 0x0627;
    case 0x0649:  // ى
      return 0x064A;
    case 0x0629:  // ة
      return 0x0647;
    default:
      break;
  }
  if (c >= 0x0660 && c <= 0x0669) return U'0' + (c - 0x0660);
  if (c >= 0x06F0 && c <= 0x06F9) return U'0' + (c - 0x06F0);
  return c;
}

bool arabic_letter(char32_t c) noexcept {
  return (c >= 0x0621 && c <= 0x064A) || (c >= 0x0671 && c <= 0x06D3) ||
         (c >= 0x06FA && c <= 0x06FF);
}

// Whether a normalised code point belongs in a word.
bool word_char(char32_t c) noexcept {
  return (c >= U'0' && c <= U'9') || (c >= U'a' && c <= U'z') ||
         (c >= U'A' && c <= U'Z') || arabic_letter(c);
}

}  // namespace

std::string normalize_arabic(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t start = i;
    const char32_t c = decode(text, i);
    if (c == invalid) {
      out.append(text.substr(start, i - start));
    } else if (!dropped(c)) {
      encode(normal(c), out);
    }
  }
  return out;
}

Lang detect_language(std::string_view text) noexcept {
  std::size_t i = 0;
  while (i < text.size()) {
    if (arabic_letter(decode(text, i))) return Lang::ar;
  }
  return Lang::en;
}

namespace detail {

Tokens tokenize(std::string_view phrase) {
  Tokens tokens;
  Token current;
  bool in_word = false;
  std::size_t i = 0;
  while (i < phrase.size()) {
    const std::size_t start = i;
    const char32_t c = decode(phrase, i);
    if (c != invalid && dropped(c)) {
      // A mark belongs to the word it follows (the tanween of يوماً).
      if (in_word) current.end = i;
      continue;
    }
    const char32_t n = c == invalid ? c : normal(c);
    if (n != invalid && word_char(n)) {
      if (!in_word) {
        current = Token{{}, start, i};
        in_word = true;
      }
      encode(n >= U'A' && n <= U'Z' ? n - U'A' + U'a' : n, current.text);
      current.end = i;
    } else {
      if (in_word) tokens.push_back(std::move(current));
      in_word = false;
      // A sign is a token of its own ("D+180", "D-7"); a hyphen between
      // words is not ("twenty-third").
      const bool digit_next =
          i < phrase.size() && phrase[i] >= '0' && phrase[i] <= '9';
      if (c == U'+' || (c == U'-' && digit_next)) {
        tokens.push_back(Token{c == U'+' ? "+" : "-", start, i});
      }
    }
  }
  if (in_word) tokens.push_back(std::move(current));
  return tokens;
}

std::optional<std::int64_t> digits_value(std::string_view text) noexcept {
  if (text.empty() || text.size() > 9) return std::nullopt;
  std::int64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

std::size_t code_points(std::string_view text) noexcept {
  std::size_t n = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

}  // namespace detail
}  // namespace parley
