#ifdef PARLEY_HAS_POSTGRES

#include "postgres_support.hpp"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>

#include <doctest/doctest.h>

#include "parley/database.hpp"

#include "store/postgres/backend.hpp"
#include "support.hpp"

namespace parley::test {

std::optional<std::string> postgres_server() {
  std::string conninfo;
  if (const char* given = std::getenv("PARLEY_POSTGRES")) {
    conninfo = given;
  } else if (const char* file = std::getenv("PARLEY_POSTGRES_CONNINFO_FILE")) {
    std::ifstream in(file);
    std::getline(in, conninfo);
  }
  if (!conninfo.empty()) return conninfo;
  const char* require = std::getenv("PARLEY_REQUIRE_POSTGRES");
  if (require && std::string(require) == "1") {
    FAIL(
        "no PostgreSQL server (the postgres fixture wrote no connection "
        "string), and PARLEY_REQUIRE_POSTGRES=1");
  }
  MESSAGE(
      "skipped: no PostgreSQL server (run through ctest, whose postgres "
      "fixture starts one, or set PARLEY_POSTGRES)");
  return std::nullopt;
}

PostgresDatabase::PostgresDatabase(const std::string& server)
    : server_(server) {
  static std::atomic<int> counter{0};
  name_ = "parley_test_" + std::to_string(getpid()) + "_" +
          std::to_string(++counter);
  parley::detail::PostgresBackend admin{server_};
  admin.exec("CREATE DATABASE " + name_);
  conninfo_ = server_ + " dbname=" + name_;
}

PostgresDatabase::~PostgresDatabase() {
  try {
    parley::detail::PostgresBackend admin{server_};
    admin.exec("DROP DATABASE " + name_ + " WITH (FORCE)");
  } catch (...) {  // the server is thrown away after the tests anyway
  }
}

namespace {

// The first value of the first row of `sql`.
std::int64_t single(parley::detail::PostgresBackend& db,
                    const std::string& sql) {
  const auto rows = db.run(sql);
  REQUIRE(rows->next());
  return rows->int64(0);
}

// Creates database `name` on `server` with the example data: built under
// another name and renamed when complete, so a case that dies halfway
// leaves no half-built `name` (the next builder drops its remains).
void build_astana(parley::detail::PostgresBackend& admin,
                  const std::string& server, const std::string& name) {
  const std::string building = name + "_building";
  admin.exec("DROP DATABASE IF EXISTS " + building + " WITH (FORCE)");
  admin.exec("CREATE DATABASE " + building);
  {
    Database db{server + " dbname=" + building};
    db.import_json(astana_json());
  }
  admin.exec("ALTER DATABASE " + building + " RENAME TO " + name);
}

}  // namespace

std::string postgres_astana(const std::string& server) {
  if (std::getenv("PARLEY_POSTGRES")) {  // a server that outlives the run
    static PostgresDatabase own{server};
    static const bool imported = [] {
      Database{own.conninfo()}.import_json(astana_json());
      return true;
    }();
    (void)imported;
    return own.conninfo();
  }
  const std::string name = "parley_astana";
  parley::detail::PostgresBackend admin{server};
  // Session-level: released by the unlock, or when a dying case's
  // connection closes.
  const std::string lock = "pg_advisory_lock(1346458697)";
  single(admin, "SELECT 1 FROM (SELECT " + lock + ") AS locked");
  if (single(admin, "SELECT count(*) FROM pg_database WHERE datname = '" +
                        name + "'") == 0) {
    build_astana(admin, server, name);
  }
  single(admin, "SELECT 1 FROM (SELECT pg_advisory_unlock(1346458697)) AS u");
  return server + " dbname=" + name;
}

}  // namespace parley::test

#endif  // PARLEY_HAS_POSTGRES
