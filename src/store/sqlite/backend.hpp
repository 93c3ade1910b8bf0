// Internal: detail::Backend over an SQLite connection (src/store/backend.hpp).
#ifndef PARLEY_SRC_STORE_SQLITE_BACKEND_HPP
#define PARLEY_SRC_STORE_SQLITE_BACKEND_HPP

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "store/backend.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace SQLite {
class Database;
}

namespace parley::detail {

// A Backend over an SQLite connection, its own or one that outlives it;
// every Rows it returns must be destroyed before it. Prepared statements
// are kept by their SQL text (at most max_cached of them: enough for the
// write path's and the query layer's statements together) and reused while
// no open Rows holds them; a Rows returns its statement, reset, when
// destroyed, so an idle statement holds no read lock. exec() with
// parameters runs a cached statement in place (no allocation). Errors:
// a unique or primary key violated is Errc::conflict, another constraint
// Errc::bad_value ("rejected: " and SQLite's message), anything else
// Errc::storage (SQLite's message). Not thread-safe.
class SqliteBackend final : public Backend {
 public:
  static constexpr std::size_t max_cached = 256;

  // Over `connection`, which must outlive the backend.
  explicit SqliteBackend(SQLite::Database& connection);
  // Over `connection`, which the backend owns (Database's case).
  explicit SqliteBackend(std::unique_ptr<SQLite::Database> connection);
  ~SqliteBackend() override;
  SqliteBackend(const SqliteBackend&) = delete;
  SqliteBackend& operator=(const SqliteBackend&) = delete;

  std::string_view name() const override { return "sqlite"; }
  std::unique_ptr<Rows> run(std::string_view sql,
                            std::span<const Value> params = {}) override;
  std::int64_t exec(std::string_view sql,
                    std::span<const Value> params = {}) override;
  void begin() override;
  void commit() override;
  void rollback() noexcept override;

  // The connection, for what only SQLite has (migrations, PRAGMAs, tests
  // that inspect SQLite itself).
  SQLite::Database& connection() noexcept { return *connection_; }

  // The statements prepared so far (a cached one reused is not counted):
  // for tests of the cache.
  std::size_t prepared() const noexcept { return prepared_; }

 private:
  class SqliteRows;
  struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept {
      return std::hash<std::string_view>{}(s);
    }
  };
  using Cache =
      std::unordered_map<std::string, sqlite3_stmt*, TextHash, std::equal_to<>>;

  // The idle statement for `sql`, taken out of the cache (an empty node
  // holding a new statement when none is idle), with `params` bound.
  Cache::node_type acquire(std::string_view sql, std::span<const Value> params);
  // Takes a statement back (resets it); keeps it or finalizes it.
  void release(Cache::node_type node) noexcept;
  std::int64_t exec_script(std::string_view sql);

  std::unique_ptr<SQLite::Database> owned_;
  SQLite::Database* connection_;
  sqlite3* db_;
  Cache idle_;
  std::size_t prepared_ = 0;
  bool in_transaction_ = false;
};

// The connection of `backend`, which must be a SqliteBackend: else
// Error(unsupported), naming the backend.
SQLite::Database& sqlite_connection(Backend& backend);

}  // namespace parley::detail

#endif  // PARLEY_SRC_STORE_SQLITE_BACKEND_HPP
