// PostgresBackend (src/store/postgres/backend.hpp) against a real server:
// values round-trip, errors and their Errc, transactions, a Rows open while
// other statements run, the statement cache. The server comes from the
// postgres CTest fixture; without one the cases skip (tests/
// postgres_support.hpp).
#ifdef PARLEY_HAS_POSTGRES

#include <unistd.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <vector>

#include <doctest/doctest.h>

#include "parley/error.hpp"

#include "postgres_support.hpp"
#include "store/postgres/backend.hpp"

using parley::Errc;
using parley::detail::in_transaction;
using parley::detail::PostgresBackend;
using parley::detail::Value;

namespace {

// The Errc of what `body` throws; fails the test when it throws nothing.
template <class F>
parley::Error thrown(F&& body) {
  try {
    body();
  } catch (const parley::Error& e) {
    return e;
  }
  FAIL("no parley::Error thrown");
  return parley::Error(Errc::storage, "", "");
}

std::int64_t count(PostgresBackend& db, const std::string& table) {
  auto rows = db.run("SELECT count(*) FROM " + table);
  REQUIRE(rows->next());
  return rows->int64(0);
}

}  // namespace

TEST_CASE("postgres backend: values round-trip") {
  PARLEY_POSTGRES_DATABASE(server);
  PostgresBackend db{server.conninfo()};
  constexpr auto min = std::numeric_limits<std::int64_t>::min();
  constexpr auto max = std::numeric_limits<std::int64_t>::max();
  const std::string arabic = "محمد علوش، الغوطة الشرقية";
  db.exec("CREATE TABLE v (i bigint, d float8, s text)");
  const std::vector<double> doubles = {
      0.1,
      -0.0,
      1e308,
      5e-324,
      1.0 / 3,
      std::numeric_limits<double>::infinity(),
      -std::numeric_limits<double>::infinity()};
  for (const double d : doubles) {
    db.exec("INSERT INTO v VALUES (?, ?, ?)",
            {{Value{min}, Value{d}, Value{arabic}}});
  }
  db.exec("INSERT INTO v VALUES (?, ?, ?)",
          {{Value{max}, Value{std::nan("")}, Value{}}});
  auto rows = db.run("SELECT i, d, s FROM v ORDER BY i, d");
  // ORDER BY d: -Infinity, -0, 5e-324, 0.1, 1/3, 1e308, Infinity.
  const std::vector<double> ascending = {
      -std::numeric_limits<double>::infinity(),
      -0.0,
      5e-324,
      0.1,
      1.0 / 3,
      1e308,
      std::numeric_limits<double>::infinity()};
  for (const double d : ascending) {
    REQUIRE(rows->next());
    CHECK(rows->int64(0) == min);
    CHECK(rows->real(1) == d);
    CHECK(std::signbit(rows->real(1)) == std::signbit(d));
    CHECK(rows->text(2) == arabic);
    CHECK_FALSE(rows->is_null(2));
  }
  REQUIRE(rows->next());
  CHECK(rows->int64(0) == max);
  CHECK(std::isnan(rows->real(1)));
  CHECK(rows->is_null(2));
  CHECK_FALSE(rows->next());
}

TEST_CASE("postgres backend: parameters typed as SQLite would read them") {
  PARLEY_POSTGRES_DATABASE(server);
  PostgresBackend db{server.conninfo()};
  // A string parameter takes the type of where it stands: json here, text
  // in a concatenation; an int64 is int8, a NULL is NULL. A parameter the
  // server cannot place (only `? IS NULL`) needs a cast.
  auto rows = db.run(
      "SELECT (?::json) ->> 'a', ? || 'b', pg_typeof(?)::text, ?::text IS NULL",
      {{Value{std::string(R"({"a": "x"})")}, Value{std::string("a")},
        Value{std::int64_t{7}}, Value{}}});
  REQUIRE(rows->next());
  CHECK(rows->text(0) == "x");
  CHECK(rows->text(1) == "ab");
  CHECK(rows->text(2) == "bigint");
  CHECK(rows->int64(3) == 1);  // a boolean reads as 1 or 0
  CHECK(thrown([&] { db.run("SELECT ? IS NULL", {{Value{}}}); }).code() ==
        Errc::storage);  // 42P18: could not determine its type
  const auto e = thrown([&] { db.run("SELECT ?, ?", {{Value{1.0}}}); });
  CHECK(e.code() == Errc::storage);
  CHECK(std::string(e.what()).find("takes 2 parameters, 1 given") !=
        std::string::npos);
}

TEST_CASE("postgres backend: errors carry their Errc and the server's words") {
  PARLEY_POSTGRES_DATABASE(server);
  PostgresBackend db{server.conninfo()};
  db.exec("CREATE TABLE u (id text PRIMARY KEY, n bigint CHECK (n > 0))");
  db.exec("INSERT INTO u VALUES ('a', 1)");
  const auto unique = thrown([&] {
    db.exec("INSERT INTO u VALUES (?, ?)",
            {{Value{"a"}, Value{std::int64_t{2}}}});
  });
  CHECK(unique.code() == Errc::conflict);
  CHECK(std::string(unique.what()).find("u_pkey") != std::string::npos);
  // The server's detail names the key.
  CHECK(std::string(unique.what()).find("Key (id)=(a) already exists") !=
        std::string::npos);
  const auto check = thrown([&] { db.exec("INSERT INTO u VALUES ('b', -1)"); });
  CHECK(check.code() == Errc::bad_value);
  CHECK(std::string(check.what()).find("u_n_check") != std::string::npos);
  const auto type = thrown(
      [&] { db.exec("INSERT INTO u VALUES ('c', ?)", {{Value{"many"}}}); });
  CHECK(type.code() == Errc::bad_value);
  const auto syntax = thrown([&] { db.run("SELEC 1"); });
  CHECK(syntax.code() == Errc::storage);
  CHECK(std::string(syntax.what()).find("syntax error") != std::string::npos);
  CHECK(std::string(syntax.what()).find("42601") != std::string::npos);
  CHECK(count(db, "u") == 1);  // the connection is usable after each
}

TEST_CASE("postgres backend: connection errors never show the password") {
  const std::string secret = "hunter2-Secret";
  // Nothing listens on port 1; the string is well formed.
  for (const std::string& conninfo :
       {"host=127.0.0.1 port=1 user=u password=" + secret +
            " connect_timeout=5",
        "postgresql://u:" + secret + "@127.0.0.1:1/parley"}) {
    const auto e = thrown([&] { PostgresBackend db{conninfo}; });
    CHECK(e.code() == Errc::io);
    CHECK(std::string(e.what()).find(secret) == std::string::npos);
    CHECK(e.where().find("host=127.0.0.1 port=1") != std::string::npos);
  }
  // Malformed: libpq would quote the string; parley does not.
  const auto e = thrown(
      [&] { PostgresBackend db{"host=x password=" + secret + " broken"}; });
  CHECK(e.code() == Errc::bad_value);
  CHECK(std::string(e.what()).find(secret) == std::string::npos);
}

TEST_CASE("postgres backend: a rollback leaves nothing") {
  PARLEY_POSTGRES_DATABASE(server);
  PostgresBackend db{server.conninfo()};
  db.exec("CREATE TABLE t (x bigint PRIMARY KEY)");
  CHECK_THROWS_AS(in_transaction(db,
                                 [&] {
                                   db.exec("INSERT INTO t VALUES (1), (2)");
                                   db.exec("INSERT INTO t VALUES (2)");
                                 }),
                  parley::Error);
  CHECK(count(db, "t") == 0);
  db.begin();
  db.exec("INSERT INTO t VALUES (3)");
  db.rollback();
  CHECK(count(db, "t") == 0);
  CHECK(thrown([&] {
          db.begin();
          db.begin();
        }).code() == Errc::storage);
  db.rollback();
  {  // destroyed inside a transaction: rolled back
    PostgresBackend other{server.conninfo()};
    other.begin();
    other.exec("INSERT INTO t VALUES (4)");
  }
  CHECK(count(db, "t") == 0);
  in_transaction(db, [&] { db.exec("INSERT INTO t VALUES (5)"); });
  CHECK(count(db, "t") == 1);
}

TEST_CASE("postgres backend: committing a failed transaction throws") {
  PARLEY_POSTGRES_DATABASE(server);
  PostgresBackend db{server.conninfo()};
  db.exec("CREATE TABLE t (x bigint PRIMARY KEY)");
  db.begin();
  db.exec("INSERT INTO t VALUES (1)");
  CHECK_THROWS(db.exec("INSERT INTO t VALUES (1)"));
  const auto e = thrown([&] { db.commit(); });
  CHECK(e.code() == Errc::storage);
  CHECK(std::string(e.what()).find("rolled back") != std::string::npos);
  CHECK(count(db, "t") == 0);
}

TEST_CASE("postgres backend: a script that fails rolls its own BEGIN back") {
  PARLEY_POSTGRES_DATABASE(server);
  PostgresBackend db{server.conninfo()};
  CHECK_THROWS(db.exec("BEGIN; CREATE TABLE t (x int); SELECT 1/0; COMMIT;"));
  CHECK(count(db, "pg_tables WHERE tablename = 't'") == 0);
  db.exec("CREATE TABLE t (x int)");  // the connection is not stuck in it
}

TEST_CASE("postgres backend: a Rows stays open while other statements run") {
  PARLEY_POSTGRES_DATABASE(server);
  PostgresBackend db{server.conninfo()};
  db.exec("CREATE TABLE t (x bigint)");
  db.exec("INSERT INTO t SELECT generate_series(1, 1000)");
  auto first = db.run("SELECT x FROM t ORDER BY x");
  std::int64_t expected = 1;
  for (; expected <= 10; ++expected) {
    REQUIRE(first->next());
    CHECK(first->int64(0) == expected);
  }
  // Statements in between: a write, another query read to its end, a
  // transaction.
  db.exec("INSERT INTO t VALUES (?)", {{Value{std::int64_t{5000}}}});
  auto second = db.run("SELECT count(*) FROM t");
  REQUIRE(second->next());
  CHECK(second->int64(0) == 1001);
  in_transaction(db, [&] { db.exec("DELETE FROM t WHERE x = 5000"); });
  for (; first->next(); ++expected) CHECK(first->int64(0) == expected);
  CHECK(expected == 1001);  // the first result, as it was when it ran
}

TEST_CASE("postgres backend: a Rows dropped early frees the connection") {
  PARLEY_POSTGRES_DATABASE(server);
  PostgresBackend db{server.conninfo()};
  {
    auto rows = db.run("SELECT generate_series(1, 100000)");
    REQUIRE(rows->next());
  }
  CHECK(count(db, "generate_series(1, 3)") == 3);
  // An error after some rows reaches next(), after those rows.
  auto rows = db.run("SELECT 10 / (3 - x) FROM generate_series(1, 5) x");
  CHECK((rows->next() && rows->int64(0) == 5));
  CHECK((rows->next() && rows->int64(0) == 10));
  CHECK(thrown([&] { rows->next(); }).code() == Errc::bad_value);  // 22012
}

TEST_CASE("postgres backend: statements are prepared once per text and types") {
  PARLEY_POSTGRES_DATABASE(server);
  PostgresBackend db{server.conninfo()};
  const std::size_t before = db.prepared_statements();
  for (std::int64_t i = 0; i < 3; ++i) {
    auto rows = db.run("SELECT ? + 1", {{Value{i}}});
    REQUIRE(rows->next());
    CHECK(rows->int64(0) == i + 1);
  }
  CHECK(db.prepared_statements() == before + 1);
  auto rows = db.run("SELECT ? + 1", {{Value{2.5}}});  // a double: float8
  REQUIRE(rows->next());
  CHECK(rows->real(0) == 3.5);
  CHECK(db.prepared_statements() == before + 2);
  // The server holds them: pg_prepared_statements lists this session's
  // (the count's own statement included).
  const std::int64_t on_server =
      count(db, "pg_prepared_statements WHERE name LIKE 'parley_%'");
  CHECK(on_server == static_cast<std::int64_t>(db.prepared_statements()));
}

TEST_CASE("postgres backend: server notices are not printed") {
  PARLEY_POSTGRES_DATABASE(server);
  PostgresBackend db{server.conninfo()};
  // stderr into a file while a statement draws a NOTICE from the server.
  std::fflush(stderr);
  const int saved = dup(2);
  FILE* capture = std::tmpfile();
  REQUIRE(capture);
  dup2(fileno(capture), 2);
  db.exec("DROP TABLE IF EXISTS no_such_table");
  std::fflush(stderr);
  dup2(saved, 2);
  close(saved);
  std::fseek(capture, 0, SEEK_END);
  CHECK(std::ftell(capture) == 0);
  std::fclose(capture);
}

#endif  // PARLEY_HAS_POSTGRES
