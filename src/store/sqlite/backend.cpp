#include "store/sqlite/backend.hpp"

#include <utility>
#include <variant>

#include <SQLiteCpp/Database.h>
#include <sqlite3.h>

#include "parley/error.hpp"

#include "store/access.hpp"

namespace parley::detail {
namespace {

// Throws the connection's last error as parley::Error (see SqliteBackend).
[[noreturn]] void fail(sqlite3* db) {
  const int code = sqlite3_extended_errcode(db);
  const std::string message = sqlite3_errmsg(db);
  if ((code & 0xff) == SQLITE_CONSTRAINT) {
    const bool unique = code == SQLITE_CONSTRAINT_UNIQUE ||
                        code == SQLITE_CONSTRAINT_PRIMARYKEY;
    throw Error(unique ? Errc::conflict : Errc::bad_value, "",
                "rejected: " + message);
  }
  throw Error(Errc::storage, "", message);
}

void bind(sqlite3* db, sqlite3_stmt* s, std::span<const Value> params) {
  for (std::size_t i = 0; i < params.size(); ++i) {
    const int at = static_cast<int>(i) + 1;
    const int rc = std::visit(
        [&](const auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, std::monostate>) {
            return sqlite3_bind_null(s, at);
          } else if constexpr (std::is_same_v<T, std::int64_t>) {
            return sqlite3_bind_int64(s, at, v);
          } else if constexpr (std::is_same_v<T, double>) {
            return sqlite3_bind_double(s, at, v);
          } else {
            return sqlite3_bind_text64(s, at, v.data(), v.size(),
                                       SQLITE_TRANSIENT, SQLITE_UTF8);
          }
        },
        params[i]);
    if (rc != SQLITE_OK) fail(db);
  }
}

// Steps `s` to its end; the rows it changed itself (not its triggers').
std::int64_t run_to_end(sqlite3* db, sqlite3_stmt* s) {
  const sqlite3_int64 before = sqlite3_total_changes64(db);
  int rc;
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
  }
  if (rc != SQLITE_DONE) fail(db);
  return sqlite3_total_changes64(db) == before ? 0 : sqlite3_changes64(db);
}

}  // namespace

// Reads one statement's rows; gives the statement back when destroyed.
class SqliteBackend::SqliteRows final : public Rows {
 public:
  SqliteRows(SqliteBackend& owner, Cache::node_type node)
      : owner_(owner), node_(std::move(node)), statement_(node_.mapped()) {}
  ~SqliteRows() override { owner_.release(std::move(node_)); }
  SqliteRows(const SqliteRows&) = delete;
  SqliteRows& operator=(const SqliteRows&) = delete;

  bool next() override {
    if (done_) return false;  // stepping again would restart it
    const int rc = sqlite3_step(statement_);
    if (rc == SQLITE_ROW) return true;
    done_ = true;
    if (rc != SQLITE_DONE) fail(owner_.db_);
    return false;
  }
  bool is_null(int column) const override {
    return sqlite3_column_type(statement_, column) == SQLITE_NULL;
  }
  std::int64_t int64(int column) const override {
    return sqlite3_column_int64(statement_, column);
  }
  double real(int column) const override {
    return sqlite3_column_double(statement_, column);
  }
  std::string_view text(int column) const override {
    const auto* data = sqlite3_column_text(statement_, column);
    if (data == nullptr) return {};
    const int size = sqlite3_column_bytes(statement_, column);
    return {reinterpret_cast<const char*>(data),
            static_cast<std::size_t>(size)};
  }

 private:
  SqliteBackend& owner_;
  Cache::node_type node_;
  sqlite3_stmt* statement_;
  bool done_ = false;
};

SqliteBackend::SqliteBackend(SQLite::Database& connection)
    : connection_(&connection), db_(connection.getHandle()) {}

SqliteBackend::SqliteBackend(std::unique_ptr<SQLite::Database> connection)
    : owned_(std::move(connection)),
      connection_(owned_.get()),
      db_(owned_->getHandle()) {}

SqliteBackend::~SqliteBackend() {
  rollback();
  for (auto& [sql, statement] : idle_) sqlite3_finalize(statement);
}

SqliteBackend::Cache::node_type SqliteBackend::acquire(
    std::string_view sql, std::span<const Value> params) {
  Cache::node_type node;
  if (auto it = idle_.find(sql); it != idle_.end()) {
    node = idle_.extract(it);
  } else {
    sqlite3_stmt* s = nullptr;
    const int rc =
        sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                           SQLITE_PREPARE_PERSISTENT, &s, nullptr);
    if (rc != SQLITE_OK) fail(db_);
    if (s == nullptr) {
      throw Error(Errc::storage, "",
                  "no SQL statement in '" + std::string(sql) + "'");
    }
    ++prepared_;
    try {
      node = idle_.extract(idle_.try_emplace(std::string(sql), s).first);
    } catch (...) {
      sqlite3_finalize(s);
      throw;
    }
  }
  try {
    bind(db_, node.mapped(), params);
  } catch (...) {
    release(std::move(node));
    throw;
  }
  return node;
}

void SqliteBackend::release(Cache::node_type node) noexcept {
  sqlite3_stmt* s = node.mapped();
  sqlite3_reset(s);  // its error, if any, was thrown by the step
  sqlite3_clear_bindings(s);
  if (idle_.size() >= max_cached) {
    sqlite3_finalize(idle_.begin()->second);
    idle_.erase(idle_.begin());
  }
  // Reuses the node (cannot throw); gives it back when the same text is
  // already idle (two were open at once), and that one is kept.
  const auto kept = idle_.insert(std::move(node));
  if (!kept.inserted) sqlite3_finalize(kept.node.mapped());
}

std::unique_ptr<Rows> SqliteBackend::run(std::string_view sql,
                                         std::span<const Value> params) {
  Cache::node_type node = acquire(sql, params);
  try {
    return std::make_unique<SqliteRows>(*this, std::move(node));
  } catch (...) {
    if (node) release(std::move(node));
    throw;
  }
}

std::int64_t SqliteBackend::exec(std::string_view sql,
                                 std::span<const Value> params) {
  if (params.empty()) return exec_script(sql);
  if (auto it = idle_.find(sql); it != idle_.end()) {
    // Idle, so no Rows holds it: run it where it is.
    sqlite3_stmt* s = it->second;
    try {
      bind(db_, s, params);
      const std::int64_t changed = run_to_end(db_, s);
      sqlite3_reset(s);
      sqlite3_clear_bindings(s);
      return changed;
    } catch (...) {
      sqlite3_reset(s);
      sqlite3_clear_bindings(s);
      throw;
    }
  }
  Cache::node_type node = acquire(sql, params);
  try {
    const std::int64_t changed = run_to_end(db_, node.mapped());
    release(std::move(node));
    return changed;
  } catch (...) {
    release(std::move(node));
    throw;
  }
}

// Several statements: each prepared, run and finalized in turn.
std::int64_t SqliteBackend::exec_script(std::string_view sql) {
  std::int64_t changed = 0;
  const char* at = sql.data();
  const char* const end = sql.data() + sql.size();
  while (at < end) {
    sqlite3_stmt* s = nullptr;
    const char* rest = nullptr;
    if (sqlite3_prepare_v2(db_, at, static_cast<int>(end - at), &s, &rest) !=
        SQLITE_OK) {
      fail(db_);
    }
    at = rest;
    if (s == nullptr) continue;  // white space or a comment
    try {
      changed += run_to_end(db_, s);
    } catch (...) {
      sqlite3_finalize(s);
      throw;
    }
    sqlite3_finalize(s);
  }
  return changed;
}

void SqliteBackend::begin() {
  if (in_transaction_) {
    throw Error(Errc::storage, "", "a transaction is already open");
  }
  exec("BEGIN");
  in_transaction_ = true;
}

void SqliteBackend::commit() {
  exec("COMMIT");
  in_transaction_ = false;
}

void SqliteBackend::rollback() noexcept {
  if (!in_transaction_) return;
  in_transaction_ = false;
  sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

}  // namespace parley::detail

namespace parley::detail {

SQLite::Database& sqlite_connection(Backend& backend) {
  auto* sqlite = dynamic_cast<SqliteBackend*>(&backend);
  if (!sqlite) {
    throw Error(Errc::unsupported, std::string(backend.name()),
                "an SQLite connection was asked of a " +
                    std::string(backend.name()) + " database");
  }
  return sqlite->connection();
}

void rethrow_sqlite(const std::exception& e) {
  if (const auto* s = dynamic_cast<const SQLite::Exception*>(&e)) {
    if (s->getErrorCode() == SQLITE_CONSTRAINT) {
      throw Error(Errc::bad_value, "", std::string("rejected: ") + e.what());
    }
  }
  throw Error(Errc::storage, "", e.what());
}

}  // namespace parley::detail
