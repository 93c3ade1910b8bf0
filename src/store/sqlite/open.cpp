// Opening an SQLite file (src/store/sqlite/open.hpp).
#include "store/sqlite/open.hpp"

#include <string>

#include <SQLiteCpp/Database.h>
#include <sqlite3.h>

#include "store/sqlite/migrate.hpp"

namespace parley::detail {
namespace {

// `path` as an SQLite URI with `query` ("mode=ro"): absolute, with the
// characters that URIs reserve percent-encoded.
std::string file_uri(const std::filesystem::path& path, const char* query) {
  std::string out = "file://";
  for (char c : std::filesystem::absolute(path).string()) {
    if (c == '%' || c == '?' || c == '#') {
      static const char hex[] = "0123456789ABCDEF";
      out += '%';
      out += hex[(c >> 4) & 0xf];
      out += hex[c & 0xf];
    } else {
      out += c;
    }
  }
  return out + "?" + query;
}

// Whether a read-only connection failed only because it could not create
// the WAL index (-shm) beside the file: a read-only directory or medium.
bool cannot_share(const SQLite::Exception& e) {
  const int code = e.getErrorCode();
  return code == SQLITE_CANTOPEN || code == SQLITE_READONLY;
}

// A read-only connection that has passed the parley-file checks. Opens with
// mode=ro, which never writes the file; when the WAL index cannot be created
// (read-only directory or medium), opens again with immutable=1, which reads
// the main file without locking (see OpenOptions::read_only).
SQLite::Database open_reader(const std::filesystem::path& path) {
  const int flags = SQLite::OPEN_READONLY | SQLite::OPEN_URI;
  if (path == ":memory:") {
    SQLite::Database db{":memory:", SQLite::OPEN_READONLY};
    check_parley_file(db, FileUse::read);
    return db;
  }
  try {
    SQLite::Database db{file_uri(path, "mode=ro"), flags, 5000};
    check_parley_file(db, FileUse::read);
    return db;
  } catch (const SQLite::Exception& e) {
    if (!cannot_share(e) || !std::filesystem::exists(path)) throw;
  }
  SQLite::Database db{file_uri(path, "immutable=1"), flags, 5000};
  check_parley_file(db, FileUse::read);
  return db;
}

// A read-write connection to a checked, migrated parley file. The checks
// come before anything is written, so another application's file is
// refused unchanged.
SQLite::Database open_writer(const std::filesystem::path& path,
                             const OpenOptions& options) {
  SQLite::Database db{
      path.string(),
      SQLite::OPEN_READWRITE | (options.create ? SQLite::OPEN_CREATE : 0),
      5000};
  check_parley_file(db, FileUse::write);
  db.exec("PRAGMA journal_mode = WAL");
  migrate(db);
  return db;
}

}  // namespace

std::unique_ptr<SqliteBackend> open_sqlite(const std::filesystem::path& path,
                                           const OpenOptions& options) {
  auto db = std::make_unique<SQLite::Database>(
      options.read_only ? open_reader(path) : open_writer(path, options));
  db->exec("PRAGMA foreign_keys = ON");
  db->exec("PRAGMA mmap_size = 1073741824");
  return std::make_unique<SqliteBackend>(std::move(db));
}

}  // namespace parley::detail
