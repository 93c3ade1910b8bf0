// parley/database.hpp — the embedded store.
//
// A Database is one SQLite file (or ":memory:") holding actors, places,
// processes, sources, events, claims and links. Opening it creates the
// schema or migrates an older file; a program needs no files besides the
// database itself.
//
//   parley::Database db{"timeline.db"};
//   db.add(actor);             // throws parley::Error on bad input
//   db.add(event);
//   if (auto e = db.event(parley::EventId{"event:astana-2"})) { ... }
//
// History: a write never overwrites a row. update() closes the current
// version (its record time ends) and inserts the new one; remove() closes
// it. ReadOptions::as_of reads the database as it was known at a record
// time.
//
// Errors: every write is one transaction. On bad input — an unknown id, an
// end before its start, a malformed date, an unknown kind — it throws
// parley::Error naming the field, and the database is exactly as before.
// Lookups of a missing id return an empty optional.
//
// Thread-safety: a Database is not thread-safe; use one per thread (SQLite
// allows several connections to one file, with WAL readers and one writer).
#ifndef PARLEY_DATABASE_HPP
#define PARLEY_DATABASE_HPP

#include <filesystem>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "parley/document.hpp"
#include "parley/limits.hpp"
#include "parley/query.hpp"

namespace parley {

struct Timeline;
namespace detail {
struct DatabaseAccess;
}

struct OpenOptions {
  // Create the file when it does not exist. Default: true.
  bool create = true;
  // Open read-only; writes throw. Default: false. A read-only open never
  // changes the file (SQLite's mode=ro): it refuses a file that is not a
  // parley database, or whose schema is newer or older than this library's
  // (an older one is not migrated: open it read-write once). When the WAL
  // index cannot be created beside the file (a read-only directory or
  // medium), it reads with SQLite's immutable=1, which assumes no other
  // process writes the file meanwhile and ignores an un-checkpointed -wal.
  bool read_only = false;
};

struct WriteOptions {
  // The record time of the write. Default: now. Must not precede the record
  // time of the version it replaces (Errc::conflict).
  std::optional<RecordTime> recorded_at;
};

struct ReadOptions {
  // Read the state as known at this record time. Default: the current state.
  std::optional<RecordTime> as_of;
};

struct ExportOptions {
  // Every version with its record times, instead of the current state only.
  // Default: false.
  bool history = false;
};

class Database {
 public:
  // Opens (or creates) the database at `path` (":memory:": a private one),
  // or one on a PostgreSQL server when `path` is a connection string (see
  // "Locations" at the end of this file). Unless read-only, migrates the
  // schema. Throws parley::Error: storage when the file cannot be opened or
  // read; bad_document when it is not a parley database (checked before
  // anything is written: it is left unchanged); unsupported when its schema
  // is newer than this library (or older, when read-only).
  explicit Database(const std::filesystem::path& path,
                    const OpenOptions& options = {});
  ~Database();
  Database(Database&&) noexcept;
  Database& operator=(Database&&) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // The schema version of the open database (user_version, parley_schema).
  int schema_version() const;
  // The schema version this library writes to a SQLite file. PostgreSQL
  // numbers its own from format 9 on (schema/postgres/009 changes no model;
  // docs/postgres.md), and a Database opened on it migrates to its latest.
  static int latest_schema_version() noexcept;

  // Inserts a new entity. Throws Error (conflict) when the id exists.
  void add(const Actor& actor, const WriteOptions& options = {});
  void add(const Place& place, const WriteOptions& options = {});
  void add(const Process& process, const WriteOptions& options = {});
  void add(const Source& source, const WriteOptions& options = {});
  void add(const Event& event, const WriteOptions& options = {});
  void add(const Claim& claim, const WriteOptions& options = {});
  void add(const Link& link, const WriteOptions& options = {});

  // Records a new version of an existing entity. Throws Error
  // (bad_reference) when the id does not exist. An identical version is not
  // recorded again.
  void update(const Actor& actor, const WriteOptions& options = {});
  void update(const Place& place, const WriteOptions& options = {});
  void update(const Process& process, const WriteOptions& options = {});
  void update(const Source& source, const WriteOptions& options = {});
  void update(const Event& event, const WriteOptions& options = {});
  void update(const Claim& claim, const WriteOptions& options = {});
  void update(const Link& link, const WriteOptions& options = {});

  // Closes the current version. Throws Error (bad_reference) when the id
  // does not exist or a current entity still refers to it.
  void remove(const ActorId& id, const WriteOptions& options = {});
  void remove(const PlaceId& id, const WriteOptions& options = {});
  void remove(const ProcessId& id, const WriteOptions& options = {});
  void remove(const SourceId& id, const WriteOptions& options = {});
  void remove(const EventId& id, const WriteOptions& options = {});
  void remove(const ClaimId& id, const WriteOptions& options = {});
  void remove(const Link& link, const WriteOptions& options = {});

  // Lookups: the entity, or empty when it does not exist (at `as_of`).
  std::optional<Actor> actor(const ActorId& id,
                             const ReadOptions& options = {}) const;
  std::optional<Place> place(const PlaceId& id,
                             const ReadOptions& options = {}) const;
  std::optional<Process> process(const ProcessId& id,
                                 const ReadOptions& options = {}) const;
  std::optional<Source> source(const SourceId& id,
                               const ReadOptions& options = {}) const;
  std::optional<Event> event(const EventId& id,
                             const ReadOptions& options = {}) const;
  std::optional<Claim> claim(const ClaimId& id,
                             const ReadOptions& options = {}) const;

  // Everything of one type, in the order it was recorded.
  std::vector<Actor> actors(const ReadOptions& options = {}) const;
  std::vector<Place> places(const ReadOptions& options = {}) const;
  std::vector<Process> processes(const ReadOptions& options = {}) const;
  std::vector<Source> sources(const ReadOptions& options = {}) const;
  std::vector<Event> events(const ReadOptions& options = {}) const;
  std::vector<Claim> claims(const ReadOptions& options = {}) const;
  std::vector<Link> links(const ReadOptions& options = {}) const;

  // Writes every entry of the document in one transaction: an entry whose
  // id exists becomes a new version (unless identical), others are added.
  // References may point forward within the document. Throws Error with the
  // JSON path of the first bad value; then nothing was written.
  void import(const Document& document, const WriteOptions& options = {});
  // Parses and imports a JSON document (see document.hpp).
  void import_json(const nlohmann::json& document,
                   const WriteOptions& options = {});
  // Reads a JSON document from `in` and imports it as it is read, one entry
  // at a time: memory does not grow with the document. The same guarantees
  // as import(): one transaction, forward references (checked at the end),
  // unknown fields refused. Errors name the JSON path and the entry's id
  // ("/events/7/time: ... (in event:ceasefire)"); a syntax error names its
  // line, column and byte offset. The header (format, version, recorded)
  // may follow the entries only when `in` can seek (a file, not a pipe).
  // A string, key or nesting level over `limits` is refused (bad_document)
  // before the entry holding it is kept (see limits.hpp).
  void import_json(std::istream& in, const WriteOptions& options = {},
                   const Limits& limits = {});
  // import_json() of a file; a file larger than limits.max_document_bytes
  // is refused before it is read. Throws Error (io) when it cannot be read.
  void import_file(const std::filesystem::path& path,
                   const WriteOptions& options = {}, const Limits& limits = {});

  // The stored entities as a document, in the order they were recorded.
  Document export_document(const ExportOptions& options = {}) const;
  nlohmann::json export_json(const ExportOptions& options = {}) const;

  // The events matching `query`, in chronological order, one page at a
  // time (see query.hpp). Throws Error (bad_value) for a malformed cursor
  // or kind name; every value is bound as a parameter, never spliced into
  // SQL.
  Page query(const Query& query) const;

  // How many events matching `query` fall in each period, by kind, actor
  // (an event counts once per actor it names), place (the event's own),
  // process (its own) or none, with the sums of their death estimates. An
  // event counts in the period of its earliest start. Query::limit and
  // after are ignored. Results are sorted by period, then key.
  //
  // Cost: count tables kept up to date by every write answer a query with
  // no time, status, topic, text, role or as-of filter, at most one actor
  // and no members, filtering or grouping on at most one of actor, place
  // and process; they read rows per (day, kind), or per (month, kind, key)
  // when an actor, place or process is involved. Any other query (and
  // periods of a day or week with an actor, place or process) is counted
  // exactly from the matching events: its cost follows the number of
  // matches, as Database::query's with no limit.
  std::vector<Count> count(const Query& query, Period period,
                           GroupBy group) const;

  // How many current actors, places, processes, sources, events, claims
  // and links the database holds. Cheap: kept up to date by the writes.
  struct Totals {
    std::size_t actors = 0, places = 0, processes = 0, sources = 0, events = 0,
                claims = 0, links = 0;
  };
  Totals totals() const;

 private:
  friend struct detail::DatabaseAccess;  // src/: the connection, for tests
  class Impl;
  std::unique_ptr<Impl> impl_;
};

// Builds a timeline (timeline.hpp) of `events`, sorted here, read from `db`
// as of `options`: the claims on those events, the links between them, and
// the actors, places (with ancestors), processes and sources they name.
// Cost: one statement per table whatever the database holds; it reads
// the rows the timeline keeps and nothing else. Throws parley::Error
// (storage) when the database fails.
Timeline make_timeline(const Database& db, std::vector<Event> events,
                       const ReadOptions& options = {});

}  // namespace parley

// Locations. A Database lives in a SQLite file (the default) or in a
// database on a PostgreSQL server, with the same API, guarantees (versions
// never overwritten, as-of reads, atomic writes) and errors. `path` names a
// PostgreSQL database when it is a connection string: a URI
// ("postgresql://user@host/parley", "postgres://…") or libpq's key=value
// pairs whose first key is one of libpq's ("host=/run/pg dbname=parley",
// "dbname=parley"). Any other string is a file path, even one holding '='
// ("runs/a=b.db"). On PostgreSQL:
//   - the database must exist (OpenOptions::create does not apply); an
//     empty one is given parley's schema (schema/postgres/) on a
//     read-write open, as an empty file is;
//   - a read-only open sets default_transaction_read_only and migrates
//     nothing: it refuses a database without parley's schema
//     (bad_document) or with an older or newer one (unsupported);
//   - Errc::io when the server cannot be reached; where() is the
//     connection string without its password;
//   - a build without the PostgreSQL backend (no libpq, or the CMake
//     option PARLEY_POSTGRES=OFF) refuses it with Errc::unsupported.
//   - Queries, timelines and reports there need the PostgreSQL query
//     dialect (issue 13, in progress): until then they throw unsupported.
// Thread-safety as for a file: one Database per thread; the server takes
// as many connections as it is configured for.

#endif  // PARLEY_DATABASE_HPP
