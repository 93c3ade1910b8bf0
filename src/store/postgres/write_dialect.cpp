// PostgreSQL's side of the write path: the search text as a tsvector column
// of the version's own row (to_tsvector('parley', …) of the text the
// writer makes, as schema/postgres/007 says), event_actor and event_topic
// keyed by (event, lo, version) and written one statement per version (the
// statement triggers of 006 count per statement), plain temporary tables.
// The counts, event_head, event_external, event_flag and event_rule are
// the schema's triggers' (not on Citus: see docs/postgres.md).
#include "store/postgres/write_dialect.hpp"

#include "parley/error.hpp"

#include "store/postgres/backend.hpp"
#include "store/postgres/migrate.hpp"

namespace parley::detail {
namespace {

// "INSERT INTO `table` (`columns`) VALUES (…), …": `rows` groups of
// `width` placeholders.
std::string multi_row_insert(std::string_view table, std::string_view columns,
                             std::size_t rows, std::size_t width) {
  std::string sql = "INSERT INTO " + std::string(table) + " (" +
                    std::string(columns) + ") VALUES ";
  for (std::size_t r = 0; r < rows; ++r) {
    sql += r ? ", (" : "(";
    for (std::size_t c = 0; c < width; ++c) sql += c ? ", ?" : "?";
    sql += ')';
  }
  return sql;
}

class NoPreparations final : public ImportSession {
 public:
  void start() override {}
  void finish() override {}
};

class PostgresWriteDialect final : public WriteDialect {
 public:
  std::string same_doc(std::string_view column) const override {
    return std::string(column) + "::text = ?";
  }

  void insert_event_rows(
      Backend& db, const EventVersion& event,
      const std::vector<std::pair<std::string, std::string>>& actors,
      const std::vector<std::string>& topics) const override {
    const std::string id(event.id);
    std::vector<Value> params;
    if (!actors.empty()) {
      for (const auto& [actor, role] : actors) {
        params.insert(params.end(), {id, event.lo, event.version, actor, role});
      }
      db.exec(multi_row_insert("event_actor", "event, lo, version, actor, role",
                               actors.size(), 5),
              params);
    }
    if (!topics.empty()) {
      params.clear();
      for (const std::string& topic : topics) {
        params.insert(params.end(), {id, event.lo, event.version, topic});
      }
      db.exec(multi_row_insert("event_topic", "event, lo, version, topic",
                               topics.size(), 4),
              params);
    }
  }

  void index_event_text(Backend& db, const EventVersion& event,
                        const std::string& body) const override {
    const Value params[] = {body, std::string(event.id), event.lo,
                            event.version};
    db.exec(
        "UPDATE event SET search = to_tsvector('parley', ?) "
        "WHERE id = ? AND lo = ? AND version = ?",
        params);
  }
  void index_claim_text(Backend& db, std::int64_t version,
                        std::string_view event,
                        const std::string& body) const override {
    const Value params[] = {body, std::string(event), version};
    db.exec(
        "UPDATE claim SET search = to_tsvector('parley', ?) "
        "WHERE event = ? AND version = ?",
        params);
  }
  // The text is a column of the row: it goes with it.
  void drop_text(Backend&, TextOf, std::int64_t) const override {}

  std::string keyed_temp_table(std::string_view name,
                               std::string_view columns) const override {
    return "CREATE TEMP TABLE IF NOT EXISTS " + std::string(name) + " (" +
           std::string(columns) + ")";
  }

  std::unique_ptr<ImportSession> import_session(Backend&,
                                                std::uintmax_t) const override {
    return std::make_unique<NoPreparations>();
  }

  int schema_version(Backend& db) const override {
    auto* postgres = dynamic_cast<PostgresBackend*>(&db);
    if (!postgres) {
      throw Error(Errc::storage, std::string(db.name()),
                  "PostgreSQL's write dialect on another backend");
    }
    return postgres_schema_version(*postgres);
  }
};

}  // namespace

const WriteDialect& postgres_write_dialect() noexcept {
  static const PostgresWriteDialect dialect;
  return dialect;
}

}  // namespace parley::detail
