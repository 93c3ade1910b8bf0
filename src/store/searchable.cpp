#include "store/searchable.hpp"

#include "parley/normalize.hpp"
#include "parley/text.hpp"

namespace parley::detail {
namespace {

// Whether the valid UTF-8 sequence of `length` bytes at `text[at]` is an
// Arabic letter (U+0621–U+064A: two bytes, D8 A1 to D9 8A).
bool arabic_letter_at(std::string_view text, std::size_t at,
                      std::size_t length) {
  if (length != 2) return false;
  const auto lead = static_cast<unsigned char>(text[at]);
  const auto next = static_cast<unsigned char>(text[at + 1]);
  return (lead == 0xD8 && next >= 0xA1) || (lead == 0xD9 && next <= 0x8A);
}

}  // namespace

std::string searchable(std::string_view text) {
  std::string out = normalize_arabic(text);
  std::string stems;
  std::size_t at = 0, word = 0;
  while (at <= out.size()) {
    const std::size_t length = at < out.size() ? utf8_length(out, at) : 0;
    if (at < out.size() && arabic_letter_at(out, at, length)) {
      at += length;
      continue;
    }
    if (at > word) {
      for (const std::string& stem :
           arabic_stems(std::string_view(out).substr(word, at - word))) {
        stems += stems.empty() ? "" : " ";
        stems += stem;
      }
    }
    at += length ? length : 1;
    word = at;
  }
  if (!stems.empty()) out += "\n" + stems;
  return out;
}

std::vector<std::string> search_terms(const std::string& word) {
  std::vector<std::string> terms{word};
  for (std::string& stem : arabic_query_stems(word)) {
    terms.push_back(std::move(stem));
  }
  return terms;
}

}  // namespace parley::detail
