// Database::count and Database::totals. Counts come from the count tables
// (schema/004_counts_and_spans.sql) when they answer the query exactly,
// else from the matching events themselves (the exact path).
#include <map>
#include <optional>
#include <utility>

#include "parley/database.hpp"
#include "parley/error.hpp"

#include "query/sql.hpp"
#include "store/access.hpp"

namespace parley {
namespace {

using detail::Rows;
using detail::Store;
using detail::Value;

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

// The integer in `column`, 0 when NULL.
std::int64_t or_zero(const Rows& row, int column) {
  return row.is_null(column) ? 0 : row.int64(column);
}

// Adds columns first..first+3 (events, low, best, high) of the row.
void add_row(Tally& t, const Rows& row, int first) {
  t.events += static_cast<std::size_t>(or_zero(row, first));
  t.low += or_zero(row, first + 1);
  t.best += or_zero(row, first + 2);
  t.high += or_zero(row, first + 3);
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
Tallies from_days(Store store, const Query& q, Period period, GroupBy group) {
  std::string sql =
      "SELECT day, kind, events, deaths_low, deaths_best, deaths_high FROM "
      "count_kind WHERE events > 0";
  std::vector<Value> binds;
  if (!q.kinds.empty()) {
    sql += " AND " + store.dialect.in_list("kind");
    binds.push_back(store.dialect.list(detail::texts_of(detail::kinds_of(q))));
  }
  const auto s = store.backend.run(sql, binds);
  Tallies out;
  std::optional<std::int64_t> last_day;
  std::string when;
  while (s->next()) {
    const std::int64_t day = s->int64(0);
    if (day != last_day) when = detail::period_of(day, period), last_day = day;
    const std::string key =
        group == GroupBy::kind ? std::string(s->text(1)) : std::string();
    add_row(out[{when, key}], *s, 2);
  }
  return out;
}

// Counts from count_actor, count_place or count_process (by month); empty
// when an event lies outside the years strftime names ('?').
std::optional<Tallies> from_months(Store store, const Query& q,
                                   const std::string& table, Period period,
                                   GroupBy group) {
  const detail::Dialect& dialect = store.dialect;
  std::vector<Value> binds;
  std::string where = "TRUE";  // SQL both servers read as a condition
  if (!q.actors.empty()) {
    where += " AND actor = ?";
    binds.push_back(q.actors.front().value);
  }
  // The place or process and every one inside it: count_place and
  // count_process are keyed by it.
  const auto inside = [&](const char* table, const auto& ids) {
    return " AND " +
           dialect.in_rows(table,
                           detail::nested(dialect, table, q, binds,
                                          dialect.list(detail::texts_of(ids))));
  };
  if (!q.places.empty()) where += inside("place", q.places);
  if (!q.processes.empty()) where += inside("process", q.processes);
  if (!q.kinds.empty()) {
    where += " AND " + dialect.in_list("kind");
    binds.push_back(dialect.list(detail::texts_of(detail::kinds_of(q))));
  }
  const std::string key = group == GroupBy::kind   ? "kind"
                          : group == GroupBy::none ? "''"
                                                   : table;
  const auto s =
      store.backend.run("SELECT month, " + key +
                            ", sum(events), sum(deaths_low), sum(deaths_best), "
                            "sum(deaths_high) FROM count_" +
                            table + " WHERE " + where + " GROUP BY 1, 2",
                        binds);
  Tallies out;
  while (s->next()) {
    std::string month{s->text(0)};
    if (month == "?") return std::nullopt;
    if (period == Period::year && month != "unknown") month.resize(4);
    add_row(out[{month, std::string(s->text(1))}], *s, 2);
  }
  return out;
}

// Counts from the matching events: reads each match (its bounds and
// grouping columns) and, grouped by actor, its actors.
Tallies exactly(Store store, const Query& q, Period period, GroupBy group) {
  const auto s = detail::run(store.backend, detail::count_sql(store, q));
  Tallies out;
  std::optional<std::int64_t> last_lo;
  std::string when;
  auto add = [&](const std::string& key) {
    Tally& t = out[{when, key}];
    ++t.events;
    t.low += or_zero(*s, 17);
    t.best += or_zero(*s, 18);
    t.high += or_zero(*s, 19);
  };
  while (s->next()) {
    if (!detail::time_matches(*s, q)) continue;
    const std::int64_t lo = s->int64(0);
    if (lo != last_lo) when = detail::period_of(lo, period), last_lo = lo;
    switch (group) {
      case GroupBy::kind:
        add(std::string(s->text(14)));
        break;
      case GroupBy::place:
        add(std::string(s->text(15)));
        break;
      case GroupBy::process:
        add(std::string(s->text(16)));
        break;
      case GroupBy::none:
        add("");
        break;
      case GroupBy::actor: {
        const Value version{s->int64(13)};
        const auto actors = store.backend.run(
            "SELECT DISTINCT actor FROM event_actor WHERE version = ?",
            {&version, 1});
        while (actors->next()) add(std::string(actors->text(0)));
        break;
      }
    }
  }
  return out;
}

}  // namespace

std::vector<Count> Database::count(const Query& q, Period period,
                                   GroupBy group) const {
  return detail::guard([&] {
    const Store store = detail::DatabaseAccess::store(*this);
    if (const auto table = count_table(q, period, group)) {
      if (*table == "kind") {
        return to_counts(from_days(store, q, period, group));
      }
      if (auto t = from_months(store, q, *table, period, group)) {
        return to_counts(*t);
      }
    }
    return to_counts(exactly(store, q, period, group));
  });
}

Database::Totals Database::totals() const {
  return detail::guard([&] {
    const auto s = detail::DatabaseAccess::backend(*this).run(
        "SELECT entity, n FROM current_total");
    Totals t;
    const std::map<std::string, std::size_t*> fields = {
        {"actor", &t.actors},   {"place", &t.places}, {"process", &t.processes},
        {"source", &t.sources}, {"event", &t.events}, {"claim", &t.claims},
        {"link", &t.links}};
    while (s->next()) {
      auto it = fields.find(std::string(s->text(0)));
      if (it != fields.end())
        *it->second = static_cast<std::size_t>(s->int64(1));
    }
    return t;
  });
}

}  // namespace parley
