// The schema migrations, embedded at build time from schema/NNN_*.sql
// (cmake/embed_migrations.cmake). SQLite applies them in
// src/store/sqlite/migrate.cpp; PostgreSQL's are in src/store/postgres/.
#ifndef PARLEY_SRC_STORE_MIGRATIONS_HPP
#define PARLEY_SRC_STORE_MIGRATIONS_HPP

#include <vector>

namespace parley::detail {

struct Migration {
  int number;        // the NNN of the file: the user_version it produces
  const char* name;  // the file name
  const char* sql;
};

// All migrations, in order.
const std::vector<Migration>& migrations();

}  // namespace parley::detail

#endif  // PARLEY_SRC_STORE_MIGRATIONS_HPP
