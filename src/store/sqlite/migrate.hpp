// Internal: checking that an SQLite file is parley's, and bringing it to
// the latest schema (the migrations of src/store/migrations.hpp).
#ifndef PARLEY_SRC_STORE_SQLITE_MIGRATE_HPP
#define PARLEY_SRC_STORE_SQLITE_MIGRATE_HPP

namespace SQLite {
class Database;
}

namespace parley::detail {

// How a connection will use the file: reading accepts only a parley file at
// the latest schema version; writing also accepts an empty file (it becomes
// a parley file) and an older version (it is migrated).
enum class FileUse { read, write };

// Checks, by reading two header fields and the schema list and writing
// nothing, that `db` is a parley file usable for `use`. Returns its schema
// version (0 for an empty file). Throws Error: bad_document when it is
// another application's file (or empty, for reading), unsupported when its
// schema is newer than this library (or older, for reading).
int check_parley_file(SQLite::Database& db, FileUse use);

// Checks `db` as check_parley_file(db, FileUse::write) does, then marks it
// as a parley database and brings its schema to the latest version, each
// migration in its own transaction.
void migrate(SQLite::Database& db);

}  // namespace parley::detail

#endif  // PARLEY_SRC_STORE_SQLITE_MIGRATE_HPP
