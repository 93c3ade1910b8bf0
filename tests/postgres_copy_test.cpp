// PostgresBackend::copy_rows against a real server: hostile text arrives
// unchanged, a bad row or an abort loads nothing, and COPY is measured
// against multi-row INSERT on the same 100,000-row table.
#ifdef PARLEY_HAS_POSTGRES

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "parley/error.hpp"

#include "postgres_support.hpp"
#include "store/postgres/backend.hpp"

using parley::detail::PostgresBackend;
using parley::detail::Value;

namespace {

const std::vector<std::string> columns = {"id", "body", "x"};

// Loads `rows` into t (id, body, x) with copy_rows.
std::int64_t copy_all(PostgresBackend& db,
                      const std::vector<std::vector<Value>>& rows) {
  std::size_t at = 0;
  return db.copy_rows("t", columns, [&](std::vector<Value>& row) {
    if (at == rows.size()) return false;
    row = rows[at++];
    return true;
  });
}

std::int64_t count_rows(PostgresBackend& db) {
  auto rows = db.run("SELECT count(*) FROM t");
  REQUIRE(rows->next());
  return rows->int64(0);
}

constexpr std::int64_t rows_timed = 100000, insert_batch = 1000;

std::string timed_body(std::int64_t i) {
  return "event " + std::to_string(i) + "\twith a tab, حلب";
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
      .count();
}

// Empties t, then loads rows_timed rows with COPY in one transaction;
// returns the seconds the load took.
double timed_copy(PostgresBackend& db) {
  db.exec("TRUNCATE t");
  const auto start = std::chrono::steady_clock::now();
  std::int64_t next = 0;
  db.begin();
  db.copy_rows("t", columns, [&](std::vector<Value>& row) {
    if (next == rows_timed) return false;
    row = {Value{next}, Value{timed_body(next)}, Value{next * 0.5}};
    ++next;
    return true;
  });
  db.commit();
  return seconds_since(start);
}

// The same rows with INSERT … VALUES of insert_batch rows a statement (one
// prepared statement), in one transaction.
double timed_insert(PostgresBackend& db) {
  db.exec("TRUNCATE t");
  std::string insert = "INSERT INTO t (id, body, x) VALUES (?, ?, ?)";
  for (std::int64_t i = 1; i < insert_batch; ++i) insert += ", (?, ?, ?)";
  const auto start = std::chrono::steady_clock::now();
  db.begin();
  std::vector<Value> params;
  for (std::int64_t first = 0; first < rows_timed; first += insert_batch) {
    params.clear();
    for (std::int64_t i = first; i < first + insert_batch; ++i) {
      params.insert(params.end(),
                    {Value{i}, Value{timed_body(i)}, Value{i * 0.5}});
    }
    db.exec(insert, params);
  }
  db.commit();
  return seconds_since(start);
}

}  // namespace

TEST_CASE("postgres backend: COPY carries hostile text unchanged") {
  PARLEY_POSTGRES_DATABASE(server);
  PostgresBackend db{server.conninfo()};
  db.exec("CREATE TABLE t (id bigint PRIMARY KEY, body text, x float8)");
  const std::vector<std::string> bodies = {
      "tab\there",
      "line\nbreak",
      "cr\r\nlf",
      "back\\slash",
      "\\.",
      "a\n\\.\nb",  // COPY's old end-of-data line, inside a value
      "\\N",        // the text of NULL's marker, as text
      "ends with a backslash\\",
      "الغوطة\tالشرقية",
      "",
      "\\t not a tab"};
  std::vector<std::vector<Value>> rows;
  for (std::size_t i = 0; i < bodies.size(); ++i) {
    rows.push_back({Value{static_cast<std::int64_t>(i)}, Value{bodies[i]},
                    Value{static_cast<double>(i) / 3}});
  }
  std::vector<Value> nulls(3);  // body and x NULL
  nulls[0] = std::int64_t{-1};
  rows.push_back(std::move(nulls));
  CHECK(copy_all(db, rows) == static_cast<std::int64_t>(rows.size()));
  auto read = db.run("SELECT id, body, x FROM t WHERE id >= 0 ORDER BY id");
  for (std::size_t i = 0; i < bodies.size(); ++i) {
    REQUIRE(read->next());
    CHECK(read->text(1) == bodies[i]);
    CHECK(read->real(2) == static_cast<double>(i) / 3);
  }
  CHECK_FALSE(read->next());
  auto null = db.run("SELECT body IS NULL AND x IS NULL FROM t WHERE id = -1");
  REQUIRE(null->next());
  CHECK(null->int64(0) == 1);
}

TEST_CASE("postgres backend: a failed COPY loads nothing") {
  PARLEY_POSTGRES_DATABASE(server);
  PostgresBackend db{server.conninfo()};
  db.exec("CREATE TABLE t (id bigint PRIMARY KEY, body text, x float8)");
  // A row of the wrong width: refused by parley, the COPY aborted.
  const auto width = [&] {
    copy_all(db, {{Value{std::int64_t{1}}, Value{"a"}, Value{}},
                  {Value{std::int64_t{2}}, Value{"b"}}});
  };
  CHECK_THROWS_AS(width(), parley::Error);
  CHECK(count_rows(db) == 0);
  // A duplicate key: refused by the server.
  try {
    copy_all(db, {{Value{std::int64_t{1}}, Value{"a"}, Value{}},
                  {Value{std::int64_t{1}}, Value{"b"}, Value{}}});
    FAIL("a duplicate key was loaded");
  } catch (const parley::Error& e) {
    CHECK(e.code() == parley::Errc::conflict);
  }
  CHECK(count_rows(db) == 0);
  // Inside the caller's transaction: rolled back with it.
  db.begin();
  copy_all(db, {{Value{std::int64_t{1}}, Value{"a"}, Value{}}});
  CHECK(count_rows(db) == 1);
  db.rollback();
  CHECK(count_rows(db) == 0);
}

TEST_CASE("postgres backend: COPY against multi-row INSERT, 100,000 rows") {
  PARLEY_POSTGRES_DATABASE(server);
  PostgresBackend db{server.conninfo()};
  db.exec("CREATE TABLE t (id bigint PRIMARY KEY, body text, x float8)");
  // Each way twice, alternating; the faster run of each counts (the
  // machine is shared).
  double copy_s = 1e9, insert_s = 1e9;
  for (int round = 0; round < 2; ++round) {
    copy_s = std::min(copy_s, timed_copy(db));
    CHECK(count_rows(db) == rows_timed);
    insert_s = std::min(insert_s, timed_insert(db));
    CHECK(count_rows(db) == rows_timed);
  }
  // Reading them back, streamed one row at a time.
  const auto start = std::chrono::steady_clock::now();
  std::int64_t read = 0, sum = 0;
  for (auto rows = db.run("SELECT id, body FROM t"); rows->next(); ++read) {
    sum += rows->int64(0) + static_cast<std::int64_t>(rows->text(1).size());
  }
  const double read_s = seconds_since(start);
  CHECK(read == rows_timed);
  CHECK(sum > 0);
  auto sample = db.run("SELECT body, x FROM t WHERE id = 77777");
  REQUIRE(sample->next());
  CHECK(sample->text(0) == timed_body(77777));
  CHECK(sample->real(1) == 77777 * 0.5);
  MESSAGE("COPY: " << rows_timed / copy_s << " rows/s (" << copy_s
                   << " s); INSERT of " << insert_batch << " rows a statement: "
                   << rows_timed / insert_s << " rows/s (" << insert_s
                   << " s); read back: " << rows_timed / read_s << " rows/s");
}

#endif  // PARLEY_HAS_POSTGRES
