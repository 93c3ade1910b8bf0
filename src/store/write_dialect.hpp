// Internal: the write path's SQL and work that differ between SQLite and
// PostgreSQL (issue 13), one implementation per server:
// src/store/sqlite/write_dialect.cpp, src/store/postgres/write_dialect.cpp.
// Everything else the writer runs (src/store/tables.cpp, writer.cpp,
// rules.cpp, past_versions.cpp, dataset_import.cpp) is written once, in SQL
// both servers run: `INSERT … RETURNING version` for a new version's id,
// `ON CONFLICT DO NOTHING`, `CREATE TEMP TABLE IF NOT EXISTS` with
// unqualified names (both servers look in the session's temporary tables
// first), booleans written as `? <> 0`.
//
// The read path's differences are in dialect.hpp; this is its counterpart
// for writes, migrations and opening. Immutable; safe to share between
// threads (each call works on the Backend it is given).
#ifndef PARLEY_SRC_STORE_WRITE_DIALECT_HPP
#define PARLEY_SRC_STORE_WRITE_DIALECT_HPP

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "store/backend.hpp"
#include "store/dialect.hpp"

namespace parley::detail {

// An event version just inserted, as its child rows and its search text
// name it: SQLite keys them by version alone, PostgreSQL by the event id,
// the version's lo (the partition) and the version.
struct EventVersion {
  std::int64_t version;
  std::string_view id;
  std::int64_t lo;
};

// The search text of an event or claim version written without it (it
// waited for a name or a source written later in the batch), by the key
// its row has: an event's id and lo, a claim's event (and lo 0); the
// searchable() text, owned.
struct VersionText {
  std::int64_t version;
  std::string id;
  std::int64_t lo;
  std::string body;
};

// An import's preparations on one server, from before its transaction
// begins (construction) to after its rows are written (finish(), inside
// the transaction, before commit). Destroying it restores the connection's
// settings; it must be destroyed before the Backend.
class ImportSession {
 public:
  virtual ~ImportSession() = default;
  // Inside the import's transaction, before the first row.
  virtual void start() = 0;
  // After the Writer's finish(), before commit.
  virtual void finish() = 0;
};

// The columns of an event version's row as the writer makes it
// (tables.cpp: event_row), in order; the four flags are integers 0 or 1.
inline constexpr std::array<std::string_view, 22> event_columns = {
    "id",
    "recorded_from",
    "kind",
    "status",
    "time",
    "earliest_start",
    "latest_start",
    "earliest_end",
    "latest_end",
    "start_open",
    "start_unknown",
    "end_open",
    "end_unknown",
    "lo",
    "hi",
    "planned",
    "planned_lo",
    "planned_hi",
    "place",
    "process",
    "parent",
    "doc"};

// The columns of a claim version's row as the writer makes it
// (tables.cpp: Table<Claim>::insert), in order.
inline constexpr std::array<std::string_view, 7> claim_columns = {
    "id", "recorded_from", "event", "source", "claimant", "stance", "doc"};
inline constexpr std::array<std::string_view, 3> source_columns = {
    "id", "recorded_from", "doc"};

// A table whose versions may wait to be sent in bulk: its name, the columns
// of a row as the writer makes it, whether the row's search text follows
// them (when the dialect keeps it in the row: search_value()), the
// sequence its versions come from, and the position among `columns` of its
// partition_column (tables.hpp), if it has one.
struct VersionTable {
  std::string_view name;
  std::span<const std::string_view> columns;
  bool searched;
  std::string_view sequence;
  std::optional<std::size_t> partition;
};
inline constexpr VersionTable event_versions{"event", event_columns, true,
                                             "event_version", 13};
static_assert(event_columns[*event_versions.partition] == "lo");
inline constexpr VersionTable claim_versions{"claim", claim_columns, true,
                                             "claim_version", std::nullopt};
inline constexpr VersionTable source_versions{"source", source_columns, false,
                                              "source_version", std::nullopt};

// The partition_column's value in `row`, a version of `table` as the
// writer makes it; 0 for a table without one.
inline std::int64_t partition_of(const VersionTable& table,
                                 const std::vector<Value>& row) {
  return table.partition ? std::get<std::int64_t>(row[*table.partition]) : 0;
}

// Versions of one table kept to be sent in bulk (WriteDialect::keep_version).
struct KeptVersions {
  // Each row: the table's columns, the search text when it has one, the
  // version.
  std::vector<std::vector<Value>> rows;
  // The ids of the entities with a row in `rows`.
  std::unordered_set<std::string> ids;
  // Versions taken from the server's sequence and not used yet, last first;
  // dropped when a version is inserted at once (the next block follows it).
  std::vector<std::int64_t> free;
};

// The rows a batch has not sent yet: a server that loads them in bulk
// (PostgreSQL: COPY) keeps them here until flush_rows; SQLite inserts them
// at once and leaves this empty.
struct PendingRows {
  // The kept versions of `table`; null for a table whose versions are
  // never kept (only a VersionTable's are).
  KeptVersions* kept(std::string_view table) {
    return table == "event"    ? &events
           : table == "claim"  ? &claims
           : table == "source" ? &sources
                               : nullptr;
  }
  // Whether entity `id` of `table` has a version waiting.
  bool waits(std::string_view table, const std::string& id) {
    const KeptVersions* versions = kept(table);
    return versions && versions->ids.count(id) != 0;
  }

  KeptVersions sources;
  KeptVersions events;
  KeptVersions claims;
  // (event, lo, version, actor, role) and (event, lo, version, topic).
  std::vector<std::vector<Value>> actors;
  std::vector<std::vector<Value>> topics;
  // Versions sent by flush_rows, and the number of versions sent at which
  // the PostgreSQL dialect analyses the event tables again (then twice
  // that).
  std::size_t sent = 0;
  std::size_t analyse_at = 4096;
};

// What the writer did to one version (WriteDialect::derive).
enum class VersionWrite { inserted, closed };

class WriteDialect {
 public:
  virtual ~WriteDialect() = default;

  // Inserts the rows of event_actor for `event`, one per (actor, role),
  // in order, and of event_topic, one per topic, now or (kept in `pending`)
  // at the latest at the next flush_rows. Errors as Backend's, also those
  // of rows kept earlier.
  virtual void insert_event_rows(
      Backend& db, PendingRows& pending, const EventVersion& event,
      const std::vector<std::pair<std::string, std::string>>& actors,
      const std::vector<std::string>& topics) const = 0;
  // Keeps the version `row` of `table` (its columns, then the search text
  // when it has one) in `pending` and returns the version it will have,
  // when the server loads versions in bulk; nullopt otherwise (the caller
  // inserts it). Errors as Backend's, also those of rows kept earlier.
  virtual std::optional<std::int64_t> keep_version(
      Backend& db, PendingRows& pending, const VersionTable& table,
      std::vector<Value>& row) const = 0;
  // Sends the rows kept in `pending`, the versions first; a Writer calls it
  // before it reads what they change (WriteContext::flush).
  virtual void flush_rows(Backend& db, PendingRows& pending) const = 0;

  // After the writer inserted version `version` of entity `id` of `table`
  // as its current version, or closed it (`partition`: its
  // partition_column, 0 if none; `id`: Table<T>::id): keeps what the schema
  // derives from current versions (event_head, the counts, current_total,
  // event_external, event_flag, event_rule) where no trigger keeps it, on
  // a PostgreSQL database without its statement triggers (a Citus cluster:
  // store/postgres/derived.hpp). Does nothing elsewhere. The versions and
  // rows sent by flush_rows are the dialect's own to keep.
  virtual void derive(Backend& db, std::string_view table, std::string_view id,
                      std::int64_t partition, std::int64_t version,
                      VersionWrite write) const = 0;

  // Inserts `rows` (values of `columns`, in order) into `table` and empties
  // `rows`: by COPY where the server has it, else a statement a row.
  virtual void insert_rows(Backend& db, std::string_view table,
                           std::span<const std::string> columns,
                           std::vector<std::vector<Value>>& rows) const = 0;
  // Whether a Writer that loads in bulk leaves the references it has not
  // seen yet to be checked together at finish() rather than looking each
  // up as it comes: true where a lookup is a round trip to a server.
  virtual bool checks_references_late() const = 0;

  // The SQL value of a version row's `search` column, one `?` taking the
  // searchable() text (or NULL, indexed later by index_texts), when the
  // server keeps the search text in the version's own row (PostgreSQL:
  // "to_tsvector('parley', ?)"); empty when it keeps it apart (SQLite's
  // FTS5 tables: index_texts).
  virtual std::string_view search_value() const = 0;

  // Indexes each text's body (already searchable()) as the search text of
  // its version of `table` (event or claim), when it was not written with
  // the row (search_value()): one statement for them all where the server
  // can.
  virtual void index_texts(Backend& db, std::string_view table,
                           std::span<const VersionText> texts) const = 0;
  // Before version `version` of entity `id` in `table` (actor, place,
  // process, source, event or claim; `partition`: its partition_column, 0
  // if none) is deleted: deletes what is kept of it in other tables that
  // the schema does not delete with it. SQLite: an event's or claim's
  // search text (the rest goes by ON DELETE CASCADE). PostgreSQL: an
  // actor's ties, an event's actor and topic rows. The version is closed:
  // the current-only tables (heads, counts, external ids, flags, rules)
  // hold nothing of it.
  virtual void drop_version_rows(Backend& db, std::string_view table,
                                 std::string_view id, std::int64_t version,
                                 std::int64_t partition) const = 0;

  // "CREATE TEMP TABLE IF NOT EXISTS `name` (`columns`)" for a table whose
  // columns include a PRIMARY KEY, stored by that key where the server can.
  virtual std::string keyed_temp_table(std::string_view name,
                                       std::string_view columns) const = 0;

  // The preparations of an import of about `incoming_bytes` (0: unknown,
  // or a document already in memory). SQLite: a larger page cache and, for
  // a large import into a smaller database, a bulk load (sqlite/bulk.hpp).
  virtual std::unique_ptr<ImportSession> import_session(
      Backend& db, std::uintmax_t incoming_bytes) const = 0;

  // The storage format the database is at (SQLite's user_version,
  // PostgreSQL's parley_schema). One read.
  virtual int schema_version(Backend& db) const = 0;

  // Whether a stored version's record times may be changed in place, as
  // PastVersions (an older dataset release imported after a newer one)
  // needs: end a closed version earlier, or start a version earlier.
  // PostgreSQL's schema refuses to change a stored version (the
  // parley_version_unchanged trigger): there PastVersions inserts the
  // version again with its new times and deletes the old row.
  virtual bool moves_record_times() const = 0;
};

}  // namespace parley::detail

#endif  // PARLEY_SRC_STORE_WRITE_DIALECT_HPP
