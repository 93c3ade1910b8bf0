#include "database_state.hpp"

#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <sqlite3.h>

#include "store/impl.hpp"

namespace parley::fuzz {
namespace {

sqlite3* handle(const Database& db) {
  return detail::DatabaseAccess::connection(db).getHandle();
}

// FNV-1a, 64 bits: fast, and enough to tell two contents apart.
void mix(std::uint64_t& hash, const void* bytes, std::size_t size) {
  const auto* byte = static_cast<const unsigned char*>(bytes);
  for (std::size_t i = 0; i < size; ++i) {
    hash = (hash ^ byte[i]) * 1099511628211ULL;
  }
}

void mix_value(std::uint64_t& hash, sqlite3_stmt* row, int column) {
  const int type = sqlite3_column_type(row, column);
  mix(hash, &type, sizeof type);
  if (type == SQLITE_INTEGER) {
    const sqlite3_int64 value = sqlite3_column_int64(row, column);
    mix(hash, &value, sizeof value);
  } else if (type == SQLITE_FLOAT) {
    const double value = sqlite3_column_double(row, column);
    mix(hash, &value, sizeof value);
  } else if (type != SQLITE_NULL) {
    const void* bytes = sqlite3_column_blob(row, column);
    const int size = sqlite3_column_bytes(row, column);
    mix(hash, &size, sizeof size);
    mix(hash, bytes, static_cast<std::size_t>(size));
  }
}

// Mixes every value of every row `rows` returns, then resets it; aborts
// when SQLite fails.
void mix_rows(std::uint64_t& hash, sqlite3_stmt* rows) {
  int status = SQLITE_ROW;
  while ((status = sqlite3_step(rows)) == SQLITE_ROW) {
    const int columns = sqlite3_column_count(rows);
    for (int column = 0; column < columns; ++column) {
      mix_value(hash, rows, column);
    }
  }
  if (sqlite3_reset(rows) != SQLITE_OK || status != SQLITE_DONE) {
    std::abort();
  }
}

// The ordinary tables of the main schema (a virtual table's rows live in
// its shadow tables, which are ordinary).
std::vector<std::string> table_names(sqlite3* db) {
  std::vector<std::string> names;
  sqlite3_stmt* rows = nullptr;
  if (sqlite3_prepare_v2(db,
                         "SELECT name FROM main.sqlite_schema WHERE type = "
                         "'table' AND sql NOT LIKE 'CREATE VIRTUAL%' "
                         "ORDER BY name",
                         -1, &rows, nullptr) != SQLITE_OK) {
    std::abort();
  }
  while (sqlite3_step(rows) == SQLITE_ROW) {
    names.emplace_back(
        reinterpret_cast<const char*>(sqlite3_column_text(rows, 0)));
  }
  sqlite3_finalize(rows);
  return names;
}

}  // namespace

FreshDatabase::FreshDatabase() {
  sqlite3* db = handle(working_);
  for (const std::string& name : table_names(db)) {
    const std::string sql = "SELECT * FROM main.\"" + name + "\"";
    sqlite3_stmt* rows = nullptr;
    if (sqlite3_prepare_v3(db, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT,
                           &rows, nullptr) != SQLITE_OK) {
      std::abort();
    }
    table_reads_.push_back(rows);
  }
}

FreshDatabase::~FreshDatabase() {
  for (sqlite3_stmt* rows : table_reads_) sqlite3_finalize(rows);
}

std::uint64_t FreshDatabase::fingerprint() const {
  std::uint64_t hash = 14695981039346656037ULL;
  for (sqlite3_stmt* rows : table_reads_) {
    const char* sql = sqlite3_sql(rows);
    mix(hash, sql, std::strlen(sql));
    mix_rows(hash, rows);
  }
  return hash;
}

void FreshDatabase::reset() {
  sqlite3* to = handle(working_);
  sqlite3_backup* copy =
      sqlite3_backup_init(to, "main", handle(template_), "main");
  if (copy == nullptr) std::abort();
  const int status = sqlite3_backup_step(copy, -1);
  if (sqlite3_backup_finish(copy) != SQLITE_OK || status != SQLITE_DONE) {
    std::abort();
  }
}

}  // namespace parley::fuzz
