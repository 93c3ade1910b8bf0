// Database::query: a Query becomes one SQL statement whose every value is a
// bound parameter (lists travel as one JSON array, read with json_each).
// The time filter is two-staged: SQL keeps the events whose envelope
// [lo, hi) can stand in the relation (a necessary condition; a window
// bounded on both sides is read through the event_order index from
// `start - long_event_days` and, for longer events, the event_long R*Tree),
// then the exact Allen test runs on each row's four bounds.
#include <algorithm>
#include <charconv>
#include <limits>
#include <map>
#include <set>
#include <variant>

#include <SQLiteCpp/Statement.h>
#include <date/iso_week.h>
#include <nlohmann/json.hpp>

#include "parley/database.hpp"
#include "parley/error.hpp"
#include "parley/normalize.hpp"

#include "query/sql.hpp"
#include "store/impl.hpp"

namespace parley::detail {
namespace {

constexpr std::int64_t min_day = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t max_day = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t i32_min = std::numeric_limits<std::int32_t>::min();
constexpr std::int64_t i32_max = std::numeric_limits<std::int32_t>::max();

}  // namespace

std::string visible(const char* alias, const Query& q,
                    std::vector<Binding>& binds) {
  const std::string a = alias;
  if (!q.as_of) return a + ".recorded_to IS NULL";
  const std::int64_t t = detail::to_stored(*q.as_of);
  binds.push_back(t);
  binds.push_back(t);
  return a + ".recorded_from <= ? AND (" + a + ".recorded_to IS NULL OR " + a +
         ".recorded_to > ?)";
}

void bind_all(SQLite::Statement& s, const std::vector<Binding>& binds) {
  for (std::size_t i = 0; i < binds.size(); ++i) {
    const int index = static_cast<int>(i) + 1;
    std::visit(
        [&](const auto& v) {
          if constexpr (std::is_same_v<std::decay_t<decltype(v)>,
                                       std::int64_t>) {
            s.bind(index, static_cast<int64_t>(v));
          } else {
            s.bind(index, v);
          }
        },
        binds[i]);
  }
}

namespace {

// The actors, and (with include_members) every actor that heads, belongs
// to or represents one of them, transitively.
std::vector<ActorId> with_members(SQLite::Database& db, const Query& q) {
  std::vector<ActorId> all = q.actors;
  if (!q.include_members) return all;
  std::set<ActorId> seen(all.begin(), all.end());
  for (std::size_t i = 0; i < all.size(); ++i) {
    std::vector<Binding> binds{all[i].value};
    const std::string sql =
        "SELECT x.id FROM actor_tie t JOIN actor x ON x.version = t.version "
        "WHERE t.other = ? AND t.kind IN ('heads', 'member_of', "
        "'represents') AND " +
        visible("x", q, binds);
    SQLite::Statement s{db, sql};
    bind_all(s, binds);
    while (s.executeStep()) {
      ActorId member{s.getColumn(0).getString()};
      if (seen.insert(member).second) all.push_back(member);
    }
  }
  return all;
}

}  // namespace

std::string nested(const char* table, const Query& q,
                   std::vector<Binding>& binds, const std::string& ids) {
  binds.push_back(ids);
  return std::string(
             "WITH RECURSIVE inside(id) AS (SELECT value FROM "
             "json_each(?) UNION SELECT n.id FROM ") +
         table + " n JOIN inside ON n.parent = inside.id WHERE " +
         visible("n", q, binds) + ") SELECT id FROM inside";
}

namespace {

// The envelope conditions that every event standing in one of `relations`
// to the window must meet. When they bound both sides (the event overlaps
// the window's envelope), they become where.window, which select_rows
// reads through indexes made for it.
void envelope(Where& where, const TimeFilter& f) {
  const Bounds w = f.window.bounds(Semantics::spans);
  const std::int64_t w_lo =
      w.earliest_start ? w.earliest_start->time_since_epoch().count() : min_day;
  const std::int64_t w_hi =
      w.latest_end ? w.latest_end->time_since_epoch().count() : max_day;
  const Relations after_side =
      Allen::after | Allen::met_by;  // the event may lie after the window
  const Relations before_side = Allen::before | Allen::meets;
  const bool only_after = (f.relations & ~after_side).empty();
  const bool only_before = (f.relations & ~before_side).empty();
  const bool below = !f.relations.has(Allen::after) &&
                     !f.relations.has(Allen::met_by) && w_hi != max_day;
  const bool above = !f.relations.has(Allen::before) &&
                     !f.relations.has(Allen::meets) && w_lo != min_day;
  if (below && above && w_lo > i32_min + long_event_days && w_hi < i32_max) {
    where.window = Window{w_lo, w_hi};
  } else {
    // The event starts before the window's latest end; ends after its
    // earliest start.
    if (below) where.add("e.lo < ?", {w_hi});
    if (above) where.add("e.hi > ?", {w_lo});
  }
  if (only_after && w_lo != min_day) where.add("e.hi > ?", {w_lo});
  if (only_before && w_hi != max_day) where.add("e.lo < ?", {w_hi});
}

void actor_filter(Where& where, SQLite::Database& db, const Query& q) {
  if (q.actors.empty()) {
    if (!q.role.empty()) {
      where.add("e.version IN (SELECT version FROM event_actor WHERE role = ?)",
                {q.role});
    }
    return;
  }
  const std::vector<ActorId> actors = with_members(db, q);
  if (actors.size() == 1) {
    where.actor = ActorCondition{actors.front().value, q.role};
    return;
  }
  std::string sql =
      "e.version IN (SELECT version FROM event_actor WHERE actor IN "
      "(SELECT value FROM json_each(?))";
  std::vector<Binding> binds{json_list(actors)};
  if (!q.role.empty()) {
    sql += " AND role = ?";
    binds.push_back(q.role);
  }
  where.add(sql + ")", std::move(binds));
}

}  // namespace

std::vector<EventKind> kinds_of(const Query& q) {
  std::vector<EventKind> kinds;
  for (const std::string& name : q.kinds) {
    for (EventKind k : expand_kind(name)) kinds.push_back(k);
  }
  return kinds;
}

// Query::flagged: the current versions through the flag index of
// schema/006_external.sql; older ones (as_of) from their documents.
void flag_filter(Where& where, const Query& q) {
  if (!q.flagged && !q.flag) return;
  const std::string code = q.flag ? std::string(to_string(*q.flag)) : "";
  if (!q.as_of) {
    where.add(
        "e.version IN (SELECT version FROM event_flag WHERE ? = '' "
        "OR code = ?)",
        {code, code});
    return;
  }
  where.add(
      "EXISTS (SELECT 1 FROM json_each(e.doc, '$.flags') f WHERE ? = "
      "'' OR json_extract(f.value, '$.code') = ?)",
      {code, code});
}

Where build_where(SQLite::Database& db, const Query& q) {
  Where where;
  where.sql = visible("e", q, where.binds);
  if (q.time) {
    if (!q.time->window.ok()) {
      throw Error(Errc::bad_value, "time.window", "an empty time window");
    }
    envelope(where, *q.time);
  }
  actor_filter(where, db, q);
  if (!q.kinds.empty()) {
    const std::vector<EventKind> kinds = kinds_of(q);
    if (kinds.size() == 1) {
      // One kind: an equality, so event_kind (kind, lo) yields rows in
      // nearly chronological order and a page sorts only ties of lo.
      where.add("e.kind = ?", {std::string(to_string(kinds.front()))});
    } else {
      where.add("e.kind IN (SELECT value FROM json_each(?))",
                {json_list(kinds)});
    }
  }
  if (!q.places.empty()) {
    std::vector<Binding> binds;
    const std::string sub = nested("place", q, binds, json_list(q.places));
    where.add("e.place IN (" + sub + ")", std::move(binds));
  }
  if (!q.processes.empty()) {
    std::vector<Binding> binds;
    const std::string sub = nested("process", q, binds, json_list(q.processes));
    where.add("e.process IN (" + sub + ")", std::move(binds));
  }
  if (!q.statuses.empty()) {
    if (q.statuses.size() == 1) {
      where.add("e.status = ?", {std::string(to_string(q.statuses.front()))});
    } else {
      where.add("e.status IN (SELECT value FROM json_each(?))",
                {json_list(q.statuses)});
    }
  }
  if (!q.topics.empty()) {
    where.add(
        "e.version IN (SELECT version FROM event_topic WHERE topic IN "
        "(SELECT value FROM json_each(?)))",
        {json_list(q.topics)});
  }
  flag_filter(where, q);
  text_filter(where, db, q);
  return where;
}

bool reads_by_actor(const Where& where, ActorRead read) {
  return where.actor && !where.window && read == ActorRead::in_order;
}

namespace {

// "SELECT lo, `columns` FROM ... WHERE " for `where`'s actor condition, and
// its parameters.
std::string select_from(const char* columns, const Where& where, ActorRead read,
                        std::vector<Binding>& binds) {
  if (!where.actor) {
    return std::string("SELECT e.lo, ") + columns + " FROM event e WHERE ";
  }
  binds.push_back(where.actor->actor);
  const bool role = !where.actor->role.empty();
  if (role) binds.push_back(where.actor->role);
  if (reads_by_actor(where, read)) {
    return std::string("SELECT a.lo, ") + columns +
           " FROM event_actor a JOIN event e ON e.version = a.version WHERE "
           "a.actor = ? " +
           (role ? "AND a.role = ? " : "") + "AND ";
  }
  return std::string("SELECT e.lo, ") + columns +
         " FROM event e WHERE e.version IN (SELECT version FROM event_actor "
         "WHERE actor = ?" +
         (role ? " AND role = ?" : "") + ") AND ";
}

}  // namespace

std::string select_rows(const char* columns, const Where& where,
                        const std::string& extra,
                        const std::vector<Binding>& extra_binds,
                        std::vector<Binding>& binds, ActorRead read) {
  auto arm = [&](const std::string& window_sql,
                 const std::vector<Binding>& window_binds) {
    const std::string head = select_from(columns, where, read, binds);
    binds.insert(binds.end(), where.binds.begin(), where.binds.end());
    binds.insert(binds.end(), window_binds.begin(), window_binds.end());
    binds.insert(binds.end(), extra_binds.begin(), extra_binds.end());
    return head + where.sql + window_sql + extra;
  };
  if (!where.window) return arm("", {});
  const auto [lo, hi] = *where.window;
  // An event of at most long_event_days that ends after lo starts after
  // lo - long_event_days: a range of the chronological index.
  // Two statements, not one expression: the operands of + are evaluated in
  // an unspecified order, and each arm appends its parameters.
  const std::string short_events =
      arm(" AND e.lo > ? AND e.lo < ? AND e.hi > ? AND e.hi - e.lo <= " +
              std::to_string(long_event_days),
          {lo - long_event_days, hi, lo});
  const std::string long_events =
      arm(" AND e.version IN (SELECT version FROM event_long WHERE lo < ? "
          "AND hi > ?)",
          {hi, lo});
  return short_events + " UNION ALL " + long_events;
}

namespace {

struct Cursor {
  std::int64_t lo;
  std::int64_t hi;
  std::string id;
  bool operator==(const Cursor&) const = default;
};

// An open start or end (no earliest or latest day) prints as "open".
std::string format_cursor(const Cursor& c) {
  const auto day = [](std::int64_t d) {
    return d == min_day || d == max_day ? std::string("open")
                                        : std::to_string(d);
  };
  return day(c.lo) + "," + day(c.hi) + "," + c.id;
}

Cursor parse_cursor(const std::string& text) {
  Cursor c{};
  const auto first = text.find(',');
  const auto second = text.find(',', first + 1);
  auto number = [&](std::size_t from, std::size_t to, std::int64_t& out) {
    if (text.compare(from, to - from, "open") == 0) {
      out = from == 0 ? min_day : max_day;
      return true;
    }
    const char* begin = text.data() + from;
    const char* end = text.data() + to;
    auto [ptr, ec] = std::from_chars(begin, end, out);
    return ec == std::errc{} && ptr == end;
  };
  if (first == std::string::npos || second == std::string::npos ||
      !number(0, first, c.lo) || !number(first + 1, second, c.hi) ||
      second + 1 >= text.size()) {
    throw Error(Errc::bad_value, "after",
                "'" + text + "' is not a cursor from a previous page");
  }
  c.id = text.substr(second + 1);
  return c;
}

std::optional<Day> day_column(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return Day{days64{c.getInt64()}};
}

// The bounds of the row's time, as the filter reads them.
Bounds row_bounds(SQLite::Statement& s, Semantics semantics) {
  if (semantics == Semantics::spans) {
    return Edtf::parse(s.getColumn(3).getString()).bounds(Semantics::spans);
  }
  Bounds b;
  b.earliest_start = day_column(s.getColumn(4));
  b.latest_start = day_column(s.getColumn(5));
  b.earliest_end = day_column(s.getColumn(6));
  b.latest_end = day_column(s.getColumn(7));
  b.start_open = s.getColumn(8).getInt() != 0;
  b.start_unknown = s.getColumn(9).getInt() != 0;
  b.end_open = s.getColumn(10).getInt() != 0;
  b.end_unknown = s.getColumn(11).getInt() != 0;
  return b;
}

// After the first column, lo (see select_rows).
constexpr const char* page_columns =
    "e.hi, e.id, e.time, e.earliest_start, e.latest_start, "
    "e.earliest_end, e.latest_end, e.start_open, e.start_unknown, "
    "e.end_open, e.end_unknown, e.doc, e.version, e.kind";
// The same for counts, which read the grouping columns and the death
// estimates instead of the document.
constexpr const char* count_columns =
    "e.hi, e.id, e.time, e.earliest_start, e.latest_start, "
    "e.earliest_end, e.latest_end, e.start_open, e.start_unknown, "
    "e.end_open, e.end_unknown, NULL, e.version, e.kind, e.place, e.process, "
    "CASE WHEN e.kind = 'hostilities' THEN json_extract(e.doc, "
    "'$.details.deaths_low') END, CASE WHEN e.kind = 'hostilities' THEN "
    "json_extract(e.doc, '$.details.deaths_best') END, CASE WHEN e.kind = "
    "'hostilities' THEN json_extract(e.doc, '$.details.deaths_high') END";

// The statement for one batch of a page: the rows after `cursor`, in
// chronological order.
std::string page_sql(const Where& where, const std::optional<Cursor>& cursor,
                     std::size_t batch, std::vector<Binding>& binds) {
  std::string extra;
  std::vector<Binding> extra_binds;
  if (cursor) {
    extra = " AND (e.lo, e.hi, e.id) > (?, ?, ?)";
    extra_binds = {cursor->lo, cursor->hi, cursor->id};
    if (reads_by_actor(where, ActorRead::in_order)) {
      // A range of event_actor_order (a.lo = e.lo).
      extra += " AND a.lo >= ?";
      extra_binds.push_back(cursor->lo);
    }
  }
  binds.clear();
  return select_rows(page_columns, where, extra, extra_binds, binds,
                     ActorRead::in_order) +
         " ORDER BY 1, 2, 3 LIMIT " + std::to_string(batch);
}

}  // namespace

bool time_matches(SQLite::Statement& s, const Query& q) {
  if (!q.time) return true;
  const Bounds x = row_bounds(s, q.time->semantics);
  const Bounds w = q.time->window.bounds(Semantics::spans);
  return q.time->certainty == Certainty::certain
             ? certain(x, w, q.time->relations)
             : possible(x, w, q.time->relations);
}

std::string period_of(std::int64_t lo, Period period) {
  if (lo == min_day) return "unknown";
  const Day day{days64{lo}};
  const date::sys_days d{date::days{static_cast<int>(lo)}};
  const date::year_month_day ymd{d};
  switch (period) {
    case Period::day:
      return to_string(day);
    case Period::week: {
      const iso_week::year_weeknum_weekday w{d};
      const unsigned n = static_cast<unsigned>(w.weeknum());
      return std::to_string(static_cast<int>(w.year())) + "-W" +
             (n < 10 ? "0" : "") + std::to_string(n);
    }
    case Period::month:
      return to_string(day).substr(0, 7);
    case Period::year:
      return std::to_string(static_cast<int>(ymd.year()));
  }
  return "unknown";
}

QuerySql query_sql(SQLite::Database& db, const Query& query,
                   std::size_t batch) {
  const Where where = build_where(db, query);
  std::optional<Cursor> cursor;
  if (query.after) cursor = parse_cursor(*query.after);
  QuerySql out;
  out.sql = page_sql(where, cursor, batch, out.binds);
  return out;
}

QuerySql count_sql(SQLite::Database& db, const Query& query) {
  Query all = query;
  all.limit = 0;  // a count reads every match: no plan made for a page
  const Where where = build_where(db, all);
  QuerySql out;
  out.sql =
      select_rows(count_columns, where, "", {}, out.binds, ActorRead::as_set);
  return out;
}

void bind_all(SQLite::Statement& statement, const QuerySql& sql) {
  bind_all(statement, sql.binds);
}

}  // namespace parley::detail

namespace parley {

// Reads batches of rows in chronological order, applying the exact time
// test, until the page is full. Reads the page's rows, the rows the exact
// test rejects among them, and one more row to know a next page exists.
Page Database::query(const Query& q) const {
  return detail::guard([&] {
    using namespace detail;
    SQLite::Database& db = impl_->db;
    const Where where = build_where(db, q);
    std::optional<Cursor> cursor;
    if (q.after) cursor = parse_cursor(*q.after);
    const std::size_t batch =
        q.limit ? std::max<std::size_t>(q.limit + 1, 64) : std::size_t{4096};
    Page page;
    for (;;) {
      std::vector<Binding> binds;
      const std::string sql = page_sql(where, cursor, batch, binds);
      SQLite::Statement s{db, sql};
      bind_all(s, binds);
      std::size_t rows = 0;
      while (s.executeStep()) {
        ++rows;
        Cursor row{s.getColumn(0).getInt64(), s.getColumn(1).getInt64(),
                   s.getColumn(2).getString()};
        // An event naming the actor in two roles comes twice, adjacent.
        if (cursor && row == *cursor) continue;
        cursor = std::move(row);
        if (!time_matches(s, q)) continue;
        if (q.limit && page.events.size() == q.limit) {
          // More match: the cursor names the last event returned.
          const Event& last = page.events.back();
          const Bounds b = last.time.bounds();
          page.next = format_cursor(Cursor{
              b.earliest_start ? b.earliest_start->time_since_epoch().count()
                               : min_day,
              b.latest_end ? b.latest_end->time_since_epoch().count() : max_day,
              last.id.value});
          return page;
        }
        page.events.push_back(
            nlohmann::json::parse(s.getColumn(12).getString()).get<Event>());
      }
      if (rows < batch) return page;
    }
  });
}

}  // namespace parley
