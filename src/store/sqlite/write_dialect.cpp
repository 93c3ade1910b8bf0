// SQLite's side of the write path: FTS5 rows for the search text (rowid =
// the version), event_actor and event_topic keyed by version, WITHOUT
// ROWID temporary tables, and the import's page cache and bulk load.
#include "store/sqlite/write_dialect.hpp"

#include <optional>

#include <SQLiteCpp/Database.h>

#include "parley/error.hpp"

#include "store/sqlite/backend.hpp"
#include "store/sqlite/bulk.hpp"

namespace parley::detail {
namespace {

// `sql` inserts into an FTS5 table: (rowid, body) VALUES (?, ?).
void index_text(Backend& db, const char* sql, std::int64_t version,
                const std::string& body) {
  const Value params[] = {version, body};
  db.exec(sql, params);
}

// While it lives, the connection's page cache is large enough for a large
// import to update its indexes without writing pages out and reading them
// back (SQLite's default is 2 MB). It allocates as it fills, so a small
// import stays small. Then a bulk load when BulkLoad::worth_it.
class SqliteImport final : public ImportSession {
 public:
  static constexpr int kibibytes = 64 * 1024;

  SqliteImport(SQLite::Database& db, std::uintmax_t incoming_bytes)
      : db_(db),
        previous_(db.execAndGet("PRAGMA cache_size").getInt()),
        bulk_(BulkLoad::worth_it(db, incoming_bytes)) {
    db_.exec("PRAGMA cache_size = -" + std::to_string(kibibytes));
  }
  ~SqliteImport() override {
    try {
      db_.exec("PRAGMA cache_size = " + std::to_string(previous_));
    } catch (const std::exception&) {
      // The connection keeps the larger cache; nothing else changes.
    }
  }
  SqliteImport(const SqliteImport&) = delete;
  SqliteImport& operator=(const SqliteImport&) = delete;

  void start() override {
    if (bulk_) load_.emplace(db_);
  }
  void finish() override {
    if (load_) load_->finish();
  }

 private:
  SQLite::Database& db_;
  int previous_;
  bool bulk_;
  std::optional<BulkLoad> load_;
};

class SqliteWriteDialect final : public WriteDialect {
 public:
  void insert_event_rows(
      Backend& db, PendingRows&, const EventVersion& event,
      const std::vector<std::pair<std::string, std::string>>& actors,
      const std::vector<std::string>& topics) const override {
    for (const auto& [actor, role] : actors) {
      const Value params[] = {event.version, actor, role, event.lo};
      db.exec(
          "INSERT INTO event_actor (version, actor, role, lo) "
          "VALUES (?, ?, ?, ?)",
          params);
    }
    for (const std::string& topic : topics) {
      const Value params[] = {event.version, topic};
      db.exec("INSERT INTO event_topic (version, topic) VALUES (?, ?)", params);
    }
  }

  // Inserted at once: nothing waits.
  std::optional<std::int64_t> keep_version(Backend&, PendingRows&,
                                           const VersionTable&,
                                           std::vector<Value>&) const override {
    return std::nullopt;
  }
  void flush_rows(Backend&, PendingRows&) const override {}

  void insert_rows(Backend& db, std::string_view table,
                   std::span<const std::string> columns,
                   std::vector<std::vector<Value>>& rows) const override {
    std::string names, marks;
    for (const std::string& column : columns) {
      names += (names.empty() ? "" : ", ") + column;
      marks += marks.empty() ? "?" : ", ?";
    }
    const std::string sql = "INSERT INTO " + std::string(table) + " (" + names +
                            ") VALUES (" + marks + ")";
    for (const std::vector<Value>& row : rows) db.exec(sql, row);
    rows.clear();
  }
  // SQLite's triggers (schema/004, 006, 008) keep them, whoever writes.
  void derive(Backend&, std::string_view, std::string_view, std::int64_t,
              std::int64_t, VersionWrite) const override {}
  // A lookup is a call into the library: each is checked as it comes.
  bool checks_references_late() const override { return false; }

  // The text goes to the FTS5 tables, not the row.
  std::string_view search_value() const override { return {}; }

  // event_search or claim_search, by version (their rowid).
  void index_texts(Backend& db, std::string_view table,
                   std::span<const VersionText> texts) const override {
    const std::string sql = "INSERT INTO " + std::string(table) +
                            "_search (rowid, body) VALUES (?, ?)";
    for (const VersionText& text : texts) {
      index_text(db, sql.c_str(), text.version, text.body);
    }
  }
  void drop_version_rows(Backend& db, std::string_view table, std::string_view,
                         std::int64_t version, std::int64_t) const override {
    const Value params[] = {version};
    if (table == "event") {
      db.exec("DELETE FROM event_search WHERE rowid = ?", params);
    } else if (table == "claim") {
      db.exec("DELETE FROM claim_search WHERE rowid = ?", params);
    }
  }

  std::string keyed_temp_table(std::string_view name,
                               std::string_view columns) const override {
    return "CREATE TEMP TABLE IF NOT EXISTS " + std::string(name) + " (" +
           std::string(columns) + ") WITHOUT ROWID";
  }

  std::unique_ptr<ImportSession> import_session(
      Backend& db, std::uintmax_t incoming_bytes) const override {
    return std::make_unique<SqliteImport>(sqlite_connection(db),
                                          incoming_bytes);
  }

  int schema_version(Backend& db) const override {
    return sqlite_connection(db).execAndGet("PRAGMA user_version").getInt();
  }

  bool moves_record_times() const override { return true; }
};

}  // namespace

const WriteDialect& sqlite_write_dialect() noexcept {
  static const SqliteWriteDialect dialect;
  return dialect;
}

}  // namespace parley::detail
