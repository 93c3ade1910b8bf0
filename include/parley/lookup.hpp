// parley/lookup.hpp — actors, places and processes found by name.
//
// What the CLI's --actor, --place and --process accept, for C++ users too:
// an id, any name or alias in any language, compared without case or
// diacritics (Arabic normalised), or the unique start of a name or an id.
//
//   std::vector<parley::PlaceId> aleppo =
//       parley::lookup(db.places(), "aleppo gov", "--place");
//   // {place:...} of "Aleppo governorate"; Error when several places start
//   // so: "--place: 'Al' is the start of 7 places; did you mean Aleppo
//   // governorate (place:syr-aleppo), ...?"
//
// Cost: each call reads the whole list it is given (Database::actors(),
// places(), processes() read every current one): fine for thousands of
// entities; resolve many values against one list rather than reading the
// list per value.
//
// Thread-safety: pure functions of their arguments; safe to call
// concurrently.
#ifndef PARLEY_LOOKUP_HPP
#define PARLEY_LOOKUP_HPP

#include <string>
#include <string_view>
#include <vector>

#include "parley/actor.hpp"
#include "parley/place.hpp"
#include "parley/process.hpp"

namespace parley {

// `text` as names compare: Arabic normalised (normalize_arabic), Latin
// letters (U+00C0–U+017F, U+1E00–U+1EFF) to their base letters without case
// ("Genève" → "geneve", "İDLIB" → "idlib", "Æ" → "ae"), combining marks
// (U+0300–U+036F) dropped, other text kept; runs of white space become one
// space, and none is kept at either end. Costs one pass over the text.
std::string fold_name(std::string_view text);

// The entities `wanted` stands for, tried in this order:
//  1. an entity whose id is `wanted`, or every entity with a name (in any
//     language) or alias equal to it after fold_name. A name shared by
//     several entities means all of them: a filter by it then covers each
//     (two places both called "Aleppo" — city and governorate).
//  2. otherwise the one entity with a name or alias, or an id, that starts
//     with `wanted` (folded for names: "aleppo gov", "place:syr-al"); or,
//     of several places or processes that start so, the one containing all
//     the others ("Aleppo" for "Aleppo governorate" and the "Aleppo city"
//     inside it: a filter by a place or process includes those inside).
// Throws Error(Errc::bad_value, where = `field`) when nothing matches or
// when the start fits several entities; the message lists up to five
// candidates as "did you mean Aleppo governorate (place:syr-aleppo), ...?"
// (the entities the start fits, or else those whose names contain the
// text), and says when there are more.
std::vector<ActorId> lookup(const std::vector<Actor>& all,
                            std::string_view wanted, std::string_view field);
std::vector<PlaceId> lookup(const std::vector<Place>& all,
                            std::string_view wanted, std::string_view field);
std::vector<ProcessId> lookup(const std::vector<Process>& all,
                              std::string_view wanted, std::string_view field);

}  // namespace parley

#endif  // PARLEY_LOOKUP_HPP
