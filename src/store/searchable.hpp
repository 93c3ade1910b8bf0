// The text the search indexes hold for a document, and the words a search
// for some text looks for: both sides of Arabic light stemming.
#ifndef PARLEY_SRC_STORE_SEARCHABLE_HPP
#define PARLEY_SRC_STORE_SEARCHABLE_HPP

#include <string>
#include <string_view>
#include <vector>

namespace parley::detail {

// What event_search and claim_search store for `text`: the text with
// Arabic normalised (normalize_arabic), then a line with the light stems
// (arabic_stems) of each of its Arabic words. English stemming is the
// porter tokenizer's (schema/007_stemming.sql). Costs one pass over the
// text; a pure function, safe to call concurrently.
std::string searchable(std::string_view text);

// The terms a search for the normalised `word` matches, any one of them
// enough: the word itself, and its light stems when it is an Arabic word
// with some (arabic_query_stems). A pure function.
std::vector<std::string> search_terms(const std::string& word);

}  // namespace parley::detail

#endif  // PARLEY_SRC_STORE_SEARCHABLE_HPP
