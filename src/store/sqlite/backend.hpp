// Internal: detail::Backend over an SQLite connection (src/store/backend.hpp).
#ifndef PARLEY_SRC_STORE_SQLITE_BACKEND_HPP
#define PARLEY_SRC_STORE_SQLITE_BACKEND_HPP

#include <cstddef>
#include <functional>
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

// A Backend over a connection it does not own: `connection` must outlive
// it, and every Rows it returns must be destroyed before it. Prepared
// statements are kept by their SQL text (at most max_cached of them) and
// reused while no open Rows holds them; a Rows returns its statement,
// reset, when destroyed, so an idle statement holds no read lock. Errors:
// a unique or primary key violated is Errc::conflict, another constraint
// Errc::bad_value ("rejected: " and SQLite's message), anything else
// Errc::storage (SQLite's message). Not thread-safe.
class SqliteBackend final : public Backend {
 public:
  static constexpr std::size_t max_cached = 64;

  explicit SqliteBackend(SQLite::Database& connection);
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

  // A statement for `sql` with `params` bound: a cached one, or a new one.
  sqlite3_stmt* acquire(std::string_view sql, std::span<const Value> params);
  // Takes `statement` back (resets it); keeps it for `sql` or finalizes it.
  void release(std::string sql, sqlite3_stmt* statement) noexcept;

  sqlite3* db_;
  std::unordered_map<std::string, sqlite3_stmt*, TextHash, std::equal_to<>>
      idle_;
  std::size_t prepared_ = 0;
  bool in_transaction_ = false;
};

}  // namespace parley::detail

#endif  // PARLEY_SRC_STORE_SQLITE_BACKEND_HPP
