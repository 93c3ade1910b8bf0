// parley/document.hpp — the JSON interchange document.
//
// A document holds entities of every type. It is what `parley import`
// reads and `parley export` writes, and what Database::import_json and
// Database::export_json exchange:
//
//   {
//     "format": "parley", "version": 1,
//     "recorded": "2017-02-16T18:00:00Z",
//     "actors": [...], "places": [...], "processes": [...],
//     "sources": [...], "events": [...], "claims": [...], "links": [...]
//   }
//
// Record time is when a version became known. Every entry may carry its own
// "recorded" time; the document's "recorded" is the default for entries that
// do not. The same id may occur more than once in an array: the entries are
// successive versions, in order. An entry with "superseded" but no later
// version was deleted at that time. The schema is schema/parley.schema.json.
#ifndef PARLEY_DOCUMENT_HPP
#define PARLEY_DOCUMENT_HPP

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "parley/actor.hpp"
#include "parley/claim.hpp"
#include "parley/event.hpp"
#include "parley/link.hpp"
#include "parley/place.hpp"
#include "parley/process.hpp"
#include "parley/record_time.hpp"  // RecordTime, parse/format_record_time
#include "parley/source.hpp"

namespace parley {

// One version of an entity, with when it became known and, for the last
// version of a deleted entity, when it was withdrawn.
template <class T>
struct Versioned {
  T value;
  std::optional<RecordTime> recorded{};    // empty: the document's default
  std::optional<RecordTime> superseded{};  // set only on a deletion
  bool operator==(const Versioned&) const = default;
};

struct Document {
  std::optional<RecordTime> recorded;  // default record time of entries
  std::vector<Versioned<Actor>> actors;
  std::vector<Versioned<Place>> places;
  std::vector<Versioned<Process>> processes;
  std::vector<Versioned<Source>> sources;
  std::vector<Versioned<Event>> events;
  std::vector<Versioned<Claim>> claims;
  std::vector<Versioned<Link>> links;

  bool operator==(const Document&) const = default;
};

// The format version written in "version"; documents with a higher version
// are refused.
inline constexpr int document_version = 1;

// from_json throws parley::Error whose where() is the JSON path of the
// offending value ("/events/3/time"), and refuses unknown fields.
void to_json(nlohmann::json& j, const Document& document);
void from_json(const nlohmann::json& j, Document& document);

}  // namespace parley

#endif  // PARLEY_DOCUMENT_HPP
