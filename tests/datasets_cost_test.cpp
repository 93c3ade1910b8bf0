// A dataset import's reads follow what it writes: the rows of a fresh
// release name events, sources and claims that do not exist yet, and the
// import learns so for a chunk of rows in one read per table instead of
// looking up each id as it writes it. Counted on SQLite's connection
// (sqlite3_trace_v2), by the text of each statement run.
#include <map>
#include <string>

#include <SQLiteCpp/Database.h>
#include <doctest/doctest.h>
#include <sqlite3.h>

#include "parley/database.hpp"
#include "parley/datasets.hpp"

#include "datasets_support.hpp"
#include "store/impl.hpp"
#include "support.hpp"

namespace {

using parley::test::release;

// Statements run, by what they read.
struct Reads {
  // One event or claim by id: its versions before a write (Writer::find),
  // its current document (the import compares it with the row's), whether
  // it exists (a reference to it).
  int event_lookups = 0;
  int claim_lookups = 0;
  int batched = 0;  // a list of ids of one table
};

int on_statement(unsigned type, void* context, void*, void* sql) {
  if (type != SQLITE_TRACE_STMT) return 0;
  const std::string text = static_cast<const char*>(sql);
  auto* reads = static_cast<Reads*>(context);
  if (text.find(" FROM event WHERE id = ?") != std::string::npos) {
    ++reads->event_lookups;
  }
  if (text.find(" FROM claim WHERE id = ?") != std::string::npos) {
    ++reads->claim_lookups;
  }
  if (text.starts_with("SELECT DISTINCT id FROM ")) ++reads->batched;
  return 0;
}

// The statements `import` runs on `db`'s connection.
template <class F>
Reads reads_of(parley::Database& db, F&& import) {
  Reads reads;
  sqlite3* handle = parley::detail::DatabaseAccess::connection(db).getHandle();
  sqlite3_trace_v2(handle, SQLITE_TRACE_STMT, on_statement, &reads);
  import();
  sqlite3_trace_v2(handle, 0, nullptr, nullptr);
  return reads;
}

}  // namespace

TEST_CASE(
    "ucdp: a fresh release reads its new ids a chunk at a time, not one by "
    "one") {
  // 377 rows: one chunk (the big UCDP case imports many, on both
  // backends, and must store what it stored before chunks).
  const auto file =
      parley::test::shared_data("ucdp-ged-syria-2017-02-15--2017-03-05.csv");
  if (file.empty()) return;
  parley::test::TempDir dir;
  parley::Database db{dir.path() / "test.db"};
  parley::ImportCounts first;
  const Reads fresh = reads_of(db, [&] {
    first = parley::import_dataset(db, parley::Dataset::ucdp, {file},
                                   release("19.1", "2019-06-01T00:00:00Z"));
  });
  CHECK(first.imported == 377);
  CHECK(fresh.event_lookups == 0);
  CHECK(fresh.claim_lookups == 0);
  // Events, sources, claims, places, processes.
  CHECK(fresh.batched == 5);

  // The same rows again: every event exists, and each is read to compare.
  parley::ImportCounts second;
  const Reads again = reads_of(db, [&] {
    second = parley::import_dataset(db, parley::Dataset::ucdp, {file},
                                    release("19.1", "2019-07-01T00:00:00Z"));
  });
  CHECK(second.unchanged == 377);
  CHECK(again.event_lookups >= 377);
  CHECK(db.totals().events == 377);
}
