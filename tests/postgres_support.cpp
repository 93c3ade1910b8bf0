#ifdef PARLEY_HAS_POSTGRES

#include "postgres_support.hpp"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>

#include <doctest/doctest.h>

#include "store/postgres/backend.hpp"

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

}  // namespace parley::test

#endif  // PARLEY_HAS_POSTGRES
