// A read-only Database never changes its file and checks, at open, that
// the file is a parley database this library reads without migrating.
#include <fstream>
#include <iterator>
#include <string>

#include <SQLiteCpp/Database.h>
#include <doctest/doctest.h>

#include "parley/database.hpp"
#include "parley/error.hpp"

#include "store/migrations.hpp"
#include "support.hpp"

namespace {

using parley::Database;
using parley::Errc;
using parley::OpenOptions;
namespace fs = std::filesystem;

constexpr OpenOptions read_only{.create = false, .read_only = true};

std::string bytes(const fs::path& file) {
  std::ifstream in{file, std::ios::binary};
  return {std::istreambuf_iterator<char>(in), {}};
}

// The code of the Error that `open` throws; fails the test when none.
template <class F>
Errc open_error(F&& open) {
  try {
    open();
  } catch (const parley::Error& e) {
    return e.code();
  }
  FAIL("the open did not throw");
  return Errc::storage;
}

fs::path foreign_file(const fs::path& dir) {
  const fs::path file = dir / "foreign.db";
  SQLite::Database other{file.string(),
                         SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE};
  other.exec("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1)");
  return file;
}

// A parley file at schema version `version`, made by applying the first
// migrations only.
fs::path older_file(const fs::path& dir, int version) {
  const fs::path file = dir / "older.db";
  SQLite::Database db{file.string(),
                      SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE};
  for (const auto& m : parley::detail::migrations()) {
    if (m.number > version) break;
    db.exec(m.sql);
  }
  db.exec("PRAGMA user_version = " + std::to_string(version));
  db.exec("PRAGMA application_id = 1347570777");  // "PRLY"
  return file;
}

}  // namespace

TEST_CASE("a foreign SQLite file is refused at a read-only open, unchanged") {
  parley::test::TempDir dir;
  const fs::path file = foreign_file(dir.path());
  const std::string before = bytes(file);
  CHECK(open_error([&] {
          Database db{file, read_only};
        }) == Errc::bad_document);
  CHECK(bytes(file) == before);
  CHECK_FALSE(fs::exists(file.string() + "-wal"));
}

TEST_CASE("a foreign SQLite file is refused at a read-write open, unchanged") {
  // The journal mode used to switch to WAL (header bytes 18-19) before the
  // check refused the file.
  parley::test::TempDir dir;
  const fs::path file = foreign_file(dir.path());
  const std::string before = bytes(file);
  CHECK(open_error([&] { Database db{file}; }) == Errc::bad_document);
  CHECK(bytes(file) == before);
}

TEST_CASE("an empty file is not a parley database to read") {
  parley::test::TempDir dir;
  const fs::path file = dir.path() / "empty.db";
  std::ofstream{file}.close();
  CHECK(open_error([&] {
          Database db{file, read_only};
        }) == Errc::bad_document);
  CHECK(fs::file_size(file) == 0);
}

TEST_CASE("a read-only open does not migrate an older file, read-write does") {
  REQUIRE(Database::latest_schema_version() > 1);
  parley::test::TempDir dir;
  // Version 6: from 007 on, a migration's SQL calls functions the library
  // registers (parley_searchable), which older_file's bare connection lacks.
  const int old_version = 6;
  const fs::path file = older_file(dir.path(), old_version);
  const std::string before = bytes(file);
  try {
    Database db{file, read_only};
    FAIL("an older file opened read-only");
  } catch (const parley::Error& e) {
    CHECK(e.code() == Errc::unsupported);
    CHECK(std::string(e.what()).find("parley migrate") != std::string::npos);
  }
  CHECK(bytes(file) == before);
  Database db{file};
  CHECK(db.schema_version() == Database::latest_schema_version());
}

TEST_CASE(
    "a read-only open reads a parley file, refuses writes, changes "
    "nothing") {
  parley::test::TempDir dir;
  const fs::path file = dir.path() / "t.db";
  {
    Database db{file};
    db.import_json(parley::test::astana_json());
  }
  const std::string before = bytes(file);
  Database db{file, read_only};
  CHECK(db.events().size() > 20);
  CHECK(db.schema_version() == Database::latest_schema_version());
  parley::Actor actor;
  actor.id = parley::ActorId{"actor:new"};
  actor.kind = parley::ActorKind::person;
  actor.names = {{"en", "New"}};
  CHECK(open_error([&] { db.add(actor); }) == Errc::storage);
  CHECK(bytes(file) == before);
}

TEST_CASE("a read-only open of a missing file fails and creates nothing") {
  parley::test::TempDir dir;
  const fs::path file = dir.path() / "missing.db";
  CHECK(open_error([&] { Database db{file, read_only}; }) == Errc::storage);
  CHECK_FALSE(fs::exists(file));
}
