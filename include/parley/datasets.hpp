// parley/datasets.hpp — importing the conflict-event datasets people
// already hold: UCDP GED (CSV), ACLED (CSV), GDELT 2.0 events (TSV) and
// PA-X agreements (CSV).
//
//   parley::Database db{"syria.db"};
//   parley::DatasetOptions options;
//   options.release = "19.1";
//   options.recorded = parley::parse_record_time("2019-06-01T00:00:00Z");
//   parley::ImportCounts n = parley::import_dataset(
//       db, parley::Dataset::ucdp, {"ged191-syria.csv"}, options);
//   // n.read == n.imported + n.updated + n.unchanged + n.rejected
//
// Each row becomes one event with its external reference (dataset, the
// row's id, the release), typed fields where the model has them, and
// every other column kept with its original text in Event::attributes, so
// export gives the row back. A row that contradicts itself (UCDP's low
// estimate above its best) is kept as given with a Flag; a row that cannot
// be read (a bad date, a missing id) is rejected with its file, line,
// column and reason.
//
// UCDP GED, row `id` → event `event:ucdp-<id>` (hostilities):
//   date_start, date_end  time: the day, or "[start..end]" (one day
//                         within) when they differ; date_prec kept
//   side_a, side_b (+ ids) participants (party, in that order): actors
//                         `actor:ucdp-<name>` with external id "ucdp";
//                         a side "A, B" is a coalition actor tied
//                         member_of to A and to B
//   conflict, dyad        processes process:ucdp-conflict-<id> ⊃
//                         process:ucdp-dyad-<id> (the event's process)
//   country, adm_1, adm_2, where_coordinates, latitude, longitude
//                         places nested country ⊃ adm_1 ⊃ adm_2 ⊃ the
//                         location (with its coordinates)
//   source_office/date/headline (";" lists)  one source per entry, each
//                         with a claim whose claimant is source_original
//   low, best, high, deaths_a, deaths_b, deaths_civilians, deaths_unknown
//                         details.deaths_*
//   all other columns     attributes (original text)
//
// Releases: with `release` set, the files are the whole release. A row
// whose values changed since the stored version becomes a new version at
// `recorded` (as-of reads still see the older one), an unchanged row is
// left alone (keeping the release it was read from), and a current event
// of the same dataset that the release no longer holds is closed.
//
// An older release imported after a newer one (its `recorded` before the
// latest record time of the dataset's current events, taken as the newer
// release's) is written into history: each row's event, sources and claims
// become versions from `recorded` until the newer release's record time
// (or the next stored version), so as-of reads answer in record order and
// the current state stays the newer release's. A row equal to the newer
// one merges with it; actors, places and processes the older release adds
// stay current; nothing is closed (an event the older release lacks keeps
// its history as it was).
//
// Thread-safety: as Database (one thread per Database).
#ifndef PARLEY_DATASETS_HPP
#define PARLEY_DATASETS_HPP

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "parley/enum_names.hpp"
#include "parley/flag.hpp"
#include "parley/ids.hpp"
#include "parley/record_time.hpp"

namespace parley {

class Database;

enum class Dataset { ucdp, acled, gdelt, pax };

// What a row that cannot be read does to the import.
enum class OnError {
  fail,  // nothing is written; the error lists every bad row
  skip,  // the other rows are written; bad rows go to `rejects`
};

struct DatasetOptions {
  // The release the files are ("19.1"). Default: "" — the rows are added or
  // updated and nothing is closed.
  std::string release{};
  // The record time of every version written. Default: now. With a
  // release, a time before the stored release's (an older release imported
  // after a newer one) writes the rows into history; see above. Without
  // one, it must not precede the record time of a version it replaces
  // (Errc::conflict).
  std::optional<RecordTime> recorded{};
  // Default: fail.
  OnError on_error = OnError::fail;
  // With OnError::skip: each bad row is appended here as CSV (file, line,
  // column, reason, then the row's cells). Default: none.
  std::optional<std::filesystem::path> rejects{};
  // The most bad rows an error lists before "and N more". Default: 100.
  std::size_t max_listed = 100;
};

// What an import did. read == imported + updated + unchanged + rejected.
struct ImportCounts {
  std::size_t read = 0;       // data rows read (a header is not a row)
  std::size_t imported = 0;   // new events
  std::size_t updated = 0;    // existing events written as a new version
  std::size_t unchanged = 0;  // existing events left as they were
  std::size_t rejected = 0;   // rows that could not be read (skip only)
  std::size_t flagged = 0;    // imported or updated rows carrying a flag
  std::size_t closed = 0;     // events the release no longer holds
};

// Imports `files` of `dataset` in one transaction, each read as a stream
// (memory does not grow with the file). Throws parley::Error, and then the
// database is unchanged: io when a file cannot be read; bad_document for a
// malformed file (an unclosed quote, a missing column), at "file:line";
// bad_value listing every bad row ("file:line:column (name): reason", up to
// max_listed) with OnError::fail; conflict when `recorded` precedes the
// record time of a stored version of a row.
ImportCounts import_dataset(Database& db, Dataset dataset,
                            const std::vector<std::filesystem::path>& files,
                            const DatasetOptions& options = {});

// An event whose source row contradicts itself (see parley/flag.hpp).
struct FlaggedEvent {
  EventId event;
  FlagCode code = FlagCode::deaths_low_above_best;
  bool operator==(const FlaggedEvent&) const = default;
};

// The current events carrying a flag (only `code`, when given), ordered by
// event id, then code. Cost: reads the flag index kept by the writes
// (schema/006_external.sql), never the events. Throws Error (storage) when
// the database fails.
std::vector<FlaggedEvent> flagged_events(
    const Database& db, std::optional<FlagCode> code = std::nullopt);

}  // namespace parley

PARLEY_ENUM_NAMES(parley::Dataset, {parley::Dataset::ucdp, "ucdp"},
                  {parley::Dataset::acled, "acled"},
                  {parley::Dataset::gdelt, "gdelt"},
                  {parley::Dataset::pax, "pax"});
PARLEY_ENUM_NAMES(parley::OnError, {parley::OnError::fail, "fail"},
                  {parley::OnError::skip, "skip"});

#endif  // PARLEY_DATASETS_HPP
