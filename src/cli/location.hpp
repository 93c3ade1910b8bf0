// The database argument of every command that takes one: a SQLite file, or
// a PostgreSQL connection string ("postgresql://user@host/db" or
// "host=/run/postgresql dbname=parley"), told apart by the library's own
// rule (detail::is_postgres_location), so a string means the same to the
// command and to Database. A server has no file to check: the commands
// skip their file checks and let Database connect.
#ifndef PARLEY_CLI_LOCATION_HPP
#define PARLEY_CLI_LOCATION_HPP

#include <string>
#include <string_view>

namespace parley::cli {

// The help text of a DB argument.
inline constexpr const char* database_help =
    "Database file, or PostgreSQL connection string (postgresql://... or "
    "'host=... dbname=...')";

// True when `db` names a PostgreSQL server rather than a file.
bool is_server(std::string_view db) noexcept;

// `text` with the password of every PostgreSQL connection string in it
// replaced by ***: a URI's "user:PASSWORD@", and the value of a password=
// or sslpassword= key (libpq's key=value form, quoted or not, or a URI's
// query parameter). Anything else comes back as it is. For every message
// and line the command prints that may quote a connection string.
std::string without_passwords(std::string_view text);

}  // namespace parley::cli

#endif  // PARLEY_CLI_LOCATION_HPP
