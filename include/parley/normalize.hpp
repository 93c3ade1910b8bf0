// parley/normalize.hpp — text as parley matches and indexes it.
//
// Full-text search and the relative-time phrase parser compare normalised
// text, so a name written with or without diacritics, or with either alef
// form, finds the same records:
//
//   parley::normalize_arabic("متأخرةً يوماً");  // "متاخره يوما"
//
// Thread-safety: a pure function; safe to call concurrently.
#ifndef PARLEY_NORMALIZE_HPP
#define PARLEY_NORMALIZE_HPP

#include <string>
#include <string_view>

namespace parley {

// Arabic text as parley matches and indexes it: diacritics (U+064B–U+065F,
// U+0670) and tatweel (U+0640) removed; أ إ آ ٱ → ا; ى → ي; ة → ه;
// Eastern Arabic-Indic digits (U+0660–U+0669, U+06F0–U+06F9) → 0–9. Other
// text is kept as it is. Invalid UTF-8 bytes are kept unchanged. Costs one
// pass over the text.
std::string normalize_arabic(std::string_view text);

}  // namespace parley

#endif  // PARLEY_NORMALIZE_HPP
