// Bulk loading: a large import into a database no larger than itself writes
// its rows without the query indexes and the count triggers, then builds
// them once at the end. SQLite builds an index by sorting, which costs far
// less than inserting a million keys in random order into B-trees that
// outgrow the page cache (at 1M events the import spent most of its time
// writing spilled pages), and the count tables are summed in one pass
// instead of once per row.
//
// Everything happens inside the import's transaction: a failed import rolls
// the dropped indexes and triggers back with its rows. The indexes kept are
// those the writer reads while importing (ids, history, versions, parents,
// a claim's event).
#ifndef PARLEY_SRC_STORE_SQLITE_BULK_HPP
#define PARLEY_SRC_STORE_SQLITE_BULK_HPP

#include <cstdint>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>

namespace parley::detail {

class BulkLoad {
 public:
  // An import of at least this many bytes may load in bulk.
  static constexpr std::uintmax_t min_bytes = 8 << 20;

  // Whether an import of `incoming_bytes` into `db` should load in bulk:
  // at least min_bytes, and at least as large as the database file.
  static bool worth_it(SQLite::Database& db, std::uintmax_t incoming_bytes);

  // Drops the query indexes of the event, event_actor, event_topic and
  // claim tables and the triggers on event and event_actor, keeping their
  // definitions. Call inside the import's transaction.
  explicit BulkLoad(SQLite::Database& db);

  // Recreates what the constructor dropped, then recomputes what the
  // triggers maintain: the count tables, the event_long index and the
  // current event total. Cost: one pass over the events, plus sorting each
  // index.
  void finish();

 private:
  SQLite::Database& db_;
  std::vector<std::string> indexes_;   // CREATE INDEX statements
  std::vector<std::string> triggers_;  // CREATE TRIGGER statements
};

}  // namespace parley::detail

#endif  // PARLEY_SRC_STORE_SQLITE_BULK_HPP
