// The full-text condition of a query (Query::text): every word must match
// the event's text or the text of one of its claims (on SQLite, the
// event_search and claim_search FTS5 indexes; see Dialect). A word matches
// its written form, or its light stem when it is Arabic
// (src/store/searchable.hpp); English words are stemmed by SQLite's porter
// tokenizer on both sides.
//
// Two plans. Few matches: the matching versions are collected from both
// text indexes and the page is sorted from them (cost follows the number of
// matches). Many matches, for a page: the chronological order is walked and
// each event is checked against the text indexes, stopping after the page
// (cost follows limit × events / matches). The choice counts the matching
// versions of each index, stopping at the threshold, so it reads at most
// √(limit × events) entries of each index whatever the words and stems.
#include <cmath>

#include "parley/normalize.hpp"

#include "query/sql.hpp"
#include "store/searchable.hpp"

namespace parley::detail {
namespace {

// The words of `text`, Arabic normalised, split at white space.
std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> words(1);
  for (char c : normalize_arabic(text)) {
    if (c == ' ' || c == '\t' || c == '\n') {
      if (!words.back().empty()) words.emplace_back();
    } else {
      words.back() += c;
    }
  }
  if (words.back().empty()) words.pop_back();
  return words;
}

// The text query: every word, each matching any of its search terms.
std::string match_expression(const Dialect& dialect,
                             const std::vector<std::string>& words) {
  std::vector<std::vector<std::string>> terms;
  terms.reserve(words.size());
  for (const std::string& word : words) terms.push_back(search_terms(word));
  return dialect.text_query(terms);
}

// The first integer of the first row of `sql`, 0 without a row.
std::int64_t first_integer(Backend& backend, const std::string& sql,
                           std::span<const Value> params = {}) {
  const auto rows = backend.run(sql, params);
  return rows->next() ? rows->int64(0) : 0;
}

// How many versions of `table` match `match`, counting no further than
// `cap`. Reads at most `cap` entries of the index.
std::int64_t matching(Store store, TextOf table, const std::string& match,
                      std::int64_t cap) {
  const Value params[] = {match, cap};
  return first_integer(store.backend,
                       "SELECT count(*) FROM (" +
                           store.dialect.text_versions(table) +
                           " LIMIT ?) AS hits",
                       params);
}

// Whether walking the chronological order finds a page sooner than
// collecting every match: when matches² > limit × events (the rows walked,
// limit × events / matches, are fewer than the matches). The matches are
// bounded above by the matching event and claim versions.
bool walk_in_order(Store store, const Query& q, const std::string& match) {
  if (q.limit == 0) return false;
  const double events = static_cast<double>(first_integer(
      store.backend, "SELECT n FROM current_total WHERE entity = 'event'"));
  const auto threshold = static_cast<std::int64_t>(
      std::floor(std::sqrt(static_cast<double>(q.limit) * events)));
  const std::int64_t cap = threshold + 1;
  const std::int64_t found = matching(store, TextOf::event, match, cap);
  return found >= cap ||
         found + matching(store, TextOf::claim, match, cap - found) >= cap;
}

}  // namespace

void text_filter(Where& where, Store store, const Query& q) {
  const std::vector<std::string> words = words_of(q.text);
  if (words.empty()) return;
  const Dialect& dialect = store.dialect;
  const std::string match = match_expression(dialect, words);
  std::vector<Value> binds{match, match};
  const std::string claims = visible("c", q, binds);
  if (walk_in_order(store, q, match)) {
    where.add(
        "(" + dialect.text_matches(TextOf::event, "e") +
            " OR EXISTS (SELECT 1 FROM claim c WHERE c.event = e.id AND " +
            dialect.text_matches(TextOf::claim, "c") + " AND " + claims +
            std::string(dialect.per_row()) + "))",
        std::move(binds));
    return;
  }
  const std::string events = visible("x", q, binds);
  where.add("e.version IN (" + dialect.text_versions(TextOf::event) +
                " UNION SELECT x.version FROM claim c JOIN event x ON x.id = "
                "c.event WHERE c.version IN (" +
                dialect.text_versions(TextOf::claim) + ") AND " + claims +
                " AND " + events + ")",
            std::move(binds));
}

}  // namespace parley::detail
