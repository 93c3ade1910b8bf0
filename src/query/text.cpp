// The full-text condition of a query (Query::text): every word must match
// the event's text (event_search) or the quote of one of its claims
// (claim_search).
//
// Two plans. Few matches: the matching versions are collected from both
// text indexes and the page is sorted from them (cost follows the number of
// matches). Many matches, for a page: the chronological order is walked and
// each event is checked against the text indexes, stopping after the page
// (cost follows limit × events / matches). The number of matches is bounded
// from the fts5vocab tables of migration 005: the fewest documents any one
// word is in.
#include <algorithm>
#include <cmath>

#include <SQLiteCpp/Statement.h>

#include "parley/normalize.hpp"

#include "query/sql.hpp"

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

// The FTS5 query: every word, quoted, so no word is read as an operator.
std::string match_expression(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& word : words) {
    out += out.empty() ? "\"" : " \"";
    for (char c : word)
      out += c == '"' ? std::string("\"\"") : std::string(1, c);
    out += '"';
  }
  return out;
}

// How many documents of `vocab` hold `word` as one token (ASCII lowercased,
// as the unicode61 tokenizer stores it); 0 when it is not one token there.
std::int64_t documents_with(SQLite::Database& db, const char* vocab,
                            std::string word) {
  for (char& c : word) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  SQLite::Statement s{
      db, std::string("SELECT doc FROM ") + vocab + " WHERE term = ?"};
  s.bind(1, word);
  return s.executeStep() ? s.getColumn(0).getInt64() : 0;
}

// At most how many event versions and claims match every word.
std::int64_t matches_at_most(SQLite::Database& db,
                             const std::vector<std::string>& words) {
  std::int64_t events = INT64_MAX, claims = INT64_MAX;
  for (const std::string& word : words) {
    events = std::min(events, documents_with(db, "event_search_terms", word));
    claims = std::min(claims, documents_with(db, "claim_search_terms", word));
  }
  return events + claims;
}

// Whether walking the chronological order finds a page sooner than
// collecting every match: when matches² > limit × events (the rows walked,
// limit × events / matches, are fewer than the matches).
bool walk_in_order(SQLite::Database& db, const Query& q,
                   const std::vector<std::string>& words) {
  if (q.limit == 0) return false;
  const double matches = static_cast<double>(matches_at_most(db, words));
  const double events = static_cast<double>(
      db.execAndGet("SELECT n FROM current_total WHERE entity = 'event'")
          .getInt64());
  return matches * matches > static_cast<double>(q.limit) * events;
}

}  // namespace

void text_filter(Where& where, SQLite::Database& db, const Query& q) {
  const std::vector<std::string> words = words_of(q.text);
  if (words.empty()) return;
  const std::string match = match_expression(words);
  std::vector<Binding> binds{match, match};
  const std::string claims = visible("c", q, binds);
  if (walk_in_order(db, q, words)) {
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
