// PostgreSQL's dialect, over schema/postgres/: lists as one text[]
// parameter, time windows through the chronological index (short events)
// and the GiST index on `days` (long ones), an actor's
// events by one lookup per event_actor row, text as tsquery over the
// `search` columns (GIN), documents through the json operators.
// docs/postgres.md ("the seam") compares it with SQLite's.
#include "store/postgres/dialect.hpp"

#include <limits>

#include "store/long_events.hpp"
#include "store/postgres/values.hpp"

namespace parley::detail {
namespace {

// The sums of the window's two arms stay within bigint for windows this
// far from the ends of the day range.
constexpr std::int64_t arms_min =
    std::numeric_limits<std::int64_t>::min() + long_event_days;
constexpr std::int64_t arms_max =
    std::numeric_limits<std::int64_t>::max() - long_event_days;

// A tsquery operand: the term between single quotes, so no character of it
// is read as an operator (& | ! ( ) <-> :*); the server's parser and the
// `parley` configuration then split and stem it as they did the indexed
// text (a term of several words becomes a phrase, as in FTS5).
std::string lexeme(const std::string& term) {
  std::string out = "'";
  for (char c : term) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + '\'';
}

// A json path as operators: doc -> 'details' ->> 'deaths_low'. `keys` are
// the caller's literals; a quote in one is doubled all the same.
std::string sql_string(std::string_view s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + '\'';
}

const char* search_table(TextOf table) {
  return table == TextOf::event ? "event" : "claim";
}

// The tsquery of a text_query parameter (a text[] of one tsquery text per
// word), as one SQL expression reading the parameter once. A word whose
// terms hold no lexeme at all ("&", "--") makes the query match nothing,
// as FTS5's empty phrase does; to_tsquery alone would drop that word and
// match on the others. Evaluated once per statement (an InitPlan), so the
// GIN index reads it as a constant.
constexpr const char* query_of_words =
    "(SELECT CASE WHEN count(*) > 0 AND bool_and(numnode(to_tsquery('parley', "
    "w)) > 0) THEN to_tsquery('parley', string_agg('(' || w || ')', ' & ')) "
    "END FROM unnest(?::text[]) AS w)";

class PostgresDialect final : public Dialect {
 public:
  Value list(const std::vector<std::string>& values) const override {
    return array_literal(values);
  }
  std::string list_rows() const override { return "SELECT unnest(?::text[])"; }
  std::string in_list(std::string_view column) const override {
    return std::string(column) + " = ANY(?::text[])";
  }
  std::string in_rows(std::string_view column,
                      const std::string& select) const override {
    return std::string(column) + " = ANY(ARRAY(" + select + "))";
  }

  // int8range(lo, hi) needs lo <= hi; an empty window is left to the
  // caller's own conditions (which match nothing).
  bool reads_window(std::int64_t lo, std::int64_t hi) const override {
    return lo < hi;
  }
  // `days` is [lo, hi) with open and unknown ends unbounded (parley_days),
  // indexed by event_days (current versions) and event_days_history (every
  // version); `e.lo < hi` prunes the partitions of later years. Two arms,
  // as SQLite's: an event of at most long_event_days that ends after lo
  // starts after lo - long_event_days, a range of the chronological index
  // (pruned to the window's years when the statement starts); longer ones
  // through the range index. In one arm, a prepared (generic) plan walked
  // the chronological index of every earlier year, testing each event:
  // 554 ms for a 3-day window at 1,000,000 events, 4.3 ms in two arms.
  // LEAST(e.lo, hi) keeps the sum from overflowing at open starts; windows
  // too near the ends of the day range for the sums take the one arm.
  std::vector<Condition> window_arms(std::int64_t lo,
                                     std::int64_t hi) const override {
    const std::string days = " AND e.days && int8range(?, ?) AND e.lo < ?";
    if (lo < arms_min || hi > arms_max) {
      return {{days, {lo, hi, hi}}};
    }
    const std::string longest = std::to_string(long_event_days);
    return {
        {" AND e.lo > ? AND e.lo < ? AND e.hi > ? AND e.hi <= LEAST(e.lo, ?) "
         "+ " +
             longest,
         {lo - long_event_days, hi, lo, hi}},
        {days + " AND e.hi > LEAST(e.lo, ?) + " + longest, {lo, hi, hi, hi}},
    };
  }

  // One lookup per event_actor row, in its order (OFFSET 0 keeps the
  // planner from turning it into a join that reads every event); on the
  // event id and lo (one partition's primary key; Citus's distribution
  // column).
  std::string actor_events() const override {
    return "event_actor a CROSS JOIN LATERAL (SELECT * FROM event x WHERE "
           "x.id = a.event AND x.lo = a.lo AND x.version = a.version OFFSET "
           "0) e";
  }

  // {"talks"}, {"الغوطه", "غوط"} -> {"'talks'","'الغوطه' | 'غوط'"}: a text[]
  // of each word's terms as one tsquery (see query_of_words).
  // By the partitioned event's key: a semi-join the planner can merge on
  // lo or look up by (id, lo, version), not a hash of every version.
  std::string has_child(std::string_view child) const override {
    std::string sql =
        "(e.id, e.lo, e.version) IN (SELECT event, lo, version FROM ";
    sql += child;
    return sql + " WHERE ";
  }

  std::string text_query(
      const std::vector<std::vector<std::string>>& words) const override {
    std::vector<std::string> queries;
    queries.reserve(words.size());
    for (const std::vector<std::string>& terms : words) {
      std::string any;
      for (const std::string& term : terms) {
        any += (any.empty() ? "" : " | ") + lexeme(term);
      }
      queries.push_back(std::move(any));
    }
    return array_literal(queries);
  }
  std::string text_matches(TextOf, std::string_view alias) const override {
    return std::string(alias) + ".search @@ " + query_of_words;
  }
  std::string text_versions(TextOf table) const override {
    return std::string("SELECT version FROM ") + search_table(table) +
           " WHERE search @@ " + query_of_words;
  }
  std::string_view per_row() const override { return " OFFSET 0"; }

  std::string document_integer(
      std::string_view column,
      std::initializer_list<std::string_view> path) const override {
    std::string out = "(" + std::string(column);
    std::size_t i = 0;
    for (std::string_view key : path) {
      out += (++i == path.size() ? " ->> " : " -> ") + sql_string(key);
    }
    return out + ")::bigint";
  }
  // json_array_elements refuses a non-array: "flags" missing or not an
  // array lists no flag (as SQLite's json_each of it).
  std::string document_flag(std::string_view column) const override {
    const std::string flags = std::string(column) + " -> 'flags'";
    return "EXISTS (SELECT 1 FROM json_array_elements(CASE WHEN json_typeof(" +
           flags + ") = 'array' THEN " + flags +
           " END) f WHERE ?::text = '' OR f ->> 'code' = ?)";
  }
};

}  // namespace

const Dialect& postgres_dialect() noexcept {
  static const PostgresDialect dialect;
  return dialect;
}

}  // namespace parley::detail
