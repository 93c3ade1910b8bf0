// Database::query and Database::count: a Query becomes one SQL statement
// whose every value is a bound parameter (lists travel as one JSON array,
// read with json_each). The time filter is two-staged: SQL keeps the events
// whose envelope [lo, hi) can stand in the relation (a necessary
// condition, served by the event_order index), then the exact Allen test
// runs on each row's four bounds.
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

namespace parley {
namespace {

using Binding = std::variant<std::int64_t, std::string>;

constexpr std::int64_t min_day = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t max_day = std::numeric_limits<std::int64_t>::max();

// A WHERE clause under construction, and its parameters in order.
struct Where {
  std::string sql = "1";
  std::vector<Binding> binds;

  void add(const std::string& condition, std::vector<Binding> values = {}) {
    sql += " AND " + condition;
    for (auto& v : values) binds.push_back(std::move(v));
  }
};

// "version visible at as_of" for a table alias, with its parameters.
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

template <class T>
std::string json_list(const std::vector<T>& values) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& v : values) {
    if constexpr (std::is_same_v<T, std::string>) {
      out.push_back(v);
    } else if constexpr (detail::NamedEnum<T>) {
      out.push_back(std::string(to_string(v)));
    } else {
      out.push_back(v.value);
    }
  }
  return out.dump();
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

// `ids` (a JSON array parameter) and everything nested under them in
// `table` by its parent column.
std::string nested(const char* table, const Query& q,
                   std::vector<Binding>& binds, const std::string& ids) {
  binds.push_back(ids);
  return std::string(
             "WITH RECURSIVE inside(id) AS (SELECT value FROM "
             "json_each(?) UNION SELECT n.id FROM ") +
         table + " n JOIN inside ON n.parent = inside.id WHERE " +
         visible("n", q, binds) + ") SELECT id FROM inside";
}

// The FTS5 query for `text`: every word, quoted, so no word is read as an
// FTS operator.
std::string match_expression(const std::string& text) {
  std::string out;
  std::string word;
  auto flush = [&] {
    if (word.empty()) return;
    std::string quoted = "\"";
    for (char c : word)
      quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    out += (out.empty() ? "" : " ") + quoted + "\"";
    word.clear();
  };
  for (char c : normalize_arabic(text)) {
    if (c == ' ' || c == '\t' || c == '\n') {
      flush();
    } else {
      word += c;
    }
  }
  flush();
  return out;
}

// The envelope conditions that every event standing in one of `relations`
// to the window must meet.
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
  if (!f.relations.has(Allen::after) && !f.relations.has(Allen::met_by)) {
    // The event starts before the window's latest end.
    if (w_hi != max_day) where.add("e.lo < ?", {w_hi});
  }
  if (!f.relations.has(Allen::before) && !f.relations.has(Allen::meets)) {
    // The event ends after the window's earliest start.
    if (w_lo != min_day) where.add("e.hi > ?", {w_lo});
  }
  if (only_after && w_lo != min_day) where.add("e.hi > ?", {w_lo});
  if (only_before && w_hi != max_day) where.add("e.lo < ?", {w_hi});
}

Where build(SQLite::Database& db, const Query& q) {
  Where where;
  where.sql = visible("e", q, where.binds);
  if (q.time) {
    if (!q.time->window.ok()) {
      throw Error(Errc::bad_value, "time.window", "an empty time window");
    }
    envelope(where, *q.time);
  }
  if (!q.actors.empty()) {
    const std::vector<ActorId> actors = with_members(db, q);
    std::string sql =
        actors.size() == 1
            ? "e.version IN (SELECT version FROM event_actor WHERE actor = ?"
            : "e.version IN (SELECT version FROM event_actor WHERE actor IN "
              "(SELECT value FROM json_each(?))";
    std::vector<Binding> binds{actors.size() == 1 ? actors.front().value
                                                  : json_list(actors)};
    if (!q.role.empty()) {
      sql += " AND role = ?";
      binds.push_back(q.role);
    }
    where.add(sql + ")", std::move(binds));
  } else if (!q.role.empty()) {
    where.add("e.version IN (SELECT version FROM event_actor WHERE role = ?)",
              {q.role});
  }
  if (!q.kinds.empty()) {
    std::vector<EventKind> kinds;
    for (const std::string& name : q.kinds) {
      for (EventKind k : expand_kind(name)) kinds.push_back(k);
    }
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
  if (const std::string match = match_expression(q.text); !match.empty()) {
    std::vector<Binding> binds{match, match};
    const std::string claims = visible("c", q, binds);
    where.add(
        "(e.version IN (SELECT rowid FROM event_search WHERE event_search "
        "MATCH ?) OR e.id IN (SELECT c.event FROM claim c WHERE c.version IN "
        "(SELECT rowid FROM claim_search WHERE claim_search MATCH ?) AND " +
            claims + "))",
        std::move(binds));
  }
  return where;
}

struct Cursor {
  std::int64_t lo;
  std::int64_t hi;
  std::string id;
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

bool time_matches(SQLite::Statement& s, const Query& q) {
  if (!q.time) return true;
  const Bounds x = row_bounds(s, q.time->semantics);
  const Bounds w = q.time->window.bounds(Semantics::spans);
  return q.time->certainty == Certainty::certain
             ? certain(x, w, q.time->relations)
             : possible(x, w, q.time->relations);
}

constexpr const char* columns =
    "SELECT e.lo, e.hi, e.id, e.time, e.earliest_start, e.latest_start, "
    "e.earliest_end, e.latest_end, e.start_open, e.start_unknown, "
    "e.end_open, e.end_unknown, e.doc, e.version, e.kind FROM event e WHERE ";
// The same for counts, which never read the document; without a time
// filter they read only lo, version and kind, which an index on (kind, lo)
// or (place, lo) covers, so counting needs no row of the table.
constexpr const char* count_columns =
    "SELECT e.lo, e.hi, e.id, e.time, e.earliest_start, e.latest_start, "
    "e.earliest_end, e.latest_end, e.start_open, e.start_unknown, "
    "e.end_open, e.end_unknown, NULL, e.version, e.kind FROM event e WHERE ";
constexpr const char* count_columns_untimed =
    "SELECT e.lo, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "
    "NULL, NULL, e.version, e.kind FROM event e WHERE ";

// The statement for one batch of a page: the rows after `cursor`, in
// chronological order.
std::string page_sql(const Where& where, const std::optional<Cursor>& cursor,
                     std::size_t batch, std::vector<Binding>& binds) {
  binds = where.binds;
  std::string sql = columns + where.sql;
  if (cursor) {
    sql += " AND (e.lo, e.hi, e.id) > (?, ?, ?)";
    binds.push_back(cursor->lo);
    binds.push_back(cursor->hi);
    binds.push_back(cursor->id);
  }
  return sql + " ORDER BY e.lo, e.hi, e.id LIMIT " + std::to_string(batch);
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

}  // namespace

namespace detail {

QuerySql query_sql(SQLite::Database& db, const Query& query,
                   std::size_t batch) {
  const Where where = build(db, query);
  std::optional<Cursor> cursor;
  if (query.after) cursor = parse_cursor(*query.after);
  QuerySql out;
  out.sql = page_sql(where, cursor, batch, out.binds);
  return out;
}

QuerySql count_sql(SQLite::Database& db, const Query& query) {
  Where where = build(db, query);
  return {(query.time ? count_columns : count_columns_untimed) + where.sql,
          std::move(where.binds)};
}

void bind_all(SQLite::Statement& statement, const QuerySql& sql) {
  parley::bind_all(statement, sql.binds);
}

}  // namespace detail

Page Database::query(const Query& q) const {
  return detail::guard([&] {
    SQLite::Database& db = impl_->db;
    Where where = build(db, q);
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
        cursor = Cursor{s.getColumn(0).getInt64(), s.getColumn(1).getInt64(),
                        s.getColumn(2).getString()};
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

std::vector<Count> Database::count(const Query& q, Period period,
                                   GroupBy group) const {
  return detail::guard([&] {
    SQLite::Database& db = impl_->db;
    const detail::QuerySql sql = detail::count_sql(db, q);
    SQLite::Statement s{db, sql.sql};
    detail::bind_all(s, sql);
    SQLite::Statement actors{
        db, "SELECT DISTINCT actor FROM event_actor WHERE version = ?"};
    std::map<std::pair<std::string, std::string>, std::size_t> counts;
    // Rows often come in order of lo: name each run of one day once.
    std::optional<std::int64_t> last_lo;
    std::string when;
    while (s.executeStep()) {
      if (!time_matches(s, q)) continue;
      const std::int64_t lo = s.getColumn(0).getInt64();
      if (lo != last_lo) {
        when = period_of(lo, period);
        last_lo = lo;
      }
      if (group == GroupBy::kind) {
        ++counts[{when, s.getColumn(14).getString()}];
        continue;
      }
      actors.reset();
      actors.bind(1, static_cast<int64_t>(s.getColumn(13).getInt64()));
      while (actors.executeStep()) {
        ++counts[{when, actors.getColumn(0).getString()}];
      }
    }
    std::vector<Count> out;
    for (const auto& [key, n] : counts)
      out.push_back({key.first, key.second, n});
    return out;
  });
}

}  // namespace parley
