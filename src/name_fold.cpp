// fold_name (parley/lookup.hpp): names compared without case or
// diacritics.
#include <string>
#include <string_view>

#include "parley/lookup.hpp"
#include "parley/normalize.hpp"
#include "parley/text.hpp"

namespace parley {
namespace {

// The base letter of each code point from U+00C0 and from U+1E00, from
// their canonical decompositions; '*' keeps the code point (× ÷ and the
// non-letters of U+1E9C–U+1E9F, U+1EFA–U+1EFF), '#' marks two letters.
constexpr std::string_view latin_1_and_a =
    "aaaaaa#ceeeeiiiidnooooo*ouuuuy##aaaaaa#ceeeeiiiidnooooo*ouuuuy#yaaaaaa"
    "ccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii##jjkkkllllllllllnnnnnnnnno"
    "ooooo##rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
constexpr std::string_view latin_additional =
    "aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmmmmmmnnnn"
    "nnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvvwwwwwwwwwwxxxxyy"
    "zzzzzzhtwy******aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiioooooooooooo"
    "oooooooooooouuuuuuuuuuuuuuyyyyyyyy******";

static_assert(latin_1_and_a.size() == 0x180 - 0xC0);
static_assert(latin_additional.size() == 0x100);

std::string_view two_letters(char32_t c) {
  switch (c) {
    case 0xC6:
    case 0xE6:
      return "ae";
    case 0xDE:
    case 0xFE:
      return "th";
    case 0xDF:
      return "ss";
    case 0x132:
    case 0x133:
      return "ij";
    default:
      return "oe";  // U+0152, U+0153
  }
}

char32_t decode(std::string_view text, std::size_t at, std::size_t length) {
  const auto byte = [&](std::size_t i) {
    return static_cast<char32_t>(static_cast<unsigned char>(text[at + i]));
  };
  if (length == 1) return byte(0);
  char32_t c = byte(0) & (0xFFu >> (length + 1));
  for (std::size_t i = 1; i < length; ++i) c = (c << 6) | (byte(i) & 0x3F);
  return c;
}

// Appends the folded form of the code point `c`, written as `bytes`.
void fold(char32_t c, std::string_view bytes, std::string& out) {
  char base = '*';
  if (c >= 0xC0 && c < 0xC0 + latin_1_and_a.size()) {
    base = latin_1_and_a[c - 0xC0];
  } else if (c >= 0x1E00 && c < 0x1E00 + latin_additional.size()) {
    base = latin_additional[c - 0x1E00];
  } else if (c >= 'A' && c <= 'Z') {
    base = static_cast<char>(c - 'A' + 'a');
  }
  if (c >= 0x300 && c <= 0x36F) return;  // a combining mark
  if (base == '#') {
    out += two_letters(c);
  } else if (base == '*') {
    out += bytes;
  } else {
    out += base;
  }
}

}  // namespace

std::string fold_name(std::string_view text) {
  const std::string normal = normalize_arabic(text);
  std::string out;
  bool space = false;
  for (std::size_t at = 0; at < normal.size();) {
    const std::size_t length = utf8_length(normal, at);
    if (length == 0) {  // invalid bytes are kept as they are
      if (space) out += ' ';
      space = false;
      out += normal[at++];
      continue;
    }
    const char32_t c = decode(normal, at, length);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
    } else {
      if (space) out += ' ';
      space = false;
      fold(c, std::string_view(normal).substr(at, length), out);
    }
    at += length;
  }
  return out;
}

}  // namespace parley
