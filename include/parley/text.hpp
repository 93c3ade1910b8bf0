// parley/text.hpp — text in several languages.
//
// Names and titles are kept per language, keyed by a BCP 47 language tag
// ("en", "ar", "ru"). The same actor has one entry per script:
//
//   parley::Texts name{{"en", "Mohammed Alloush"}, {"ar", "محمد علوش"}};
//   parley::best(name, "ar");  // "محمد علوش"
#ifndef PARLEY_TEXT_HPP
#define PARLEY_TEXT_HPP

#include <map>
#include <string>
#include <string_view>

namespace parley {

using Texts = std::map<std::string, std::string, std::less<>>;

// The text in `lang`, else English, else the first entry, else "". The
// reference points into `texts` (or to a static ""), so it is valid as long
// as `texts` is. Costs two map lookups.
const std::string& best(const Texts& texts, std::string_view lang = "en");
// The same for a temporary (`best(make_title())`): returned by value, so it
// cannot dangle when the temporary is destroyed.
std::string best(Texts&& texts, std::string_view lang = "en");

// True for a plausible language tag: 2–3 lowercase letters, optionally
// followed by "-" and 2–8 letters or digits ("en", "ar", "ar-SY").
bool valid_language(std::string_view tag) noexcept;

// The length in bytes (1-4) of the valid UTF-8 sequence that starts at
// `text[at]`; 0 when the bytes there are not UTF-8 (a stray continuation
// byte, a truncated, overlong or surrogate sequence, or beyond U+10FFFF) or
// `at` is past the end. Reads at most 4 bytes.
std::size_t utf8_length(std::string_view text, std::size_t at) noexcept;

// The offset of the first byte of `text` that is not valid UTF-8, or
// std::string_view::npos when all of it is. Reads the whole text once.
std::size_t invalid_utf8_at(std::string_view text) noexcept;

}  // namespace parley

#endif  // PARLEY_TEXT_HPP
