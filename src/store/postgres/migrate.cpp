#include "store/postgres/migrate.hpp"

#include <algorithm>
#include <string>

#include "parley/error.hpp"

#include "store/postgres/backend.hpp"

namespace parley::detail {
namespace {

// pg_advisory_lock's key for migrations: "PRLY", as SQLite's application_id.
constexpr const char* lock_key = "1347570777";

std::int64_t first_int(PostgresBackend& db, std::string_view sql) {
  auto rows = db.run(sql);
  return rows->next() ? rows->int64(0) : 0;
}

[[noreturn]] void refuse(PostgresBackend& db, Errc code,
                         const std::string& why) {
  throw Error(code, db.connection().display(), why);
}

// Checks that the database may be migrated; returns its format.
int checked_version(PostgresBackend& db) {
  const int version = postgres_schema_version(db);
  const int latest = postgres_latest_version();
  if (version > latest) {
    refuse(db, Errc::unsupported,
           "schema version " + std::to_string(version) +
               " is newer than this library's " + std::to_string(latest) +
               "; upgrade parley");
  }
  if (version == 0 && first_int(db,
                                "SELECT count(*) FROM pg_tables "
                                "WHERE schemaname = current_schema()") > 0) {
    refuse(db, Errc::bad_document,
           "not a parley database (it holds other tables)");
  }
  return version;
}

void apply(PostgresBackend& db, int version) {
  for (const Migration& m : postgres_migrations()) {
    if (m.number > version) db.exec(m.sql);
  }
  for (const Migration& m : postgres_migrations()) {
    if (m.number == 0) db.exec(m.sql);
  }
}

void unlock(PostgresBackend& db) noexcept {
  try {
    db.exec(std::string("SELECT pg_advisory_unlock(") + lock_key + ")");
  } catch (...) {  // the lock ends with the session anyway
  }
}

}  // namespace

int postgres_latest_version() {
  int latest = 0;
  for (const Migration& m : postgres_migrations()) {
    latest = std::max(latest, m.number);
  }
  return latest;
}

int postgres_schema_version(PostgresBackend& db) {
  if (first_int(db, "SELECT to_regclass('parley_schema') IS NOT NULL") == 0) {
    return 0;
  }
  return static_cast<int>(
      first_int(db, "SELECT coalesce(max(version), 0) FROM parley_schema"));
}

void migrate_postgres(PostgresBackend& db) {
  if (db.in_transaction()) {
    refuse(db, Errc::storage,
           "migrations run outside a transaction (each is its own)");
  }
  db.exec(std::string("SELECT pg_advisory_lock(") + lock_key + ")");
  try {
    apply(db, checked_version(db));
  } catch (...) {
    unlock(db);
    throw;
  }
  unlock(db);
}

}  // namespace parley::detail
