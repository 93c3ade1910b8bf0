// SQLite's dialect: lists as JSON arrays read with json_each, the event_long
// R*Tree for long events in a time window, FTS5 for text, json_extract for
// documents (schema/004_counts_and_spans.sql, schema/007_stemming.sql).
#include "store/sqlite/dialect.hpp"

#include <limits>

#include <nlohmann/json.hpp>

#include "store/long_events.hpp"

namespace parley::detail {
namespace {

// event_long holds 32-bit days.
constexpr std::int64_t i32_min = std::numeric_limits<std::int32_t>::min();
constexpr std::int64_t i32_max = std::numeric_limits<std::int32_t>::max();

const char* search_table(TextOf table) {
  return table == TextOf::event ? "event_search" : "claim_search";
}

// An FTS5 string: quoted, so no word is read as an operator.
std::string quoted(const std::string& term) {
  std::string out = "\"";
  for (char c : term) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + '"';
}

class SqliteDialect final : public Dialect {
 public:
  Value list(const std::vector<std::string>& values) const override {
    return nlohmann::json(values).dump();
  }
  std::string list_rows() const override {
    return "SELECT value FROM json_each(?)";
  }
  std::string in_list(std::string_view column) const override {
    return std::string(column) + " IN (SELECT value FROM json_each(?))";
  }
  std::string in_rows(std::string_view column,
                      const std::string& select) const override {
    return std::string(column) + " IN (" + select + ")";
  }

  bool reads_window(std::int64_t lo, std::int64_t hi) const override {
    return lo > i32_min + long_event_days && hi < i32_max;
  }
  std::vector<Condition> window_arms(std::int64_t lo,
                                     std::int64_t hi) const override {
    // An event of at most long_event_days that ends after lo starts after
    // lo - long_event_days: a range of the chronological index.
    return {
        {" AND e.lo > ? AND e.lo < ? AND e.hi > ? AND e.hi - e.lo <= " +
             std::to_string(long_event_days),
         {lo - long_event_days, hi, lo}},
        {" AND e.version IN (SELECT version FROM event_long WHERE lo < ? "
         "AND hi > ?)",
         {hi, lo}},
    };
  }

  std::string actor_events() const override {
    return "event_actor a JOIN event e ON e.version = a.version";
  }

  // "talks" AND ("الغوطه" OR "غوط").
  std::string has_child(std::string_view child) const override {
    std::string sql = "e.version IN (SELECT version FROM ";
    sql += child;
    return sql + " WHERE ";
  }

  std::string text_query(
      const std::vector<std::vector<std::string>>& words) const override {
    std::string out;
    for (const std::vector<std::string>& terms : words) {
      std::string any;
      for (const std::string& term : terms) {
        any += (any.empty() ? "" : " OR ") + quoted(term);
      }
      out += (out.empty() ? "" : " AND ") +
             (terms.size() > 1 ? "(" + any + ")" : any);
    }
    return out;
  }
  std::string text_matches(TextOf table,
                           std::string_view alias) const override {
    const std::string t = search_table(table);
    return "EXISTS (SELECT 1 FROM " + t + " WHERE " + t +
           " MATCH ? AND rowid = " + std::string(alias) + ".version)";
  }
  std::string text_versions(TextOf table) const override {
    const std::string t = search_table(table);
    return "SELECT rowid FROM " + t + " WHERE " + t + " MATCH ?";
  }
  std::string_view per_row() const override { return ""; }

  std::string document_integer(
      std::string_view column,
      std::initializer_list<std::string_view> path) const override {
    std::string out = "json_extract(" + std::string(column) + ", '$";
    for (std::string_view key : path) out += "." + std::string(key);
    return out + "')";
  }
  std::string document_flag(std::string_view column) const override {
    return "EXISTS (SELECT 1 FROM json_each(" + std::string(column) +
           ", '$.flags') f WHERE ? = '' OR json_extract(f.value, '$.code') "
           "= ?)";
  }
};

}  // namespace

const Dialect& sqlite_dialect() noexcept {
  static const SqliteDialect dialect;
  return dialect;
}

}  // namespace parley::detail
