// The schema migrations, embedded at build time from schema/NNN_*.sql
// (cmake/embed_migrations.cmake), and the code that applies them.
#ifndef PARLEY_SRC_STORE_MIGRATIONS_HPP
#define PARLEY_SRC_STORE_MIGRATIONS_HPP

#include <vector>

namespace SQLite {
class Database;
}

namespace parley::detail {

struct Migration {
  int number;        // the NNN of the file: the user_version it produces
  const char* name;  // the file name
  const char* sql;
};

// All migrations, in order.
const std::vector<Migration>& migrations();

// Marks `db` as a parley database and brings its schema to the latest
// version, each migration in its own transaction. Throws Error (storage)
// when the file is not a parley database or is newer than this library.
void migrate(SQLite::Database& db);

}  // namespace parley::detail

#endif  // PARLEY_SRC_STORE_MIGRATIONS_HPP
