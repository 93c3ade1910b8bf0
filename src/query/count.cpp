// Database::count and Database::totals. Counts come from the count tables
// (schema/004_counts_and_spans.sql) when they answer the query exactly,
// else from the matching events themselves (the exact path).
#include <map>
#include <optional>
#include <utility>

#include <SQLiteCpp/Statement.h>

#include "parley/database.hpp"
#include "parley/error.hpp"

#include "query/sql.hpp"
#include "store/impl.hpp"

namespace parley {
namespace {

using detail::Binding;

struct Tally {
  std::size_t events = 0;
  std::int64_t low = 0, best = 0, high = 0;
};
// By (period, key).
using Tallies = std::map<std::pair<std::string, std::string>, Tally>;

std::vector<Count> to_counts(const Tallies& tallies) {
  std::vector<Count> out;
  for (const auto& [key, t] : tallies) {
    if (t.events == 0) continue;
    out.push_back({key.first, key.second, t.events, t.low, t.best, t.high});
  }
  return out;
}

// Adds columns first..first+3 (events, low, best, high) of the row.
void add_row(Tally& t, SQLite::Statement& s, int first) {
  t.events += static_cast<std::size_t>(s.getColumn(first).getInt64());
  t.low += s.getColumn(first + 1).getInt64();
  t.best += s.getColumn(first + 2).getInt64();
  t.high += s.getColumn(first + 3).getInt64();
}

// The count table by which `q` grouped by `group` can be answered exactly,
// if any: "kind" (by day) or "actor", "place", "process" (by month).
std::optional<std::string> count_table(const Query& q, Period period,
                                       GroupBy group) {
  if (q.as_of || q.time || !q.statuses.empty() || !q.topics.empty() ||
      !q.text.empty() || !q.role.empty() || q.include_members || q.flagged ||
      q.flag || q.actors.size() > 1) {
    return std::nullopt;
  }
  const bool actor = !q.actors.empty() || group == GroupBy::actor;
  const bool place = !q.places.empty() || group == GroupBy::place;
  const bool process = !q.processes.empty() || group == GroupBy::process;
  if (actor + place + process > 1) return std::nullopt;
  // Events naming one actor, grouped by every actor they name: not kept.
  if (!q.actors.empty() && group == GroupBy::actor) return std::nullopt;
  if (!actor && !place && !process) return "kind";
  if (period == Period::day || period == Period::week) return std::nullopt;
  return actor ? "actor" : place ? "place" : "process";
}

// Counts from count_kind: one row per (day, kind) with events.
Tallies from_days(SQLite::Database& db, const Query& q, Period period,
                  GroupBy group) {
  std::string sql =
      "SELECT day, kind, events, deaths_low, deaths_best, deaths_high FROM "
      "count_kind WHERE events > 0";
  if (!q.kinds.empty()) sql += " AND kind IN (SELECT value FROM json_each(?))";
  SQLite::Statement s{db, sql};
  if (!q.kinds.empty()) s.bind(1, detail::json_list(detail::kinds_of(q)));
  Tallies out;
  std::optional<std::int64_t> last_day;
  std::string when;
  while (s.executeStep()) {
    const std::int64_t day = s.getColumn(0).getInt64();
    if (day != last_day) when = detail::period_of(day, period), last_day = day;
    const std::string key =
        group == GroupBy::kind ? s.getColumn(1).getString() : std::string();
    add_row(out[{when, key}], s, 2);
  }
  return out;
}

// Counts from count_actor, count_place or count_process (by month); empty
// when an event lies outside the years strftime names ('?').
std::optional<Tallies> from_months(SQLite::Database& db, const Query& q,
                                   const std::string& table, Period period,
                                   GroupBy group) {
  std::vector<Binding> binds;
  std::string where = "1";
  if (!q.actors.empty()) {
    where += " AND actor = ?";
    binds.push_back(q.actors.front().value);
  }
  if (!q.places.empty()) {
    where += " AND place IN (" +
             detail::nested("place", q, binds, detail::json_list(q.places)) +
             ")";
  }
  if (!q.processes.empty()) {
    where +=
        " AND process IN (" +
        detail::nested("process", q, binds, detail::json_list(q.processes)) +
        ")";
  }
  if (!q.kinds.empty()) {
    where += " AND kind IN (SELECT value FROM json_each(?))";
    binds.push_back(detail::json_list(detail::kinds_of(q)));
  }
  const std::string key = group == GroupBy::kind   ? "kind"
                          : group == GroupBy::none ? "''"
                                                   : table;
  SQLite::Statement s{db,
                      "SELECT month, " + key +
                          ", sum(events), sum(deaths_low), sum(deaths_best), "
                          "sum(deaths_high) FROM count_" +
                          table + " WHERE " + where + " GROUP BY 1, 2"};
  detail::bind_all(s, binds);
  Tallies out;
  while (s.executeStep()) {
    std::string month = s.getColumn(0).getString();
    if (month == "?") return std::nullopt;
    if (period == Period::year && month != "unknown") month.resize(4);
    add_row(out[{month, s.getColumn(1).getString()}], s, 2);
  }
  return out;
}

// Counts from the matching events: reads each match (its bounds and
// grouping columns) and, grouped by actor, its actors.
Tallies exactly(SQLite::Database& db, const Query& q, Period period,
                GroupBy group) {
  const detail::QuerySql sql = detail::count_sql(db, q);
  SQLite::Statement s{db, sql.sql};
  detail::bind_all(s, sql);
  SQLite::Statement actors{
      db, "SELECT DISTINCT actor FROM event_actor WHERE version = ?"};
  Tallies out;
  std::optional<std::int64_t> last_lo;
  std::string when;
  auto add = [&](const std::string& key) {
    Tally& t = out[{when, key}];
    ++t.events;
    t.low += s.getColumn(17).getInt64();
    t.best += s.getColumn(18).getInt64();
    t.high += s.getColumn(19).getInt64();
  };
  while (s.executeStep()) {
    if (!detail::time_matches(s, q)) continue;
    const std::int64_t lo = s.getColumn(0).getInt64();
    if (lo != last_lo) when = detail::period_of(lo, period), last_lo = lo;
    switch (group) {
      case GroupBy::kind:
        add(s.getColumn(14).getString());
        break;
      case GroupBy::place:
        add(s.getColumn(15).getString());
        break;
      case GroupBy::process:
        add(s.getColumn(16).getString());
        break;
      case GroupBy::none:
        add("");
        break;
      case GroupBy::actor:
        actors.reset();
        actors.bind(1, static_cast<int64_t>(s.getColumn(13).getInt64()));
        while (actors.executeStep()) add(actors.getColumn(0).getString());
        break;
    }
  }
  return out;
}

}  // namespace

std::vector<Count> Database::count(const Query& q, Period period,
                                   GroupBy group) const {
  return detail::guard([&] {
    SQLite::Database& db = impl_->db;
    if (const auto table = count_table(q, period, group)) {
      if (*table == "kind") return to_counts(from_days(db, q, period, group));
      if (auto t = from_months(db, q, *table, period, group)) {
        return to_counts(*t);
      }
    }
    return to_counts(exactly(db, q, period, group));
  });
}

Database::Totals Database::totals() const {
  return detail::guard([&] {
    SQLite::Statement s{impl_->db, "SELECT entity, n FROM current_total"};
    Totals t;
    const std::map<std::string, std::size_t*> fields = {
        {"actor", &t.actors},   {"place", &t.places}, {"process", &t.processes},
        {"source", &t.sources}, {"event", &t.events}, {"claim", &t.claims},
        {"link", &t.links}};
    while (s.executeStep()) {
      auto it = fields.find(s.getColumn(0).getString());
      if (it != fields.end()) {
        *it->second = static_cast<std::size_t>(s.getColumn(1).getInt64());
      }
    }
    return t;
  });
}

}  // namespace parley
