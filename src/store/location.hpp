// Internal: what a Database's location names — a SQLite file or a
// PostgreSQL server. Database's constructor and the CLI both ask here, so
// a string means the same thing to the library and to the command.
#ifndef PARLEY_SRC_STORE_LOCATION_HPP
#define PARLEY_SRC_STORE_LOCATION_HPP

#include <string_view>

namespace parley::detail {

// True when `location` is a PostgreSQL connection string: a URI
// ("postgresql://…" or "postgres://…") or libpq's key=value form whose
// first key is one of libpq's ("host=/run/pg dbname=parley",
// "dbname=parley"). Anything else is a SQLite path, including a file name
// that merely holds '=' ("runs/a=b.db").
bool is_postgres_location(std::string_view location) noexcept;

}  // namespace parley::detail

#endif  // PARLEY_SRC_STORE_LOCATION_HPP
