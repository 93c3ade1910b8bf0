// Internal: one libpq connection, and the translation of its failures into
// parley::Error. No libpq header here: PGconn and PGresult are declared.
#ifndef PARLEY_SRC_STORE_POSTGRES_CONNECTION_HPP
#define PARLEY_SRC_STORE_POSTGRES_CONNECTION_HPP

#include <memory>
#include <string>
#include <string_view>

#include "parley/error.hpp"

struct pg_conn;
struct pg_result;

namespace parley::detail {

// The Errc of a SQLSTATE: 23505 (unique_violation) is conflict, other
// integrity violations (class 23) and data exceptions (class 22: a value
// the column's type refuses, which SQLite's STRICT tables report as a
// constraint) are bad_value, anything else storage.
Errc errc_of_sqlstate(std::string_view sqlstate);

// Owns a PGresult; PQclear on destruction.
struct ResultDeleter {
  void operator()(pg_result* result) const noexcept;
};
using Result = std::unique_ptr<pg_result, ResultDeleter>;

// One open connection. Movable, not copyable; not thread-safe.
class Connection {
 public:
  // Connects with a libpq connection string: a URI (postgresql://…) or
  // key=value pairs (host=… dbname=…). Throws Error(io) when the server
  // cannot be reached or refuses the connection, Error(bad_value) when the
  // string is malformed; where() is the string without its password, and
  // no message holds the password.
  explicit Connection(const std::string& conninfo);
  ~Connection();
  Connection(Connection&&) noexcept;
  Connection& operator=(Connection&&) noexcept;

  pg_conn* get() const noexcept { return conn_; }

  // The connection string without its password: host, port, dbname, user.
  const std::string& display() const noexcept { return display_; }

  // Throws the failure of `result` (null: the connection's last error) as
  // an Error: the Errc of its SQLSTATE (storage when it has none), the
  // server's primary message and detail; where() is display().
  [[noreturn]] void fail(const pg_result* result) const;

  // `message` with the password replaced by ***.
  std::string scrub(std::string message) const;

 private:
  pg_conn* conn_ = nullptr;
  std::string display_;
  std::string password_;
};

}  // namespace parley::detail

#endif  // PARLEY_SRC_STORE_POSTGRES_CONNECTION_HPP
