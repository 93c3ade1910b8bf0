// Internal: detail::Backend on PostgreSQL through libpq (issue 13).
//
// Statements are written with `?` (or `?N`) as for SQLite; they are
// renumbered ($1..) by number_placeholders, prepared once per connection
// (PQprepare, cached by text and parameter types) and run with text
// parameters typed as pg_parameter_type says. Rows stream from the server
// one at a time (libpq's single-row mode), so reading 10^6 rows holds one
// row in memory; when another statement runs while a Rows is still open,
// that Rows' remaining rows are first read into memory (the connection
// carries one statement at a time), and it reads on from there.
//
//   PostgresBackend db{"postgresql://user@host/parley"};
//   in_transaction(db, [&] { db.exec("INSERT INTO t VALUES (?)", {{1}}); });
//   for (auto rows = db.run("SELECT x FROM t"); rows->next();) ...
#ifndef PARLEY_SRC_STORE_POSTGRES_BACKEND_HPP
#define PARLEY_SRC_STORE_POSTGRES_BACKEND_HPP

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "store/backend.hpp"
#include "store/postgres/connection.hpp"

namespace parley::detail {

class PostgresRows;

// One connection; not thread-safe. Every Rows it returns must be destroyed
// before it is. Errors as Backend says; where() is the connection string
// without its password.
class PostgresBackend final : public Backend {
 public:
  // Connects (see Connection: Error(io) when the server cannot be reached).
  explicit PostgresBackend(const std::string& conninfo);
  ~PostgresBackend() override;
  PostgresBackend(const PostgresBackend&) = delete;
  PostgresBackend& operator=(const PostgresBackend&) = delete;

  std::string_view name() const override { return "postgres"; }
  std::unique_ptr<Rows> run(std::string_view sql,
                            std::span<const Value> params = {}) override;
  std::int64_t exec(std::string_view sql,
                    std::span<const Value> params = {}) override;
  void begin() override;
  void commit() override;
  void rollback() noexcept override;

  // Loads rows into `table` (its `columns`, in order) with COPY … FROM
  // STDIN in the text format, in the caller's transaction if one is open
  // (else in its own). `next_row` fills its argument with one row (one
  // Value per column) and returns true, or returns false at the end; the
  // vector is cleared before each call. Sends about 1 MB at a time, so
  // memory does not grow with the rows. Returns the number of rows loaded.
  // Throws Error(bad_value) for a row of the wrong width, the server's
  // error as run() does, or what next_row throws; the COPY is then
  // aborted (nothing of it is loaded, and an open transaction has failed).
  std::int64_t copy_rows(
      std::string_view table, std::span<const std::string> columns,
      const std::function<bool(std::vector<Value>&)>& next_row);

  // Whether begin() opened a transaction not yet ended.
  bool in_transaction() const noexcept { return in_transaction_; }

  // How many statements are prepared on this connection.
  std::size_t prepared_statements() const noexcept { return names_.size(); }

  const Connection& connection() const noexcept { return conn_; }

  // Whether the database's statement triggers keep the tables derived from
  // current versions (parley_triggers_derive(), schema/postgres/009; not
  // on a Citus cluster: store/postgres/derived.hpp). Read on the first
  // call, remembered for the connection's life.
  bool triggers_derive();

 private:
  friend class PostgresRows;

  // The name of the prepared statement for `sql` with these parameters'
  // types, preparing it on first use.
  const std::string& prepared(std::string_view sql,
                              std::span<const Value> params);
  // Sends the prepared statement with its parameters (not waiting).
  void send(const std::string& name, std::span<const Value> params);
  // Reads the open streaming Rows into memory, freeing the connection.
  void settle() noexcept;
  // After a failed statement outside begin(): rolls back a transaction the
  // statement itself opened (a script with BEGIN), then throws it.
  [[noreturn]] void fail(const pg_result* result);

  Connection conn_;
  std::unordered_map<std::string, std::string> names_;
  PostgresRows* streaming_ = nullptr;
  bool in_transaction_ = false;
  std::optional<bool> triggers_derive_;
};

}  // namespace parley::detail

#endif  // PARLEY_SRC_STORE_POSTGRES_BACKEND_HPP
