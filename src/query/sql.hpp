// Internal: the SQL that Database::query and Database::count run, shared by
// src/query/*.cpp and the tests that check its plan
// (tests/query_plan_test.cpp). Not part of the public API.
#ifndef PARLEY_SRC_QUERY_SQL_HPP
#define PARLEY_SRC_QUERY_SQL_HPP

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <nlohmann/json.hpp>

#include "parley/query.hpp"

namespace parley::detail {

using Binding = std::variant<std::int64_t, std::string>;

// A statement and its parameters, in order (1, 2, ...).
struct QuerySql {
  std::string sql;
  std::vector<Binding> binds;
};

// Events longer than this many days (hi - lo), or with an open or unknown
// bound, are found through the event_long R*Tree; shorter ones through the
// chronological index from `window start - long_event_days`
// (schema/004_counts_and_spans.sql; the number is written there too).
constexpr std::int64_t long_event_days = 16;

// The day envelope [lo, hi) of a time window that bounds both sides.
struct Window {
  std::int64_t lo;
  std::int64_t hi;
};

// One actor (and a role, if any) that events must name.
struct ActorCondition {
  std::string actor;
  std::string role;  // empty: any role
};

// A WHERE clause over `event e` under construction, and its parameters in
// order. `window` and `actor`, when set, are conditions not yet in `sql`
// (see select_rows): rows must overlap the window; name the actor.
struct Where {
  std::string sql = "1";
  std::vector<Binding> binds;
  std::optional<Window> window;
  std::optional<ActorCondition> actor;

  void add(const std::string& condition, std::vector<Binding> values = {}) {
    sql += " AND " + condition;
    for (auto& v : values) binds.push_back(std::move(v));
  }
};

// "the version of `alias` is visible at query.as_of" (the current version
// without one), appending its parameters to `binds`.
std::string visible(const char* alias, const Query& query,
                    std::vector<Binding>& binds);

// Adds the full-text condition of query.text, if any (src/query/text.cpp).
void text_filter(Where& where, SQLite::Database& db, const Query& query);

// The conditions of `query` (all but the cursor and the exact Allen test).
// `db` is read to expand Query::include_members. Throws Error (bad_value)
// for an empty window or an unknown kind.
Where build_where(SQLite::Database& db, const Query& query);

// How select_rows may read the events of one actor: through
// event_actor_order, in chronological order (for pages: the rows of an
// event naming the actor in two roles come twice, adjacent), or as a set of
// versions (for counts: each event once).
enum class ActorRead { in_order, as_set };

// True when select_rows reads `where`'s rows through event_actor_order, so
// that its first column is the `lo` of that index (alias a).
bool reads_by_actor(const Where& where, ActorRead read);

// "SELECT e.lo, `columns` FROM event e WHERE" the rows of `where` and
// `extra` (SQL starting with " AND", parameters `extra_binds`), appending
// every parameter to `binds`. With a window, a UNION ALL of two SELECTs:
// short events in the window through the chronological index, long ones
// through event_long. With one actor and no window (ActorRead::in_order),
// "SELECT a.lo, ... FROM event_actor a JOIN event e". An ORDER BY after it
// must name result columns by number.
std::string select_rows(const char* columns, const Where& where,
                        const std::string& extra,
                        const std::vector<Binding>& extra_binds,
                        std::vector<Binding>& binds, ActorRead read);

// Whether the row (columns as query.cpp's `page_columns`: time text at 3,
// bounds at 4..11) stands in the time filter's relation, exactly.
bool time_matches(SQLite::Statement& row, const Query& query);

// "2017-02-16", "2017-W07", "2017-02", "2017", or "unknown" for the
// smallest integer (an unknown start).
std::string period_of(std::int64_t day, Period period);

// The kinds of Query::kinds, groups expanded.
std::vector<EventKind> kinds_of(const Query& query);

// `ids` (a JSON array parameter) and everything nested under them in
// `table` by its parent column, visible as of query.as_of: a SELECT of ids.
std::string nested(const char* table, const Query& query,
                   std::vector<Binding>& binds, const std::string& ids);

// The values as one JSON array text, for json_each.
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

// The statement Database::query runs for the first batch of `query` (with
// its cursor, if any), reading at most `batch` rows. `db` is read only to
// expand Query::include_members. Throws Error as Database::query does.
QuerySql query_sql(SQLite::Database& db, const Query& query, std::size_t batch);

// The statement Database::count runs for `query` when it counts exactly.
QuerySql count_sql(SQLite::Database& db, const Query& query);

// Binds every parameter to `statement`.
void bind_all(SQLite::Statement& statement, const std::vector<Binding>& binds);
void bind_all(SQLite::Statement& statement, const QuerySql& sql);

}  // namespace parley::detail

#endif  // PARLEY_SRC_QUERY_SQL_HPP
