// PostgreSQL's side of the write path: the search text as a tsvector column
// of the version's own row (to_tsvector('parley', …) of the text the
// writer makes, as schema/postgres/007 says), event_actor and event_topic
// keyed by (event, lo, version) and sent by COPY in batches (the statement
// triggers of 006 count per statement), plain temporary tables.
// The counts, event_head, event_external, event_flag and event_rule are
// the schema's triggers', or the writer's where they are gone (a Citus
// cluster: store/postgres/derived.hpp).
#include "store/postgres/write_dialect.hpp"

#include "parley/error.hpp"

#include "store/postgres/backend.hpp"
#include "store/postgres/derived.hpp"
#include "store/postgres/migrate.hpp"

namespace parley::detail {
namespace {

// Sends the kept rows once this many wait: a COPY per batch instead of a
// statement per event (about 1 MB of COPY data).
constexpr std::size_t flush_child_rows = 16384;

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

// Versions kept before they are sent: the statement triggers of 006 then
// run once for this many rows.
constexpr std::size_t flush_versions = 4096;

// The next version of `table`'s sequence for a kept row: taken in blocks
// (a version left unused is a gap, as after a rollback).
std::int64_t take_version(Backend& db, const VersionTable& table,
                          KeptVersions& kept) {
  if (kept.free.empty()) {
    const Value block[] = {static_cast<std::int64_t>(flush_versions)};
    const auto rows =
        db.run("SELECT nextval('" + std::string(table.sequence) +
                   "') FROM generate_series(1, ?) ORDER BY 1 DESC",
               block);
    while (rows->next()) kept.free.push_back(rows->int64(0));
  }
  const std::int64_t version = kept.free.back();
  kept.free.pop_back();
  return version;
}

// COPYs the kept versions of `table` (each row: its columns, the search
// text when it has one, the version) into a temporary table shaped as it,
// and moves them to it in one INSERT, the search text made a tsvector on
// the way.
void send_versions(PostgresBackend& db, const VersionTable& table,
                   KeptVersions& kept) {
  if (kept.rows.empty()) return;
  const std::int64_t sent = static_cast<std::int64_t>(kept.rows.size());
  EventKeys keys;  // of the events sent, where the writer derives
  const bool derives = writer_derives(db);
  if (derives && table.name == "event") {
    for (const std::vector<Value>& row : kept.rows) {
      keys.add(std::get<std::string>(row.front()), partition_of(table, row),
               std::get<std::int64_t>(row.back()));
    }
  }
  std::vector<std::string> columns(table.columns.begin(), table.columns.end());
  std::string list = "version";
  for (const std::string& column : columns) list += ", " + column;
  if (table.searched) columns.emplace_back("body");
  columns.emplace_back("version");
  const std::string name(table.name), stage = "parley_" + name + "_stage";
  through_staging(db,
                  "CREATE TEMP TABLE IF NOT EXISTS " + stage + " (LIKE " +
                      name + (table.searched ? ", body text)" : ")"),
                  stage, columns, kept.rows,
                  "INSERT INTO " + name + " (" + list +
                      (table.searched ? ", search) SELECT " + list +
                                            ", to_tsvector('parley', body)"
                                      : ") SELECT " + list) +
                      " FROM " + stage + " ORDER BY version");
  kept.ids.clear();
  if (!derives) return;
  if (table.name == "event") {
    derive_events(db, EventChange::inserted, keys);
  } else {
    derive_total(db, table.name, sent);
  }
}

// COPYs the kept event_actor rows, and derives their counts where the
// writer does (each event version's rows are kept together).
void send_event_actors(PostgresBackend& db, PendingRows& pending) {
  static const std::string columns[] = {"event", "lo", "version", "actor",
                                        "role"};
  EventKeys keys;
  if (!pending.actors.empty() && writer_derives(db)) {
    std::int64_t last = -1;
    for (const std::vector<Value>& row : pending.actors) {
      const std::int64_t version = std::get<std::int64_t>(row[2]);
      if (version == last) continue;
      keys.add(std::get<std::string>(row[0]), std::get<std::int64_t>(row[1]),
               version);
      last = version;
    }
  }
  copy_into(db, "event_actor", columns, pending.actors);
  derive_events(db, EventChange::actors_inserted, keys);
}

// ANALYZE of the event tables each time the versions sent double, from the
// first batch on, after the versions and before the rows whose triggers
// read them. The statements of the triggers and of the writer are planned
// once per session (generic plans), the first time on the tables as they
// were: on empty partitions the lookup of an event by (id, lo, version) in
// the event_actor trigger scanned a whole partial index for each row, so
// an import slowed as it grew (400 events/s at 36,000, 234 at 82,000).
// New statistics make the server plan them again, on the sizes reached.
// Inside the import's transaction ANALYZE counts its uncommitted rows.
void analyse_while_growing(Backend& db, PendingRows& pending) {
  if (pending.sent < pending.analyse_at) return;
  db.exec("ANALYZE event, event_actor, event_topic, claim");
  pending.analyse_at = 2 * pending.sent;
}

// Drops the session's cached plans before the rows whose statement
// triggers read the event tables are sent. The count trigger of
// event_actor looks up each row's event and actors by key; its plan is made
// once and kept, and one made while a year's partition was nearly empty
// read every current row of that partition for each row (a bitmap scan of
// a partial index): 3.6 s for one batch of 4,096 UCDP events, 40 ms for
// the others. Planned again at each batch, after the COPY (the trigger runs
// at the statement's end), the plan sees each partition's size as it is.
// Planning again costs a few milliseconds a batch.
void plan_again(Backend& db) { db.exec("DISCARD PLANS"); }

// An import of this many bytes or more is large (about 30,000 events).
constexpr std::uintmax_t large_import = 8 << 20;

class PostgresWriteDialect final : public WriteDialect {
 public:
  // Kept, and sent by COPY (the statement triggers then count a batch at
  // once).
  void insert_event_rows(
      Backend& db, PendingRows& pending, const EventVersion& event,
      const std::vector<std::pair<std::string, std::string>>& actors,
      const std::vector<std::string>& topics) const override {
    const std::string id(event.id);
    for (const auto& [actor, role] : actors) {
      pending.actors.push_back({id, event.lo, event.version, actor, role});
    }
    for (const std::string& topic : topics) {
      pending.topics.push_back({id, event.lo, event.version, topic});
    }
    if (pending.actors.size() + pending.topics.size() >= flush_child_rows) {
      flush_rows(db, pending);
    }
  }

  // Kept, and sent by COPY with the others of the batch.
  std::optional<std::int64_t> keep_version(
      Backend& db, PendingRows& pending, const VersionTable& table,
      std::vector<Value>& row) const override {
    KeptVersions& kept = *pending.kept(table.name);  // a VersionTable's
    const std::int64_t version = take_version(db, table, kept);
    kept.ids.insert(std::get<std::string>(row.front()));
    row.emplace_back(version);
    kept.rows.push_back(std::move(row));
    if (kept.rows.size() >= flush_versions) flush_rows(db, pending);
    return version;
  }

  // The versions first: the count trigger on event_actor reads their rows.
  void flush_rows(Backend& db, PendingRows& pending) const override {
    static const std::string topic_columns[] = {"event", "lo", "version",
                                                "topic"};
    pending.sent += pending.sources.rows.size() + pending.events.rows.size() +
                    pending.claims.rows.size();
    send_versions(postgres(db), source_versions, pending.sources);
    send_versions(postgres(db), event_versions, pending.events);
    send_versions(postgres(db), claim_versions, pending.claims);
    analyse_while_growing(db, pending);
    if (pending.actors.empty() && pending.topics.empty()) return;
    plan_again(db);
    send_event_actors(postgres(db), pending);
    copy_into(postgres(db), "event_topic", topic_columns, pending.topics);
  }

  void insert_rows(Backend& db, std::string_view table,
                   std::span<const std::string> columns,
                   std::vector<std::vector<Value>>& rows) const override {
    copy_into(postgres(db), table, columns, rows);
  }
  void derive(Backend& db, std::string_view table, std::string_view id,
              std::int64_t partition, std::int64_t version,
              VersionWrite write) const override {
    PostgresBackend& server = postgres(db);
    if (!writer_derives(server)) return;
    const bool inserted = write == VersionWrite::inserted;
    if (table != "event") {
      derive_total(server, table, inserted ? 1 : -1);
      return;
    }
    EventKeys keys;
    keys.add(id, partition, version);
    derive_events(server,
                  inserted ? EventChange::inserted : EventChange::closed, keys);
  }

  // A lookup is a round trip: 0.1-0.2 ms, more than the row it checks.
  bool checks_references_late() const override { return true; }

  std::string_view search_value() const override {
    return "to_tsvector('parley', ?)";
  }

  // By COPY into a temporary table and one UPDATE joined on the key: the
  // statement triggers run once for the lot, not once a row.
  void index_texts(Backend& db, std::string_view table,
                   std::span<const VersionText> texts) const override {
    static const std::string columns[] = {"id", "lo", "version", "body"};
    std::vector<std::vector<Value>> rows;
    for (const VersionText& text : texts) {
      rows.push_back({text.id, text.lo, text.version, text.body});
    }
    const bool event = table == "event";
    through_staging(
        postgres(db),
        "CREATE TEMP TABLE IF NOT EXISTS parley_version_text (id text, lo "
        "bigint, version bigint, body text)",
        "parley_version_text", columns, rows,
        std::string(event ? "UPDATE event r" : "UPDATE claim r") +
            " SET search = to_tsvector('parley', t.body) "
            "FROM parley_version_text t WHERE r.version = t.version AND " +
            (event ? "r.id = t.id AND r.lo = t.lo" : "r.event = t.id"));
  }
  // The text is a column of the row: it goes with it.
  void drop_version_rows(Backend& db, std::string_view table,
                         std::string_view id, std::int64_t version,
                         std::int64_t partition) const override {
    if (table == "actor") {
      const Value params[] = {version};
      db.exec("DELETE FROM actor_tie WHERE version = ?", params);
    } else if (table == "event") {
      const Value params[] = {std::string(id), partition, version};
      for (const char* rows : {"event_actor", "event_topic"}) {
        db.exec(std::string("DELETE FROM ") + rows +
                    " WHERE event = ? AND lo = ? AND version = ?",
                params);
      }
    }
  }

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

  bool moves_record_times() const override { return false; }
};

}  // namespace

const WriteDialect& postgres_write_dialect() noexcept {
  static const PostgresWriteDialect dialect;
  return dialect;
}

}  // namespace parley::detail
