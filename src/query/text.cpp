// The full-text condition of a query (Query::text): every word must match
// the event's text (event_search) or the text of one of its claims
// (claim_search). A word matches its written form, or its light stem when
// it is Arabic (src/store/searchable.hpp); English words are stemmed by the
// indexes' porter tokenizer on both sides.
//
// Two plans. Few matches: the matching versions are collected from both
// text indexes and the page is sorted from them (cost follows the number of
// matches). Many matches, for a page: the chronological order is walked and
// each event is checked against the text indexes, stopping after the page
// (cost follows limit × events / matches). The choice counts the matching
// versions of each index, stopping at the threshold, so it reads at most
// √(limit × events) entries of each index whatever the words and stems.
#include <cmath>

#include <SQLiteCpp/Statement.h>

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

std::string quoted(const std::string& term) {
  std::string out = "\"";
  for (char c : term) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + '"';
}

// The FTS5 query: every word, each matching any of its search terms
// (quoted, so no word is read as an operator): "talks" AND ("الغوطه" OR
// "غوط").
std::string match_expression(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& word : words) {
    const std::vector<std::string> terms = search_terms(word);
    std::string any;
    for (const std::string& term : terms) {
      any += (any.empty() ? "" : " OR ") + quoted(term);
    }
    out += (out.empty() ? "" : " AND ") +
           (terms.size() > 1 ? "(" + any + ")" : any);
  }
  return out;
}

// How many versions of `table` match `match`, counting no further than
// `cap`. Reads at most `cap` entries of the index.
std::int64_t matching(SQLite::Database& db, const char* table,
                      const std::string& match, std::int64_t cap) {
  SQLite::Statement s{db, std::string("SELECT count(*) FROM (SELECT 1 FROM ") +
                              table + " WHERE " + table + " MATCH ? LIMIT ?)"};
  s.bind(1, match);
  s.bind(2, static_cast<int64_t>(cap));
  return s.executeStep() ? s.getColumn(0).getInt64() : 0;
}

// Whether walking the chronological order finds a page sooner than
// collecting every match: when matches² > limit × events (the rows walked,
// limit × events / matches, are fewer than the matches). The matches are
// bounded above by the matching event and claim versions.
bool walk_in_order(SQLite::Database& db, const Query& q,
                   const std::string& match) {
  if (q.limit == 0) return false;
  const double events = static_cast<double>(
      db.execAndGet("SELECT n FROM current_total WHERE entity = 'event'")
          .getInt64());
  const auto threshold = static_cast<std::int64_t>(
      std::floor(std::sqrt(static_cast<double>(q.limit) * events)));
  const std::int64_t cap = threshold + 1;
  const std::int64_t found = matching(db, "event_search", match, cap);
  return found >= cap ||
         found + matching(db, "claim_search", match, cap - found) >= cap;
}

}  // namespace

void text_filter(Where& where, SQLite::Database& db, const Query& q) {
  const std::vector<std::string> words = words_of(q.text);
  if (words.empty()) return;
  const std::string match = match_expression(words);
  std::vector<Binding> binds{match, match};
  const std::string claims = visible("c", q, binds);
  if (walk_in_order(db, q, match)) {
    where.add(
        "(EXISTS (SELECT 1 FROM event_search WHERE event_search MATCH ? AND "
        "rowid = e.version) OR EXISTS (SELECT 1 FROM claim c WHERE c.event "
        "= e.id AND c.version IN (SELECT rowid FROM claim_search WHERE "
        "claim_search MATCH ? AND rowid = c.version) AND " +
            claims + "))",
        std::move(binds));
    return;
  }
  const std::string events = visible("x", q, binds);
  where.add(
      "e.version IN (SELECT rowid FROM event_search WHERE event_search MATCH "
      "? UNION SELECT x.version FROM claim c JOIN event x ON x.id = c.event "
      "WHERE c.version IN (SELECT rowid FROM claim_search WHERE claim_search "
      "MATCH ?) AND " +
          claims + " AND " + events + ")",
      std::move(binds));
}

}  // namespace parley::detail
