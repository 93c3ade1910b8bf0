// Database::query: a Query becomes one SQL statement whose every value is a
// bound parameter (a list travels as one parameter; see Dialect::list).
// The time filter is two-staged: SQL keeps the events whose envelope
// [lo, hi) can stand in the relation (a necessary condition; a window
// bounded on both sides is read through the dialect's window arms: on
// SQLite the event_order index from `start - 16 days` and, for longer
// events, the event_long R*Tree), then the exact Allen test runs on each
// row's four bounds.
#include <algorithm>
#include <charconv>
#include <limits>
#include <map>
#include <set>
#include <variant>

#include <date/iso_week.h>
#include <nlohmann/json.hpp>

#include "parley/database.hpp"
#include "parley/error.hpp"
#include "parley/normalize.hpp"

#include "query/sql.hpp"
#include "store/access.hpp"

namespace parley::detail {
namespace {

constexpr std::int64_t min_day = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t max_day = std::numeric_limits<std::int64_t>::max();

}  // namespace

std::string visible(const char* alias, const Query& q,
                    std::vector<Value>& binds) {
  return detail::visible(alias, q.as_of, binds);
}

namespace {

// The actors, and (with include_members) every actor that heads, belongs
// to or represents one of them, transitively.
std::vector<ActorId> with_members(Backend& backend, const Query& q) {
  std::vector<ActorId> all = q.actors;
  if (!q.include_members) return all;
  std::set<ActorId> seen(all.begin(), all.end());
  for (std::size_t i = 0; i < all.size(); ++i) {
    std::vector<Value> binds{all[i].value};
    const std::string sql =
        "SELECT x.id FROM actor_tie t JOIN actor x ON x.version = t.version "
        "WHERE t.other = ? AND t.kind IN ('heads', 'member_of', "
        "'represents') AND " +
        visible("x", q, binds);
    const auto rows = backend.run(sql, binds);
    while (rows->next()) {
      ActorId member{std::string(rows->text(0))};
      if (seen.insert(member).second) all.push_back(member);
    }
  }
  return all;
}

}  // namespace

std::string nested(const Dialect& dialect, const char* table, const Query& q,
                   std::vector<Value>& binds, Value ids) {
  binds.push_back(std::move(ids));
  return "WITH RECURSIVE inside(id) AS (" + dialect.list_rows() +
         " UNION SELECT n.id FROM " + table +
         " n JOIN inside ON n.parent = inside.id WHERE " +
         visible("n", q, binds) + ") SELECT id FROM inside";
}

namespace {

// The envelope conditions that every event standing in one of `relations`
// to the window must meet. When they bound both sides (the event overlaps
// the window's envelope), they become where.window, which select_rows
// reads through indexes made for it.
void envelope(Where& where, const Dialect& dialect, const TimeFilter& f) {
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
  if (below && above && dialect.reads_window(w_lo, w_hi)) {
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

void actor_filter(Where& where, Store store, const Query& q) {
  if (q.actors.empty()) {
    if (!q.role.empty()) {
      where.add(store.dialect.has_child("event_actor") + "role = ?)", {q.role});
    }
    return;
  }
  const std::vector<ActorId> actors = with_members(store.backend, q);
  if (actors.size() == 1) {
    where.actor = ActorCondition{actors.front().value, q.role};
    return;
  }
  std::string sql =
      store.dialect.has_child("event_actor") + store.dialect.in_list("actor");
  std::vector<Value> binds{store.dialect.list(texts_of(actors))};
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
void flag_filter(Where& where, const Dialect& dialect, const Query& q) {
  if (!q.flagged && !q.flag) return;
  const std::string code = q.flag ? std::string(to_string(*q.flag)) : "";
  if (!q.as_of) {
    where.add(dialect.has_child("event_flag") + "? = '' OR code = ?)",
              {code, code});
    return;
  }
  where.add(dialect.document_flag("e.doc"), {code, code});
}

Where build_where(Store store, const Query& q) {
  const Dialect& dialect = store.dialect;
  Where where;
  where.sql = visible("e", q, where.binds);
  if (q.time) {
    if (!q.time->window.ok()) {
      throw Error(Errc::bad_value, "time.window", "an empty time window");
    }
    envelope(where, dialect, *q.time);
  }
  actor_filter(where, store, q);
  if (!q.kinds.empty()) {
    const std::vector<EventKind> kinds = kinds_of(q);
    if (kinds.size() == 1) {
      // One kind: an equality, so event_kind (kind, lo) yields rows in
      // nearly chronological order and a page sorts only ties of lo.
      where.add("e.kind = ?", {std::string(to_string(kinds.front()))});
    } else {
      where.add(dialect.in_list("e.kind"), {dialect.list(texts_of(kinds))});
    }
  }
  if (!q.places.empty()) {
    std::vector<Value> binds;
    const std::string sub =
        nested(dialect, "place", q, binds, dialect.list(texts_of(q.places)));
    where.add("e.place IN (" + sub + ")", std::move(binds));
  }
  if (!q.processes.empty()) {
    std::vector<Value> binds;
    const std::string sub = nested(dialect, "process", q, binds,
                                   dialect.list(texts_of(q.processes)));
    where.add("e.process IN (" + sub + ")", std::move(binds));
  }
  if (!q.statuses.empty()) {
    if (q.statuses.size() == 1) {
      where.add("e.status = ?", {std::string(to_string(q.statuses.front()))});
    } else {
      where.add(dialect.in_list("e.status"),
                {dialect.list(texts_of(q.statuses))});
    }
  }
  if (!q.topics.empty()) {
    where.add(dialect.has_child("event_topic") + dialect.in_list("topic") + ")",
              {dialect.list(texts_of(q.topics))});
  }
  flag_filter(where, dialect, q);
  text_filter(where, store, q);
  return where;
}

bool reads_by_actor(const Where& where, ActorRead read) {
  return where.actor && !where.window && read == ActorRead::in_order;
}

namespace {

// "SELECT lo, `columns` FROM ... WHERE " for `where`'s actor condition, and
// its parameters.
std::string select_from(const Dialect& dialect, const char* columns,
                        const Where& where, ActorRead read,
                        std::vector<Value>& binds) {
  if (!where.actor) {
    return std::string("SELECT e.lo, ") + columns + " FROM event e WHERE ";
  }
  binds.push_back(where.actor->actor);
  const bool role = !where.actor->role.empty();
  if (role) binds.push_back(where.actor->role);
  if (reads_by_actor(where, read)) {
    return std::string("SELECT a.lo, ") + columns + " FROM " +
           dialect.actor_events() + " WHERE a.actor = ? " +
           (role ? "AND a.role = ? " : "") + "AND ";
  }
  return std::string("SELECT e.lo, ") + columns + " FROM event e WHERE " +
         dialect.has_child("event_actor") + "actor = ?" +
         (role ? " AND role = ?" : "") + ") AND ";
}

}  // namespace

std::string select_rows(const Dialect& dialect, const char* columns,
                        const Where& where, const std::string& extra,
                        const std::vector<Value>& extra_binds,
                        std::vector<Value>& binds, ActorRead read) {
  auto arm = [&](const std::string& window_sql,
                 const std::vector<Value>& window_binds) {
    const std::string head = select_from(dialect, columns, where, read, binds);
    binds.insert(binds.end(), where.binds.begin(), where.binds.end());
    binds.insert(binds.end(), window_binds.begin(), window_binds.end());
    binds.insert(binds.end(), extra_binds.begin(), extra_binds.end());
    return head + where.sql + window_sql + extra;
  };
  if (!where.window) return arm("", {});
  std::string out;
  // One statement per arm: each appends its parameters in order.
  for (const Condition& c :
       dialect.window_arms(where.window->lo, where.window->hi)) {
    if (!out.empty()) out += " UNION ALL ";
    out += arm(c.sql, c.params);
  }
  return out;
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

std::optional<Day> day_column(const Rows& row, int column) {
  if (row.is_null(column)) return std::nullopt;
  return Day{days64{row.int64(column)}};
}

// The bounds of the row's time, as the filter reads them.
Bounds row_bounds(const Rows& row, Semantics semantics) {
  if (semantics == Semantics::spans) {
    return Edtf::parse(std::string(row.text(3))).bounds(Semantics::spans);
  }
  Bounds b;
  b.earliest_start = day_column(row, 4);
  b.latest_start = day_column(row, 5);
  b.earliest_end = day_column(row, 6);
  b.latest_end = day_column(row, 7);
  b.start_open = row.int64(8) != 0;
  b.start_unknown = row.int64(9) != 0;
  b.end_open = row.int64(10) != 0;
  b.end_unknown = row.int64(11) != 0;
  return b;
}

// After the first column, lo (see select_rows).
constexpr const char* page_columns =
    "e.hi, e.id, e.time, e.earliest_start, e.latest_start, "
    "e.earliest_end, e.latest_end, e.start_open, e.start_unknown, "
    "e.end_open, e.end_unknown, e.doc, e.version, e.kind";
// The same for counts, which read the grouping columns and the death
// estimates (17, 18, 19; NULL when none) instead of the document.
std::string count_columns(const Dialect& dialect) {
  std::string out =
      "e.hi, e.id, e.time, e.earliest_start, e.latest_start, "
      "e.earliest_end, e.latest_end, e.start_open, e.start_unknown, "
      "e.end_open, e.end_unknown, NULL, e.version, e.kind, e.place, "
      "e.process";
  for (const char* field : {"deaths_low", "deaths_best", "deaths_high"}) {
    out += ", CASE WHEN e.kind = 'hostilities' THEN " +
           dialect.document_integer("e.doc", {"details", field}) + " END";
  }
  return out;
}

// The statement for one batch of a page: the rows after `cursor`, in
// chronological order.
std::string page_sql(const Dialect& dialect, const Where& where,
                     const std::optional<Cursor>& cursor, std::size_t batch,
                     std::vector<Value>& binds) {
  std::string extra;
  std::vector<Value> extra_binds;
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
  return select_rows(dialect, page_columns, where, extra, extra_binds, binds,
                     ActorRead::in_order) +
         " ORDER BY 1, 2, 3 LIMIT " + std::to_string(batch);
}

}  // namespace

bool time_matches(const Rows& s, const Query& q) {
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

QuerySql query_sql(Store store, const Query& query, std::size_t batch) {
  const Where where = build_where(store, query);
  std::optional<Cursor> cursor;
  if (query.after) cursor = parse_cursor(*query.after);
  QuerySql out;
  out.sql = page_sql(store.dialect, where, cursor, batch, out.binds);
  return out;
}

QuerySql count_sql(Store store, const Query& query) {
  Query all = query;
  all.limit = 0;  // a count reads every match: no plan made for a page
  const Where where = build_where(store, all);
  QuerySql out;
  out.sql = select_rows(store.dialect, count_columns(store.dialect).c_str(),
                        where, "", {}, out.binds, ActorRead::as_set);
  return out;
}

}  // namespace parley::detail

namespace parley {

// Reads batches of rows in chronological order, applying the exact time
// test, until the page is full. Reads the page's rows, the rows the exact
// test rejects among them, and one more row to know a next page exists.
Page Database::query(const Query& q) const {
  return detail::guard([&] {
    using namespace detail;
    const Store store = DatabaseAccess::store(*this);
    const Where where = build_where(store, q);
    std::optional<Cursor> cursor;
    if (q.after) cursor = parse_cursor(*q.after);
    const std::size_t batch =
        q.limit ? std::max<std::size_t>(q.limit + 1, 64) : std::size_t{4096};
    Page page;
    for (;;) {
      std::vector<Value> binds;
      const std::string sql =
          page_sql(store.dialect, where, cursor, batch, binds);
      const auto s = store.backend.run(sql, binds);
      std::size_t rows = 0;
      while (s->next()) {
        ++rows;
        Cursor row{s->int64(0), s->int64(1), std::string(s->text(2))};
        // An event naming the actor in two roles comes twice, adjacent.
        if (cursor && row == *cursor) continue;
        cursor = std::move(row);
        if (!time_matches(*s, q)) continue;
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
        page.events.push_back(nlohmann::json::parse(s->text(12)).get<Event>());
      }
      if (rows < batch) return page;
    }
  });
}

}  // namespace parley
