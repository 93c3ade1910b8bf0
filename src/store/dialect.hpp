// Internal: the query layer's SQL that differs between SQLite and
// PostgreSQL (issue 13), one implementation per server:
// src/store/sqlite/dialect.cpp, and src/store/postgres/ next. Everything
// else in src/query/, src/timeline.cpp and the reads of src/store/ is
// written once, in SQL both servers run, over the same tables.
//
// Each function returns a fragment of SQL with `?` placeholders (see
// backend.hpp) and says how many it holds and what they take; the caller
// appends those parameters in the fragment's order. Table aliases follow
// the query layer's: `e` for the event version a query reads.
//
// An abstract class, not a struct of function pointers: a backend's
// dialect that misses a function does not compile, and a dialect may hold
// what it learnt about its server (its version, extensions).
//
// Example: the events of some kinds.
//   params.push_back(dialect.list(names));
//   sql += " AND " + dialect.in_list("e.kind");
#ifndef PARLEY_SRC_STORE_DIALECT_HPP
#define PARLEY_SRC_STORE_DIALECT_HPP

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "store/backend.hpp"

namespace parley::detail {

// The text indexes: of an event version's text, or of a claim version's.
enum class TextOf { event, claim };

// A condition of a SELECT and its parameters, in order.
struct Condition {
  std::string sql;  // starts with " AND "
  std::vector<Value> params;
};

// Immutable after construction; safe to share between threads.
class Dialect {
 public:
  virtual ~Dialect() = default;

  // Lists: a list of strings travels as one parameter.
  // The parameter value holding `values` (order and duplicates kept).
  virtual Value list(const std::vector<std::string>& values) const = 0;
  // A SELECT of one column, the list's values, from one `?` (a list).
  virtual std::string list_rows() const = 0;
  // "`column` is one of the list", with one `?` (a list).
  virtual std::string in_list(std::string_view column) const = 0;
  // "`column` is one of the rows of `select`" (a SELECT of one column).
  // PostgreSQL: `= ANY(ARRAY(select))`, the SELECT run once before the
  // rest, so that a prepared (generic) plan, which cannot know how few rows
  // it gives, still looks each one up in `column`'s index: IN (select) was
  // planned as a hash join over the whole table (count_place at 100,000
  // events: 31 ms, 5.8 ms so).
  virtual std::string in_rows(std::string_view column,
                              const std::string& select) const = 0;

  // Time windows over the current or as-of versions of `event e`.
  // Whether window_arms can read the window [lo, hi) (days since 1970); if
  // not, the caller filters on e.lo and e.hi itself.
  virtual bool reads_window(std::int64_t lo, std::int64_t hi) const = 0;
  // The events whose days [lo, hi) overlap the window [lo, hi): one or
  // more conditions, each the WHERE of one arm of a UNION ALL whose arms
  // read disjoint rows (SQLite: the short events through the chronological
  // index, the long ones through the event_long R*Tree).
  virtual std::vector<Condition> window_arms(std::int64_t lo,
                                             std::int64_t hi) const = 0;

  // The FROM clause of one actor's events in chronological order: the rows
  // of event_actor `a` (filtered by the caller on a.actor, a.role), read in
  // the order of event_actor_order (actor, lo), each joined to its event
  // version `e` by one lookup (not a join that reads every event).
  virtual std::string actor_events() const = 0;

  // "the event version `e` has a row in `child` (event_actor, event_topic
  // or event_flag) meeting the conditions that follow": the opening of a
  // subquery that the caller completes with conditions on the child's
  // columns and a closing ")". SQLite joins by version; PostgreSQL by
  // (id, lo, version), the key of the partitioned event (a match reads one
  // partition's key; the planner can merge on lo) and Citus's
  // distribution column.
  virtual std::string has_child(std::string_view child) const = 0;

  // Full text. The parameter that finds every word, a word matching any of
  // its terms: `words` = {{"talks"}, {"الغوطه", "غوط"}}.
  virtual std::string text_query(
      const std::vector<std::vector<std::string>>& words) const = 0;
  // "the version `alias` (of an event or a claim) matches", one `?` (the
  // text query); cheap per row (an index probe).
  virtual std::string text_matches(TextOf table,
                                   std::string_view alias) const = 0;
  // A SELECT of the versions (of events or claims) that match, one `?`
  // (the text query); its cost follows the number of matches.
  virtual std::string text_versions(TextOf table) const = 0;
  // Ends a correlated subquery (an EXISTS) that must stay a probe per outer
  // row: "" where the server probes anyway (SQLite); PostgreSQL's " OFFSET
  // 0", without which it may read every match of the subquery into a hash,
  // once per partition of the outer table.
  virtual std::string_view per_row() const = 0;

  // Documents (the doc column). The integer at `path` in the document in
  // `column` ({"details", "deaths_low"}), NULL when absent.
  virtual std::string document_integer(
      std::string_view column,
      std::initializer_list<std::string_view> path) const = 0;
  // "the document in `column` lists a flag (in its "flags" array) whose
  // code is the parameter, or any flag when the parameter is ''": two `?`,
  // both the code.
  virtual std::string document_flag(std::string_view column) const = 0;
};

}  // namespace parley::detail

#endif  // PARLEY_SRC_STORE_DIALECT_HPP
