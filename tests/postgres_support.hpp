// The PostgreSQL tests' server: the connection string of the postgres CTest
// fixture (tests/postgres_fixture.sh) or of $PARLEY_POSTGRES, and a fresh
// database on it per test.
#ifndef PARLEY_TESTS_POSTGRES_SUPPORT_HPP
#define PARLEY_TESTS_POSTGRES_SUPPORT_HPP

#include <optional>
#include <string>

namespace parley::test {

// The server's connection string in key=value form: $PARLEY_POSTGRES, else
// the file named by $PARLEY_POSTGRES_CONNINFO_FILE (CTest sets it for the
// "postgres backend: …" cases). Empty when there is no server: the caller
// skips, saying so (MESSAGE) — or, when PARLEY_REQUIRE_POSTGRES=1, fails.
std::optional<std::string> postgres_server();

// A database of its own on the server, dropped (with its connections)
// when the object is destroyed.
class PostgresDatabase {
 public:
  // What the database holds when created.
  enum class Content {
    empty,     // nothing: not even parley's schema
    migrated,  // parley's schema, no data (as Database's first open leaves)
    astana,    // the example data imported (examples/data/astana-2017.json)
  };
  // Creates it. On the fixture's server, `migrated` and `astana` copy a
  // template database built once per server (as postgres_astana builds
  // its database), which saves each case the migration and the import;
  // with $PARLEY_POSTGRES they are built here. Throws parley::Error.
  explicit PostgresDatabase(const std::string& server,
                            Content content = Content::empty);
  ~PostgresDatabase();
  PostgresDatabase(const PostgresDatabase&) = delete;
  PostgresDatabase& operator=(const PostgresDatabase&) = delete;

  // Its connection string (the server's, with dbname= this database).
  const std::string& conninfo() const { return conninfo_; }

 private:
  std::string server_;
  std::string name_;
  std::string conninfo_;
};

// The connection string of a database on `server` that holds the example
// data (examples/data/astana-2017.json), for the cases that only read it
// (open it read-only). On the fixture's throwaway server one such database
// is built by the first case that asks (under an advisory lock, so cases
// running in parallel wait for it) and shared by every later one, which
// saves each an import; on a server of $PARLEY_POSTGRES, where a database
// left from an older build would be stale, each process builds its own
// and drops it at exit. Throws parley::Error as Database does.
std::string postgres_astana(const std::string& server);

}  // namespace parley::test

// Opens `var` as a PostgresDatabase on the test server, or skips the test
// case (returns) when there is none; fails when PARLEY_REQUIRE_POSTGRES=1.
#define PARLEY_POSTGRES_DATABASE(var)                          \
  const auto parley_server_ = parley::test::postgres_server(); \
  if (!parley_server_) return;                                 \
  parley::test::PostgresDatabase var { *parley_server_ }

#endif  // PARLEY_TESTS_POSTGRES_SUPPORT_HPP
