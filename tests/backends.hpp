// One test, every backend: a fresh, empty parley::Database on SQLite (a
// file in a temporary directory) and on PostgreSQL (a database of its own
// on the test server, tests/postgres_support.hpp), so that a case written
// once checks both. Header-only (tests/CMakeLists.txt compiles *_test.cpp).
//
// A case that reaches PostgreSQL must be named "postgres backend: …": only
// those get the server (the postgres CTest fixture). Without a server the
// PostgreSQL run is skipped with a MESSAGE (or fails when
// PARLEY_REQUIRE_POSTGRES=1); a build without PARLEY_HAS_POSTGRES runs
// SQLite alone.
//
//   TEST_CASE("postgres backend: a window finds the talks") {
//     parley::test::on_each_backend([](parley::Database& db,
//                                      const std::string& backend) {
//       db.import_json(parley::test::astana_json());
//       CHECK(...);  // failures name the backend (INFO)
//     });
//   }
//
// Or one backend at a time:
//   auto sqlite = parley::test::TestDatabase::open("sqlite");
//   auto postgres = parley::test::TestDatabase::open("postgres");
//   if (!postgres) return;  // no server: skipped
#ifndef PARLEY_TESTS_BACKENDS_HPP
#define PARLEY_TESTS_BACKENDS_HPP

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "parley/database.hpp"

#include "store/access.hpp"
#include "support.hpp"
#ifdef PARLEY_HAS_POSTGRES
#include "postgres_support.hpp"
#endif

namespace parley::test {

// The tables both backends have, and whose rows a write may change.
inline const std::vector<std::string> stored_tables = {
    "actor",       "actor_tie",     "place",          "process",
    "source",      "event",         "event_actor",    "event_topic",
    "claim",       "link",          "count_kind",     "count_actor",
    "count_place", "count_process", "event_external", "event_flag",
    "event_rule"};

// The number of rows of every table and the totals kept per entity:
// equal before and after a write that must change nothing.
inline std::string fingerprint(const Database& db) {
  auto& backend = parley::detail::DatabaseAccess::backend(db);
  std::string out;
  for (const std::string& table : stored_tables) {
    const auto rows = backend.run("SELECT count(*) FROM " + table);
    REQUIRE(rows->next());
    out += table + "=" + std::to_string(rows->int64(0)) + " ";
  }
  const auto totals =
      backend.run("SELECT entity, n FROM current_total ORDER BY entity");
  while (totals->next()) {
    out += std::string(totals->text(0)) + ":" +
           std::to_string(totals->int64(1)) + " ";
  }
  return out;
}

// Every version of everything, with record times, as the export writes it.
inline std::string history(const Database& db) {
  parley::ExportOptions options;
  options.history = true;
  return db.export_json(options).dump(1);
}

// The row counts and every version with its record time: equal before and
// after a write that must change nothing.
inline std::string stored_state(const Database& db) {
  return fingerprint(db) + history(db);
}

// The backends this build can test, SQLite first.
inline std::vector<std::string> test_backends() {
#ifdef PARLEY_HAS_POSTGRES
  return {"sqlite", "postgres"};
#else
  return {"sqlite"};
#endif
}

// A Database of its own on one backend, with its storage; everything is
// removed when it is destroyed (the Database is closed first).
class TestDatabase {
 public:
  // A fresh, empty, migrated database on `backend` ("sqlite" or
  // "postgres"); null when that backend cannot be tested here (see the
  // file comment). Throws parley::Error as Database's constructor does.
  static std::unique_ptr<TestDatabase> open(const std::string& backend,
                                            const OpenOptions& options = {}) {
    return create(backend, false, options);
  }

  // As open(), holding the example data (examples/data/astana-2017.json)
  // imported: on PostgreSQL a copy of a template built once per server
  // (PostgresDatabase::Content::astana), for the cases that write to it.
  static std::unique_ptr<TestDatabase> open_astana(const std::string& backend) {
    return create(backend, true, {});
  }

  ~TestDatabase() { db_.reset(); }
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  Database& db() { return *db_; }
  // "sqlite" or "postgres".
  const std::string& backend() const { return backend_; }
  // What Database was opened with: a file path, or a connection string.
  const std::string& location() const { return location_; }
  // Opens the same storage again (another connection), e.g. read-only.
  Database reopen(const OpenOptions& options = {}) const {
    return Database(location_, options);
  }

 private:
  explicit TestDatabase(std::string backend) : backend_(std::move(backend)) {}

  static std::unique_ptr<TestDatabase> create(const std::string& backend,
                                              bool astana,
                                              const OpenOptions& options) {
    auto out = std::unique_ptr<TestDatabase>(new TestDatabase(backend));
    if (backend == "sqlite") {
      out->dir_.emplace();
      out->location_ = (out->dir_->path() / "test.db").string();
    } else if (backend == "postgres") {
#ifdef PARLEY_HAS_POSTGRES
      const std::optional<std::string> server = postgres_server();
      if (!server) return nullptr;
      out->server_ = std::make_unique<PostgresDatabase>(
          *server, astana ? PostgresDatabase::Content::astana
                          : PostgresDatabase::Content::migrated);
      out->location_ = out->server_->conninfo();
#else
      return nullptr;
#endif
    } else {
      FAIL("unknown backend " << backend);
    }
    out->db_ = std::make_unique<Database>(out->location_, options);
    if (astana && backend == "sqlite") out->db_->import_json(astana_json());
    return out;
  }

  std::string backend_;
  std::string location_;
  std::optional<TempDir> dir_;
#ifdef PARLEY_HAS_POSTGRES
  std::unique_ptr<PostgresDatabase> server_;
#endif
  std::unique_ptr<Database> db_;  // declared last: closed first
};

// Runs `body(db, backend)` once per backend of test_backends() that can be
// tested here, each on a fresh empty database; a failure names the backend.
template <class F>
void on_each_backend(F&& body) {
  for (const std::string& backend : test_backends()) {
    INFO("backend: " << backend);
    const auto test = TestDatabase::open(backend);
    if (!test) continue;
    body(test->db(), backend);
  }
}

// As on_each_backend, each database holding the example data
// (TestDatabase::open_astana), for the cases that write to it.
template <class F>
void on_each_astana_copy(F&& body) {
  for (const std::string& backend : test_backends()) {
    INFO("backend: " << backend);
    const auto test = TestDatabase::open_astana(backend);
    if (!test) continue;
    body(test->db(), backend);
  }
}

// The example data (examples/data/astana-2017.json) on `backend`, for the
// cases that only read it: imported once per process (on SQLite,
// astana_db(); on PostgreSQL, postgres_astana() opened read-only, so a
// case that tries to write fails). Null when `backend` cannot be tested
// here (see the file comment).
inline const Database* astana_on(const std::string& backend) {
  if (backend == "sqlite") return &astana_db();
#ifdef PARLEY_HAS_POSTGRES
  if (backend == "postgres") {
    static const std::unique_ptr<Database> shared =
        []() -> std::unique_ptr<Database> {
      const std::optional<std::string> server = postgres_server();
      if (!server) return nullptr;
      OpenOptions read_only;
      read_only.read_only = true;
      return std::make_unique<Database>(postgres_astana(*server), read_only);
    }();
    return shared.get();
  }
#endif
  return nullptr;
}

// Runs `body(db, backend)` on the example data on every backend of
// test_backends() that can be tested here (astana_on); a failure names
// the backend.
template <class F>
void on_each_astana(F&& body) {
  for (const std::string& backend : test_backends()) {
    INFO("backend: " << backend);
    const Database* db = astana_on(backend);
    if (!db) continue;
    body(*db, backend);
  }
}

// A database on `backend` filled by `fill(db)` on first use and kept for
// the rest of the process, for the cases that only read it (or whose
// writes must fail and change nothing); `name` tells
// apart the databases a file keeps (the same name, the same database).
// Null when `backend` cannot be tested here.
inline Database* kept_on(const std::string& name, const std::string& backend,
                         const std::function<void(Database&)>& fill) {
  static std::map<std::string, std::unique_ptr<TestDatabase>> kept;
  std::unique_ptr<TestDatabase>& test = kept[name + " on " + backend];
  if (!test) {
    auto fresh = TestDatabase::open(backend);
    if (!fresh) return nullptr;
    fill(fresh->db());
    test = std::move(fresh);
  }
  return &test->db();
}

// Runs `body(db, backend)` on every backend that can be tested here, on
// the database kept_on(name, backend, fill); a failure names the backend.
template <class F>
void on_each_kept(const std::string& name,
                  const std::function<void(Database&)>& fill, F&& body) {
  for (const std::string& backend : test_backends()) {
    INFO("backend: " << backend);
    const Database* db = kept_on(name, backend, fill);
    if (!db) continue;
    body(*db, backend);
  }
}

}  // namespace parley::test

#endif  // PARLEY_TESTS_BACKENDS_HPP
