// Migration 007 (schema/007_stemming.sql): a database written at schema
// version 6 answers text searches as a fresh one does once migrated.
//
// The version-6 file is made from a fresh one by putting back what
// version 6 stored: its text tables (schema/002_search.sql, with the
// fts5vocab views of 005), holding per event version its titles, summaries
// and the names of its actors and place, and per claim version its quote,
// Arabic normalised and nothing else (the code that wrote them before 007).
#include <algorithm>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <doctest/doctest.h>

#include "parley/database.hpp"
#include "parley/normalize.hpp"
#include "parley/query.hpp"

#include "support.hpp"

namespace {

using Ids = std::vector<std::string>;

// One string of every text in `sql`'s first column, joined by newlines.
std::string joined(SQLite::Database& db, const std::string& sql,
                   std::int64_t version) {
  SQLite::Statement s{db, sql};
  s.bind(1, static_cast<int64_t>(version));
  std::string out;
  while (s.executeStep()) out += s.getColumn(0).getString() + "\n";
  return out;
}

// The names and aliases of the `table` rows that `column` of `from` names
// for the version ?1.
std::string names_sql(const std::string& from, const std::string& table,
                      const std::string& column) {
  std::string out;
  for (const char* field : {"names", "aliases"}) {
    out += std::string(out.empty() ? "" : " UNION ALL ") +
           "SELECT n.value FROM " + from + " x JOIN " + table +
           " t ON t.id "
           "= x." +
           column +
           " AND t.recorded_to IS NULL, json_each(t.doc, "
           "'$." +
           field + "') n WHERE x.version = ?1";
  }
  return out;
}

// What version 6 indexed for the event version `version`.
std::string old_event_text(SQLite::Database& db, std::int64_t version) {
  return parley::normalize_arabic(
      joined(db,
             "SELECT t.value FROM event e, json_each(e.doc, '$.title') t "
             "WHERE e.version = ?1 UNION ALL SELECT s.value FROM event e, "
             "json_each(e.doc, '$.summary') s WHERE e.version = ?1",
             version) +
      joined(db, names_sql("event_actor", "actor", "actor"), version) +
      joined(db, names_sql("event", "place", "place"), version));
}

// Turns the fresh file at `path` into what version 6 stored.
void make_version_6(const std::filesystem::path& path) {
  SQLite::Database db{path.string(), SQLite::OPEN_READWRITE};
  db.exec(
      "DROP TABLE event_search; DROP TABLE claim_search;"
      "CREATE VIRTUAL TABLE event_search USING fts5 (body, tokenize = "
      "'unicode61 remove_diacritics 2');"
      "CREATE VIRTUAL TABLE claim_search USING fts5 (body, tokenize = "
      "'unicode61 remove_diacritics 2');"
      "CREATE VIRTUAL TABLE event_search_terms USING fts5vocab "
      "(event_search, 'row');"
      "CREATE VIRTUAL TABLE claim_search_terms USING fts5vocab "
      "(claim_search, 'row');");
  std::vector<std::int64_t> versions;
  SQLite::Statement events{db, "SELECT version FROM event"};
  while (events.executeStep()) versions.push_back(events.getColumn(0));
  SQLite::Statement insert{
      db, "INSERT INTO event_search (rowid, body) VALUES (?, ?)"};
  for (std::int64_t v : versions) {
    insert.bind(1, static_cast<int64_t>(v));
    insert.bind(2, old_event_text(db, v));
    insert.exec();
    insert.reset();
  }
  SQLite::Statement claims{
      db, "SELECT version, json_extract(doc, '$.quote') FROM claim"};
  SQLite::Statement quote{
      db, "INSERT INTO claim_search (rowid, body) VALUES (?, ?)"};
  while (claims.executeStep()) {
    if (claims.getColumn(1).isNull()) continue;
    quote.bind(1, claims.getColumn(0).getInt64());
    quote.bind(2, parley::normalize_arabic(claims.getColumn(1).getString()));
    quote.exec();
    quote.reset();
  }
  db.exec("PRAGMA user_version = 6");
}

Ids found(const parley::Database& db, const std::string& text) {
  parley::Query q;
  q.text = text;
  q.limit = 0;
  Ids out;
  for (const auto& e : db.query(q).events) out.push_back(e.id.value);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("migration 007: a version-6 file answers as a fresh one") {
  parley::test::TempDir dir;
  const auto fresh_path = dir.path() / "fresh.db";
  const auto old_path = dir.path() / "old.db";
  {
    parley::Database fresh{fresh_path};
    fresh.import_json(parley::test::astana_json());
  }
  std::filesystem::copy_file(fresh_path, old_path);
  make_version_6(old_path);
  {
    // Before migrating, version 6 did not stem: غوطة finds nothing.
    SQLite::Database old{old_path.string(), SQLite::OPEN_READONLY};
    CHECK(old.execAndGet("SELECT count(*) FROM event_search WHERE "
                         "event_search MATCH 'غوطه'")
              .getInt() == 0);
  }
  const parley::Database fresh{fresh_path};
  const parley::Database migrated{old_path};
  CHECK(migrated.schema_version() == fresh.schema_version());
  for (const char* text :
       {"غوطة", "جنيف", "بجنيف", "العلوش", "Kazakhstan", "negotiations",
        "ceasefire", "وقف النار", "Syria", "Geneva talks", "الشهر الحالي",
        "intra-Syrian", "Lavrov", "تثبيت", "fourth Geneva"}) {
    INFO(text);
    const Ids answer = found(fresh, text);
    CHECK(!answer.empty());
    CHECK(found(migrated, text) == answer);
  }
}
