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

#include "parley/query.hpp"

#include "store/access.hpp"
#include "store/backend.hpp"
#include "store/dialect.hpp"

namespace parley::detail {

// A statement and its parameters, in order (1, 2, ...).
struct QuerySql {
  std::string sql;
  std::vector<Value> binds;
};

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
  std::string sql = "TRUE";
  std::vector<Value> binds;
  std::optional<Window> window;
  std::optional<ActorCondition> actor;

  void add(const std::string& condition, std::vector<Value> values = {}) {
    sql += " AND " + condition;
    for (auto& v : values) binds.push_back(std::move(v));
  }
};

// "the version of `alias` is visible at query.as_of" (the current version
// without one), appending its parameters to `binds`.
std::string visible(const char* alias, const Query& query,
                    std::vector<Value>& binds);

// Adds the full-text condition of query.text, if any (src/query/text.cpp).
// Reads the text indexes to choose a plan (see text.cpp).
void text_filter(Where& where, Store store, const Query& query);

// The conditions of `query` (all but the cursor and the exact Allen test).
// `store` is read to expand Query::include_members and to choose the text
// plan. Throws Error (bad_value) for an empty window or an unknown kind.
Where build_where(Store store, const Query& query);

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
// every parameter to `binds`. With a window, a UNION ALL of the dialect's
// window arms (SQLite: short events in the window through the
// chronological index, long ones through event_long). With one actor and
// no window (ActorRead::in_order), "SELECT a.lo, ... FROM event_actor a
// JOIN event e". An ORDER BY after it must name result columns by number.
std::string select_rows(const Dialect& dialect, const char* columns,
                        const Where& where, const std::string& extra,
                        const std::vector<Value>& extra_binds,
                        std::vector<Value>& binds, ActorRead read);

// Whether the row (columns as query.cpp's `page_columns`: time text at 3,
// bounds at 4..11) stands in the time filter's relation, exactly.
bool time_matches(const Rows& row, const Query& query);

// "2017-02-16", "2017-W07", "2017-02", "2017", or "unknown" for the
// smallest integer (an unknown start).
std::string period_of(std::int64_t day, Period period);

// The kinds of Query::kinds, groups expanded.
std::vector<EventKind> kinds_of(const Query& query);

// `ids` (a list parameter, Dialect::list) and everything nested under them
// in `table` by its parent column, visible as of query.as_of: a SELECT of
// ids.
std::string nested(const Dialect& dialect, const char* table,
                   const Query& query, std::vector<Value>& binds, Value ids);

// The values as strings (ids, enum names), for Dialect::list.
template <class T>
std::vector<std::string> texts_of(const std::vector<T>& values) {
  std::vector<std::string> out;
  out.reserve(values.size());
  for (const auto& v : values) {
    if constexpr (std::is_same_v<T, std::string>) {
      out.push_back(v);
    } else if constexpr (detail::NamedEnum<T>) {
      out.emplace_back(to_string(v));
    } else {
      out.push_back(v.value);
    }
  }
  return out;
}

// The statement Database::query runs for the first batch of `query` (with
// its cursor, if any), reading at most `batch` rows. `store` is read only
// as build_where reads it. Throws Error as Database::query does.
QuerySql query_sql(Store store, const Query& query, std::size_t batch);

// The statement Database::count runs for `query` when it counts exactly.
QuerySql count_sql(Store store, const Query& query);

// Runs `sql` on `backend`.
inline std::unique_ptr<Rows> run(Backend& backend, const QuerySql& sql) {
  return backend.run(sql.sql, sql.binds);
}

}  // namespace parley::detail

#endif  // PARLEY_SRC_QUERY_SQL_HPP
