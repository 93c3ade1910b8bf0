#include "store/sqlite/bulk.hpp"

#include <SQLiteCpp/Statement.h>

namespace parley::detail {
namespace {

// The indexes the writer reads during an import: current versions and
// history by id, rows of a version (cascades, count corrections), parents
// (cycle checks) and a claim's event (references to a removed event).
constexpr const char* kept =
    "'event_current', 'event_history', 'event_parent', 'event_actor_version', "
    "'event_topic_version', 'claim_current', 'claim_history', 'claim_event', "
    "'claim_event_history'";

std::vector<std::string> drop(SQLite::Database& db, const std::string& type,
                              const std::string& where) {
  std::vector<std::string> names, definitions;
  {
    SQLite::Statement s{
        db, "SELECT name, sql FROM sqlite_schema WHERE type = '" + type +
                "' AND sql IS NOT NULL AND " + where + " ORDER BY name"};
    while (s.executeStep()) {
      names.push_back(s.getColumn(0).getString());
      definitions.push_back(s.getColumn(1).getString());
    }
  }
  for (const std::string& name : names) {
    db.exec("DROP " + type + " \"" + name + "\"");
  }
  return definitions;
}

// What the triggers of schema/004_counts_and_spans.sql maintain row by
// row, computed in one pass: the same values (tests/bulk_test.cpp compares
// both ways on the same data).
constexpr const char* recount = R"sql(
DELETE FROM event_long;
INSERT INTO event_long (version, lo, hi)
SELECT version, max(lo, -2147483648), min(hi, 2147483647)
FROM event WHERE hi - lo > 16;
CREATE TEMP TABLE parley_bulk_event (
  version INTEGER PRIMARY KEY, lo INTEGER, kind TEXT, place TEXT,
  process TEXT, month TEXT, low INTEGER, best INTEGER, high INTEGER);
INSERT INTO temp.parley_bulk_event
SELECT version, lo, kind, coalesce(place, ''), coalesce(process, ''),
  CASE WHEN lo = -9223372036854775808 THEN 'unknown'
  ELSE coalesce(strftime('%Y-%m', lo * 86400, 'unixepoch'), '?') END,
  coalesce(json_extract(doc, '$.details.deaths_low'), 0),
  coalesce(json_extract(doc, '$.details.deaths_best'), 0),
  coalesce(json_extract(doc, '$.details.deaths_high'), 0)
FROM event WHERE recorded_to IS NULL;
DELETE FROM count_kind;
INSERT INTO count_kind
SELECT lo, kind, count(*), sum(low), sum(best), sum(high)
FROM temp.parley_bulk_event GROUP BY lo, kind;
DELETE FROM count_place;
INSERT INTO count_place
SELECT place, month, kind, count(*), sum(low), sum(best), sum(high)
FROM temp.parley_bulk_event GROUP BY place, month, kind;
DELETE FROM count_process;
INSERT INTO count_process
SELECT process, month, kind, count(*), sum(low), sum(best), sum(high)
FROM temp.parley_bulk_event GROUP BY process, month, kind;
DELETE FROM count_actor;
INSERT INTO count_actor
SELECT a.actor, e.month, e.kind, count(*), sum(e.low), sum(e.best),
  sum(e.high)
FROM (SELECT DISTINCT version, actor FROM event_actor) a
JOIN temp.parley_bulk_event e ON e.version = a.version
GROUP BY a.actor, e.month, e.kind;
UPDATE current_total SET n = (SELECT count(*) FROM temp.parley_bulk_event)
WHERE entity = 'event';
DROP TABLE temp.parley_bulk_event;
)sql";

}  // namespace

bool BulkLoad::worth_it(SQLite::Database& db, std::uintmax_t incoming_bytes) {
  if (incoming_bytes < min_bytes) return false;
  const std::int64_t pages = db.execAndGet("PRAGMA page_count").getInt64();
  const std::int64_t page_size = db.execAndGet("PRAGMA page_size").getInt64();
  return incoming_bytes >= static_cast<std::uintmax_t>(pages * page_size);
}

BulkLoad::BulkLoad(SQLite::Database& db) : db_(db) {
  indexes_ = drop(db, "index",
                  "tbl_name IN ('event', 'event_actor', 'event_topic', "
                  "'claim') AND name NOT IN (" +
                      std::string(kept) + ")");
  // The triggers of schema/006_external.sql stay: they index
  // only imported and flagged events, which recount does not rebuild.
  // [rules helper] So do those of 008_time_rules.sql: the writer reads
  // event_rule while it writes.
  triggers_ = drop(db, "trigger",
                   "tbl_name IN ('event', 'event_actor') AND name NOT IN "
                   "('event_external_insert', 'event_flag_insert', "
                   "'event_external_close', 'event_rule_insert', "
                   "'event_rule_close')");
}

void BulkLoad::finish() {
  for (const std::string& sql : indexes_) db_.exec(sql);
  for (const std::string& sql : triggers_) db_.exec(sql);
  db_.exec(recount);
}

}  // namespace parley::detail
