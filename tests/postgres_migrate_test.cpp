// The PostgreSQL migrations (schema/postgres/, src/store/postgres/
// migrate.hpp) against a real server: from nothing and from format 6 to the
// latest, again as a no-op, refusing a newer format and a foreign database.
#ifdef PARLEY_HAS_POSTGRES

#include <string>

#include <doctest/doctest.h>

#include "parley/error.hpp"

#include "postgres_support.hpp"
#include "store/postgres/backend.hpp"
#include "store/postgres/migrate.hpp"

using parley::Errc;
using parley::detail::migrate_postgres;
using parley::detail::postgres_latest_version;
using parley::detail::postgres_migrations;
using parley::detail::postgres_schema_version;
using parley::detail::PostgresBackend;

namespace {

std::string one(PostgresBackend& db, const std::string& sql) {
  auto rows = db.run(sql);
  REQUIRE(rows->next());
  return std::string(rows->text(0));
}

// The schema's own parts, for "nothing changed" checks.
std::string catalog(PostgresBackend& db) {
  return one(db,
             "SELECT count(*) || '|' || string_agg(relname, ',' ORDER BY "
             "relname) FROM pg_class WHERE relnamespace = "
             "'public'::regnamespace") +
         one(db,
             "SELECT string_agg(version::text, ',' ORDER BY version) "
             "FROM parley_schema");
}

}  // namespace

TEST_CASE("postgres backend: the embedded migrations are schema/postgres") {
  // 006 to 009 and citus.sql (number 0), in name order; the latest is the
  // highest number of a file.
  std::string names;
  for (const auto& m : postgres_migrations())
    names += std::string(m.name) + ' ';
  CHECK(names ==
        "006_initial.sql 007_stemming.sql 008_time_rules.sql "
        "009_derived_by_function.sql citus.sql ");
  CHECK(postgres_latest_version() == 9);
}

TEST_CASE("postgres backend: migrations from nothing to the latest") {
  PARLEY_POSTGRES_DATABASE(server);
  PostgresBackend db{server.conninfo()};
  CHECK(postgres_schema_version(db) == 0);
  migrate_postgres(db);
  CHECK(postgres_schema_version(db) == 9);
  CHECK(one(db,
            "SELECT string_agg(version::text, ',' ORDER BY version) "
            "FROM parley_schema") == "6,7,8,9");
  CHECK(one(db, "SELECT to_regclass('event_rule') IS NOT NULL") == "t");
  // 007: words are stemmed as FTS5's porter tokenizer stems them.
  CHECK(one(db,
            "SELECT to_tsvector('parley', 'Négotiations') @@ "
            "to_tsquery('parley', 'negotiated')") == "t");
  const std::string before = catalog(db);
  migrate_postgres(db);  // at the latest: nothing to do
  CHECK(catalog(db) == before);
}

TEST_CASE("postgres backend: migrations from format 6") {
  PARLEY_POSTGRES_DATABASE(server);
  PostgresBackend db{server.conninfo()};
  db.exec(postgres_migrations().front().sql);  // 006 alone
  REQUIRE(postgres_schema_version(db) == 6);
  // A format-6 search vector: unstemmed words.
  db.exec(
      "INSERT INTO event (id, recorded_from, kind, status, time, start_open, "
      "start_unknown, end_open, end_unknown, lo, hi, doc, search) VALUES "
      "('e', 1, 'meeting', 'held', '2017', false, false, false, false, 17167, "
      "17532, '{}', to_tsvector('parley', 'Ceasefires negotiated'))");
  CHECK(one(db, "SELECT search::text FROM event") ==
        "'ceasefires':1 'negotiated':2");
  migrate_postgres(db);
  CHECK(postgres_schema_version(db) == 9);
  // Rebuilt from its lexemes, stemmed (positions kept in order).
  CHECK(one(db, "SELECT search::text FROM event") == "'ceasefir':1 'negoti':2");
}

TEST_CASE("postgres backend: event_rule follows the current versions") {
  PARLEY_POSTGRES_DATABASE(server);
  PostgresBackend db{server.conninfo()};
  migrate_postgres(db);
  const std::string insert =
      "INSERT INTO event (id, recorded_from, kind, status, time, start_open, "
      "start_unknown, end_open, end_unknown, lo, hi, doc) VALUES (?, ?, "
      "'pledge', 'held', '2017', false, false, false, false, 17167, 17532, ?)";
  db.exec(insert, {{"p", std::int64_t{1},
                    R"({"time_rule": {"anchor_event": "a"},
                        "details": {"deadline_rule": {"anchor_event": "b"}}})"}});
  db.exec(insert, {{"q", std::int64_t{1}, R"({"details": {}})"}});
  CHECK(one(db,
            "SELECT string_agg(concat_ws(':', dependent, field, anchor), "
            "' ' ORDER BY field) FROM event_rule") == "p:deadline:b p:time:a");
  db.exec("UPDATE event SET recorded_to = 2 WHERE id = 'p'");
  CHECK(one(db, "SELECT count(*) FROM event_rule") == "0");
}

TEST_CASE("postgres backend: migrations refuse a newer format") {
  PARLEY_POSTGRES_DATABASE(server);
  PostgresBackend db{server.conninfo()};
  migrate_postgres(db);
  db.exec("INSERT INTO parley_schema (version) VALUES (99)");
  const std::string before = catalog(db);
  try {
    migrate_postgres(db);
    FAIL("a newer format was migrated");
  } catch (const parley::Error& e) {
    CHECK(e.code() == Errc::unsupported);
    CHECK(e.message() ==
          "schema version 99 is newer than this library's 9; upgrade parley");
  }
  CHECK(catalog(db) == before);
}

TEST_CASE("postgres backend: migrations refuse another application's tables") {
  PARLEY_POSTGRES_DATABASE(server);
  PostgresBackend db{server.conninfo()};
  db.exec("CREATE TABLE invoices (id int)");
  try {
    migrate_postgres(db);
    FAIL("a foreign database was migrated");
  } catch (const parley::Error& e) {
    CHECK(e.code() == Errc::bad_document);
  }
  CHECK(one(db, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") ==
        "1");
  db.begin();  // and never inside a transaction
  CHECK_THROWS_AS(migrate_postgres(db), parley::Error);
  db.rollback();
}

TEST_CASE("postgres backend: a migration applied out of order is refused") {
  PARLEY_POSTGRES_DATABASE(server);
  PostgresBackend db{server.conninfo()};
  migrate_postgres(db);
  const std::string before = catalog(db);
  const auto& stemming = postgres_migrations()[1];
  REQUIRE(std::string(stemming.name) == "007_stemming.sql");
  try {
    db.exec(stemming.sql);
    FAIL("007 applied to format 9");
  } catch (const parley::Error& e) {
    CHECK(std::string(e.what()).find("migration 007 applies to storage "
                                     "format 6; this database is at 9") !=
          std::string::npos);
  }
  CHECK(catalog(db) == before);  // its transaction rolled back whole
  CHECK(postgres_schema_version(db) == 9);
}

#endif  // PARLEY_HAS_POSTGRES
