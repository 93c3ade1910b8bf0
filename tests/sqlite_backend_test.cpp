// detail::SqliteBackend: the Backend contract (backend_contract.hpp), and
// what is SQLite's own: the statement cache, and that an idle statement
// holds no read snapshot.
#include <memory>
#include <string>

#include <SQLiteCpp/Database.h>
#include <doctest/doctest.h>

#include "backend_contract.hpp"
#include "store/sqlite/backend.hpp"
#include "support.hpp"

namespace {

using parley::detail::SqliteBackend;
using parley::detail::Value;

// A connection and a backend over it, destroyed backend first.
struct Owned {
  explicit Owned(const std::string& file = ":memory:")
      : connection(file, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE) {}
  SQLite::Database connection;
  SqliteBackend backend{connection};
};

std::shared_ptr<parley::detail::Backend> make_sqlite() {
  auto owned = std::make_shared<Owned>();
  return {owned, &owned->backend};
}

std::int64_t count_rows(parley::detail::Backend& b) {
  const auto rows = b.run("SELECT count(*) FROM t");
  REQUIRE(rows->next());
  return rows->int64(0);
}

}  // namespace

PARLEY_BACKEND_CONTRACT("sqlite", make_sqlite);

TEST_CASE("sqlite backend: a statement is prepared once while idle") {
  Owned db;
  SqliteBackend& b = db.backend;
  b.exec("CREATE TABLE t (n INTEGER)");
  const std::size_t before = b.prepared();
  for (int i = 0; i < 5; ++i) {
    const Value n[] = {std::int64_t{i}};
    b.exec("INSERT INTO t VALUES (?)", n);
  }
  CHECK(b.prepared() == before + 1);
  // Two open at once need two statements; then both are idle again, and
  // one of them is kept.
  const std::string sql = "SELECT n FROM t ORDER BY n";
  {
    const auto a = b.run(sql);
    const auto c = b.run(sql);
    REQUIRE(a->next());
    REQUIRE(c->next());
  }
  CHECK(b.prepared() == before + 3);
  b.run(sql)->next();
  CHECK(b.prepared() == before + 3);
}

TEST_CASE("sqlite backend: the cache keeps at most max_cached statements") {
  Owned db;
  SqliteBackend& b = db.backend;
  const std::size_t n = SqliteBackend::max_cached + 10;
  for (std::size_t i = 0; i < n; ++i) {
    b.run("SELECT " + std::to_string(i))->next();
  }
  CHECK(b.prepared() == n);
  // Every text again: the evicted ones are prepared anew, the rest not.
  for (std::size_t i = 0; i < n; ++i) {
    const auto rows = b.run("SELECT " + std::to_string(i));
    REQUIRE(rows->next());
    CHECK(rows->int64(0) == static_cast<std::int64_t>(i));
  }
  CHECK(b.prepared() > n);
  CHECK(b.prepared() < 2 * n);
}

TEST_CASE("sqlite backend: a Rows left before its end keeps no snapshot") {
  // In WAL mode a statement left unreset keeps its read transaction, and
  // the connection would not see later writes by another.
  parley::test::TempDir dir;
  const std::string file = (dir.path() / "wal.db").string();
  Owned writer{file};
  writer.backend.exec("PRAGMA journal_mode = WAL");
  writer.backend.exec("CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (1)");
  Owned reader{file};
  {
    const auto rows = reader.backend.run("SELECT n FROM t");
    REQUIRE(rows->next());
  }
  CHECK(count_rows(reader.backend) == 1);
  writer.backend.exec("INSERT INTO t VALUES (2)");
  CHECK(count_rows(reader.backend) == 2);
}

TEST_CASE("sqlite backend: destroyed in a transaction, it rolls back") {
  SQLite::Database connection{":memory:", SQLite::OPEN_READWRITE};
  {
    SqliteBackend b{connection};
    b.exec("CREATE TABLE t (n INTEGER)");
    b.begin();
    b.exec("INSERT INTO t VALUES (1)");
  }
  SqliteBackend after{connection};
  CHECK(count_rows(after) == 0);
  after.begin();  // no transaction was left open
  after.commit();
}
