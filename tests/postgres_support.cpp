#ifdef PARLEY_HAS_POSTGRES

#include "postgres_support.hpp"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <functional>

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

namespace {

// The first value of the first row of `sql`.
std::int64_t single(parley::detail::PostgresBackend& db,
                    const std::string& sql) {
  const auto rows = db.run(sql);
  REQUIRE(rows->next());
  return rows->int64(0);
}

// True when $PARLEY_POSTGRES names the server: it outlives the run, so a
// database built by an older build could be stale; nothing is shared.
bool lasting_server() { return std::getenv("PARLEY_POSTGRES") != nullptr; }

// The database `name` on the fixture's server, built by `fill` (given its
// connection string) once per server: the first caller builds it under an
// advisory lock while callers in parallel wait. Built under another name
// and renamed when complete, so a case that dies halfway leaves no
// half-built `name` (the next builder drops its remains).
std::string shared_database(
    const std::string& server, const std::string& name,
    const std::function<void(const std::string&)>& fill) {
  parley::detail::PostgresBackend admin{server};
  // Session-level: released by the unlock, or when a dying case's
  // connection closes.
  single(admin, "SELECT 1 FROM (SELECT pg_advisory_lock(1346458697)) AS l");
  if (single(admin, "SELECT count(*) FROM pg_database WHERE datname = '" +
                        name + "'") == 0) {
    const std::string building = name + "_building";
    admin.exec("DROP DATABASE IF EXISTS " + building + " WITH (FORCE)");
    admin.exec("CREATE DATABASE " + building);
    fill(server + " dbname=" + building);
    admin.exec("ALTER DATABASE " + building + " RENAME TO " + name);
  }
  single(admin, "SELECT 1 FROM (SELECT pg_advisory_unlock(1346458697)) AS u");
  return name;
}

void migrate(const std::string& conninfo) { Database{conninfo}; }

void import_astana(const std::string& conninfo) {
  Database{conninfo}.import_json(astana_json());
}

}  // namespace

PostgresDatabase::PostgresDatabase(const std::string& server, Content content)
    : server_(server) {
  static std::atomic<int> counter{0};
  name_ = "parley_test_" + std::to_string(getpid()) + "_" +
          std::to_string(++counter);
  conninfo_ = server_ + " dbname=" + name_;
  std::string copy;  // a template to copy, never opened by a case
  if (content == Content::migrated && !lasting_server()) {
    copy = shared_database(server, "parley_template_migrated", migrate);
  } else if (content == Content::astana && !lasting_server()) {
    copy = shared_database(server, "parley_template_astana", import_astana);
  }
  parley::detail::PostgresBackend admin{server_};
  admin.exec("CREATE DATABASE " + name_ +
             (copy.empty() ? "" : " TEMPLATE " + copy + " STRATEGY FILE_COPY"));
  if (copy.empty() && content == Content::migrated) migrate(conninfo_);
  if (copy.empty() && content == Content::astana) import_astana(conninfo_);
}

PostgresDatabase::~PostgresDatabase() {
  try {
    parley::detail::PostgresBackend admin{server_};
    admin.exec("DROP DATABASE " + name_ + " WITH (FORCE)");
  } catch (...) {  // the server is thrown away after the tests anyway
  }
}

std::string postgres_astana(const std::string& server) {
  if (lasting_server()) {
    static PostgresDatabase own{server, PostgresDatabase::Content::astana};
    return own.conninfo();
  }
  return server +
         " dbname=" + shared_database(server, "parley_astana", import_astana);
}

}  // namespace parley::test

#endif  // PARLEY_HAS_POSTGRES
