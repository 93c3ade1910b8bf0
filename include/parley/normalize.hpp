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
#include <vector>

namespace parley {

// Arabic text as parley matches and indexes it: diacritics (U+064B–U+065F,
// U+0670) and tatweel (U+0640) removed; أ إ آ ٱ → ا; ى → ي; ة → ه;
// Eastern Arabic-Indic digits (U+0660–U+0669, U+06F0–U+06F9) → 0–9. Other
// text is kept as it is. Invalid UTF-8 bytes are kept unchanged. Costs one
// pass over the text.
std::string normalize_arabic(std::string_view text);

// The light stems the search index holds for one normalised Arabic word
// (normalize_arabic first), from the least to the most stripped: at each
// step the article or an attached conjunction or preposition (وال فال بال
// كال لل ال و ف ب ك ل, at most three) comes off the front, and the suffixes
// ها ان ات ون ين ية ة ي off the back (each once, in that order), never
// leaving fewer than three letters. Stems equal to the word are left out,
// so a word with nothing to strip has none; so has a word that is not all
// Arabic letters (U+0621–U+064A). Costs one pass over the word.
//
//   parley::arabic_stems("والمفاوضات");  // {"والمفاوض", "مفاوض"}
std::vector<std::string> arabic_stems(std::string_view word);

// The stems a search for `word` looks for besides the word itself, any one
// enough: arabic_stems with at most two front parts taken off, one fewer
// than a document's word, so that the most stripped of them is among the
// stems of the same word written with one front part more ("لبنان" finds
// "بلبنان"). "غوطه" (stem غوط) finds "الغوطه" (stems الغوط غوط), "جنيف"
// finds "بجنيف"; a short word keeps its letters: "وفد" has no stem.
std::vector<std::string> arabic_query_stems(std::string_view word);

}  // namespace parley

#endif  // PARLEY_NORMALIZE_HPP
