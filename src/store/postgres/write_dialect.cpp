// PostgreSQL's side of the write path: the search text as a tsvector column
// of the version's own row (to_tsvector('parley', …) of the text the
// writer makes, as schema/postgres/007 says), event_actor and event_topic
// keyed by (event, lo, version) and sent by COPY in batches (the statement
// triggers of 006 count per statement), plain temporary tables.
// The counts, event_head, event_external, event_flag and event_rule are
// the schema's triggers' (not on Citus: see docs/postgres.md).
#include "store/postgres/write_dialect.hpp"

#include "parley/error.hpp"

#include "store/postgres/backend.hpp"
#include "store/postgres/migrate.hpp"

namespace parley::detail {
namespace {

// Sends the kept rows once this many wait: a COPY per batch instead of a
// statement per event (about 1 MB of COPY data).
constexpr std::size_t flush_rows = 16384;

PostgresBackend& postgres(Backend& db) {
  auto* server = dynamic_cast<PostgresBackend*>(&db);
  if (!server) {
    throw Error(Errc::storage, std::string(db.name()),
                "PostgreSQL's write dialect on another backend");
  }
  return *server;
}

// COPYs `rows` into `table` and empties it.
void copy_into(PostgresBackend& db, std::string_view table,
               std::span<const std::string> columns,
               std::vector<std::vector<Value>>& rows) {
  if (rows.empty()) return;
  std::size_t next = 0;
  db.copy_rows(table, columns, [&](std::vector<Value>& row) {
    if (next == rows.size()) return false;
    row = std::move(rows[next++]);
    return true;
  });
  rows.clear();
}

// COPYs `rows` into the temporary table `table` (made by `create` when
// missing), runs `statement` on them and empties the table: one statement,
// so one run of the statement triggers, for a whole batch.
void through_staging(PostgresBackend& db, std::string_view create,
                     std::string_view table,
                     std::span<const std::string> columns,
                     std::vector<std::vector<Value>>& rows,
                     std::string_view statement) {
  if (rows.empty()) return;
  db.exec(create);
  copy_into(db, table, columns, rows);
  // Its size known, a join with it probes each row's partition by key.
  db.exec("ANALYZE " + std::string(table));
  db.exec(statement);
  db.exec("DELETE FROM " + std::string(table));
}

// A large import ends with ANALYZE of the tables it filled, inside its
// transaction: autovacuum never analyzes a partitioned table itself, and
// the query layer's prepared plans need its statistics.
class AnalyzeAfter final : public ImportSession {
 public:
  AnalyzeAfter(Backend& db, bool large) : db_(db), large_(large) {}
  void start() override {}
  void finish() override {
    if (large_) db_.exec("ANALYZE event, event_actor, event_topic, claim");
  }

 private:
  Backend& db_;
  bool large_;
};

// Event versions kept before they are sent: the statement triggers of 006
// then run once for this many rows.
constexpr std::size_t flush_versions = 4096;

// The next version of event_version for a kept row: taken from the
// sequence in blocks (a version left unused is a gap, as after a rollback).
std::int64_t take_version(Backend& db, PendingEventRows& pending) {
  if (pending.free_versions.empty()) {
    const Value block[] = {static_cast<std::int64_t>(flush_versions)};
    const auto rows = db.run(
        "SELECT nextval('event_version') FROM generate_series(1, ?) "
        "ORDER BY 1 DESC",
        block);
    while (rows->next()) pending.free_versions.push_back(rows->int64(0));
  }
  const std::int64_t version = pending.free_versions.back();
  pending.free_versions.pop_back();
  return version;
}

// COPYs the kept versions (each row: the event_columns, the search text,
// the version) into a temporary table shaped as event, and moves
// them to event in one INSERT, the search text made a tsvector on the way.
void send_versions(PostgresBackend& db, PendingEventRows& pending) {
  static const std::vector<std::string> columns = [] {
    std::vector<std::string> names(event_columns.begin(), event_columns.end());
    names.emplace_back("body");
    names.emplace_back("version");
    return names;
  }();
  static const std::string move = [] {
    std::string list = "version";
    for (const std::string_view column : event_columns)
      list += ", " + std::string(column);
    return "INSERT INTO event (" + list + ", search) SELECT " + list +
           ", to_tsvector('parley', body) FROM parley_event_stage "
           "ORDER BY version";
  }();
  through_staging(db,
                  "CREATE TEMP TABLE IF NOT EXISTS parley_event_stage "
                  "(LIKE event, body text)",
                  "parley_event_stage", columns, pending.versions, move);
  pending.ids.clear();
}

// ANALYZE of the event tables each time the rows sent double. The
// statements of the triggers and of the writer are planned once per
// session (generic plans), the first time on the tables as they were: on
// empty partitions the lookup of an event by (id, lo, version) in the
// event_actor trigger scanned a whole partial index for each row, so an
// import slowed as it grew (400 events/s at 36,000, 234 at 82,000).
// New statistics make the server plan them again, on the sizes reached.
// Inside the import's transaction ANALYZE counts its uncommitted rows.
void analyse_while_growing(Backend& db, PendingEventRows& pending) {
  if (pending.sent < pending.analyse_at) return;
  db.exec("ANALYZE event, event_actor, event_topic");
  pending.analyse_at = 2 * pending.sent;
}

// An import of this many bytes or more is large (about 30,000 events).
constexpr std::uintmax_t large_import = 8 << 20;

class PostgresWriteDialect final : public WriteDialect {
 public:
  // Kept, and sent by COPY (the statement triggers then count a batch at
  // once).
  void insert_event_rows(
      Backend& db, PendingEventRows& pending, const EventVersion& event,
      const std::vector<std::pair<std::string, std::string>>& actors,
      const std::vector<std::string>& topics) const override {
    const std::string id(event.id);
    for (const auto& [actor, role] : actors) {
      pending.actors.push_back({id, event.lo, event.version, actor, role});
    }
    for (const std::string& topic : topics) {
      pending.topics.push_back({id, event.lo, event.version, topic});
    }
    if (pending.actors.size() + pending.topics.size() >= flush_rows) {
      flush_event_rows(db, pending);
    }
  }

  // Kept, and sent by COPY with the others of the batch.
  std::optional<std::int64_t> keep_event_version(
      Backend& db, PendingEventRows& pending,
      std::vector<Value>& row) const override {
    const std::int64_t version = take_version(db, pending);
    pending.ids.insert(std::get<std::string>(row.front()));
    row.emplace_back(version);
    pending.versions.push_back(std::move(row));
    if (pending.versions.size() >= flush_versions) {
      flush_event_rows(db, pending);
    }
    return version;
  }

  // The versions first: the count trigger on event_actor reads their rows.
  void flush_event_rows(Backend& db, PendingEventRows& pending) const override {
    static const std::string actor_columns[] = {"event", "lo", "version",
                                                "actor", "role"};
    static const std::string topic_columns[] = {"event", "lo", "version",
                                                "topic"};
    pending.sent +=
        pending.versions.size() + pending.actors.size() + pending.topics.size();
    send_versions(postgres(db), pending);
    copy_into(postgres(db), "event_actor", actor_columns, pending.actors);
    copy_into(postgres(db), "event_topic", topic_columns, pending.topics);
    analyse_while_growing(db, pending);
  }

  std::string_view search_value() const override {
    return "to_tsvector('parley', ?)";
  }

  // By COPY into a temporary table and one UPDATE joined on the key: the
  // statement triggers on event run once for the lot, not once a row.
  void index_event_texts(Backend& db,
                         std::span<const EventText> texts) const override {
    static const std::string columns[] = {"id", "lo", "version", "body"};
    std::vector<std::vector<Value>> rows;
    for (const EventText& text : texts) {
      rows.push_back({text.id, text.lo, text.version, text.body});
    }
    through_staging(
        postgres(db),
        "CREATE TEMP TABLE IF NOT EXISTS parley_event_text (id text, lo "
        "bigint, version bigint, body text)",
        "parley_event_text", columns, rows,
        "UPDATE event e SET search = to_tsvector('parley', t.body) "
        "FROM parley_event_text t "
        "WHERE e.id = t.id AND e.lo = t.lo AND e.version = t.version");
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

  std::unique_ptr<ImportSession> import_session(
      Backend& db, std::uintmax_t incoming_bytes) const override {
    return std::make_unique<AnalyzeAfter>(db, incoming_bytes >= large_import);
  }

  int schema_version(Backend& db) const override {
    return postgres_schema_version(postgres(db));
  }

  bool writes_past_versions() const override { return false; }
};

}  // namespace

const WriteDialect& postgres_write_dialect() noexcept {
  static const PostgresWriteDialect dialect;
  return dialect;
}

}  // namespace parley::detail
