// Internal: the SQL that Database::query runs, for tests that check its
// plan (tests/query_plan_test.cpp). Not part of the public API.
#ifndef PARLEY_SRC_QUERY_SQL_HPP
#define PARLEY_SRC_QUERY_SQL_HPP

#include <cstddef>
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "parley/query.hpp"

namespace parley::detail {

// A statement and its parameters, in order (1, 2, ...).
struct QuerySql {
  std::string sql;
  std::vector<std::variant<std::int64_t, std::string>> binds;
};

// The statement Database::query runs for the first batch of `query` (with
// its cursor, if any), reading at most `batch` rows. `db` is read only to
// expand Query::include_members. Throws Error as Database::query does.
QuerySql query_sql(SQLite::Database& db, const Query& query, std::size_t batch);

// The statement Database::count runs for `query`.
QuerySql count_sql(SQLite::Database& db, const Query& query);

// Binds every parameter of `sql` to `statement`.
void bind_all(SQLite::Statement& statement, const QuerySql& sql);

}  // namespace parley::detail

#endif  // PARLEY_SRC_QUERY_SQL_HPP
