// Text search: Arabic light stemming (parley/normalize.hpp's arabic_stems
// and arabic_query_stems), English porter stemming, the names of containing
// places and the headlines of cited sources in the index, and migration 007
// answering as a fresh database does.
#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "parley/database.hpp"
#include "parley/error.hpp"
#include "parley/normalize.hpp"
#include "parley/query.hpp"

#include "backends.hpp"
#include "support.hpp"

namespace {

using Ids = std::vector<std::string>;

struct Pair {
  const char* document;  // an event's title
  const char* query;
  bool matches;
};

// Each pair: the document alone in the database, then the query. Expected
// values by hand, from the rules in normalize.hpp.
const Pair arabic[] = {
    {"حصار الغوطة الشرقية", "غوطة", true},    // article off
    {"الجولة الرابعة بجنيف", "جنيف", true},   // preposition off
    {"محادثات جنيف", "بجنيف", true},          // off the query too
    {"تصريح علوش للصحفيين", "العلوش", true},  // article off the query
    {"قال العلوش", "علوش", true},             //
    {"انتهاء المفاوضات", "مفاوضات", true},    // article, plural ات
    {"وفد المفاوضين", "مفاوضات", true},       // ين and ات: مفاوض
    {"والمفاوضات مستمرة", "المفاوضة", true},  // وال, ة
    {"بنود الاتفاقية", "اتفاقيات", true},     // ية and يات: اتفاق
    {"اتفاق وقف النار", "الاتفاق", true},     //
    {"وصل الوفد", "وفد", true},               // short stem kept whole
    {"المعارضة السورية", "معارضه", true},     // ة written as ه
    {"للحكومة السورية", "حكومة", true},       // لل
    {"قصف في حلب", "بحلب", true},             // ب off a 3-letter word
    {"اجتماع بأستانا", "أستانا", true},       // hamza normalised, ب off
    {"إيران وروسيا وتركيا", "روسيا", true},   // و off
    {"اللقاء في لبنان", "بلبنان", true},      // a word with ل in its root
    {"ضمانات في بلبنان", "لبنان", true},      //
    {"وقف النار", "وقفة", true},              // ة: a stem of 3 letters
    {"وفد المعارضة", "وفود", false},          // a broken plural: no
    {"حلب", "حلبة", true},                    // ة off, 3 letters left
    {"قصف", "وصف", false},                    // و not taken off قصف/وصف
    {"الأمم المتحدة", "متحد", true},          //
    {"وزير الخارجية", "الوزير", true},        //
    {"مطار دمشق", "دمشقية", true},            // ية
    {"اجتماع أستانا", "جنيف", false},         // another word entirely
    {"سيرغي لافروف", "لافروفي", true},        // ي
    {"الغوطة", "غوطتين", false},              // dual ت+ين: not stripped
};

const Pair english[] = {
    {"Negotiated ceasefire in Ghouta", "negotiations", true},
    {"Negotiations resume in Geneva", "negotiated", true},
    {"Talks between delegations", "talk", true},
    {"A delegation arrives", "delegations", true},
    {"Shelling of the capital", "shelled", true},
    {"Convoys reach the city", "convoy", true},
    {"Detainees released", "release", true},
    {"Monitoring the truce", "monitored", true},
    {"Agreement on monitoring", "agreements", true},
    {"Fighting in the north", "fights", true},
    {"Talks in Astana", "stalks", false},
    {"Convoy reached the river", "driver", false},
    {"Meeting in Genève", "geneve", true},  // diacritics folded
};

parley::Event titled(const std::string& id, const char* title) {
  return parley::test::make_event(id, "2017-02-16", title);
}

// Every pair's document, each its own event: event:ar-N, event:en-N for
// the Nth pair of `arabic` and `english`.
void add_pairs(parley::Database& db) {
  int n = 0;
  for (const Pair& p : arabic) {
    db.add(titled("event:ar-" + std::to_string(n++), p.document));
  }
  n = 0;
  for (const Pair& p : english) {
    db.add(titled("event:en-" + std::to_string(n++), p.document));
  }
}

// Whether `query` finds the event `id` in `db` (every match, one page).
bool finds(const parley::Database& db, const std::string& id,
           const char* query) {
  parley::Query q;
  q.text = query;
  q.limit = 0;
  for (const auto& e : db.query(q).events) {
    if (e.id.value == id) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("arabic_stems: article, prefixes and suffixes, three letters kept") {
  using V = std::vector<std::string>;
  CHECK(parley::arabic_stems("والمفاوضات") == V{"والمفاوض", "مفاوض"});
  CHECK(parley::arabic_stems("الغوطه") == V{"الغوط", "غوط"});
  CHECK(parley::arabic_stems("بجنيف") == V{"جنيف"});
  CHECK(parley::arabic_stems("وفد").empty());       // و would leave 2 letters
  CHECK(parley::arabic_stems("الله") == V{"الل"});  // ال would leave 2
  CHECK(parley::arabic_stems("Geneva").empty());    // not Arabic
  CHECK(parley::arabic_stems("جنيف2").empty());     // not all letters
  CHECK(parley::arabic_query_stems("لبنان") == V{"لبن", "بنان", "نان"});
  CHECK(parley::arabic_stems("بلبنان") ==
        V{"بلبن", "لبن", "بنان", "نان"});  // three
  CHECK(parley::arabic_query_stems("وبالغوطه") ==
        V{"وبالغوط", "بالغوط", "غوط"});
  CHECK(parley::arabic_query_stems("علوش").empty());
}

// Each pair's document beside the others' (which the query may find too).
TEST_CASE("postgres backend: Arabic query/document pairs") {
  parley::test::on_each_kept(
      "pairs", add_pairs, [](const parley::Database& db, const std::string&) {
        int n = 0;
        for (const Pair& p : arabic) {
          INFO(p.document << " / " << p.query);
          CHECK(finds(db, "event:ar-" + std::to_string(n++), p.query) ==
                p.matches);
        }
      });
}

TEST_CASE("postgres backend: English query/document pairs (porter)") {
  parley::test::on_each_kept(
      "pairs", add_pairs, [](const parley::Database& db, const std::string&) {
        int n = 0;
        for (const Pair& p : english) {
          INFO(p.document << " / " << p.query);
          CHECK(finds(db, "event:en-" + std::to_string(n++), p.query) ==
                p.matches);
        }
      });
}

TEST_CASE(
    "postgres backend: a word matches its exact form as well as its stem") {
  parley::test::on_each_backend([&](parley::Database& db, const std::string&) {
    db.add(titled("event:exact", "الغوطة"));
    db.add(titled("event:other", "الغوطات"));  // same stem غوط
    db.add(titled("event:none", "الغطاء"));
    parley::Query q;
    q.text = "الغوطة";
    Ids found;
    for (const auto& e : db.query(q).events) found.push_back(e.id.value);
    std::sort(found.begin(), found.end());
    CHECK(found == Ids{"event:exact", "event:other"});
  });
}

namespace {

Ids found(const parley::Database& db, const std::string& text) {
  parley::Query q;
  q.text = text;
  q.limit = 0;
  Ids out;
  for (const auto& e : db.query(q).events) out.push_back(e.id.value);
  std::sort(out.begin(), out.end());
  return out;
}

parley::Place place(const std::string& id, parley::PlaceKind kind,
                    parley::Texts names, const char* parent) {
  parley::Place p;
  p.id = parley::PlaceId{id};
  p.kind = kind;
  p.names = std::move(names);
  if (parent) p.parent = parley::PlaceId{parent};
  return p;
}

// Syria > Aleppo governorate > Aleppo; an event in the city, another with
// a claim citing a source whose headline names the citadel.
void add_aleppo(parley::Database& db) {
  using parley::PlaceKind;
  db.add(place("place:syria", PlaceKind::country,
               {{"en", "Syria"}, {"ar", "سوريا"}}, nullptr));
  db.add(place("place:aleppo-gov", PlaceKind::region,
               {{"en", "Aleppo governorate"}, {"ar", "محافظة حلب"}},
               "place:syria"));
  db.add(place("place:aleppo", PlaceKind::city, {{"en", "Aleppo city"}},
               "place:aleppo-gov"));
  parley::Event in_city = titled("event:in-city", "Shelling reported");
  in_city.place = parley::PlaceId{"place:aleppo"};
  db.add(in_city);
  db.add(titled("event:cited", "Clashes reported"));
  parley::Source source;
  source.id = parley::SourceId{"source:report"};
  source.title = "Fighting near the citadel";
  db.add(source);
  parley::Claim claim;
  claim.id = parley::ClaimId{"claim:1"};
  claim.event = parley::EventId{"event:cited"};
  claim.source = source.id;
  db.add(claim);  // no quote: the headline alone is indexed
}

}  // namespace

TEST_CASE(
    "postgres backend: the index holds containing places and cited sources' "
    "headlines") {
  parley::test::on_each_backend([&](parley::Database& db, const std::string&) {
    add_aleppo(db);
    CHECK(found(db, "governorate") == Ids{"event:in-city"});
    CHECK(found(db, "سوريا") == Ids{"event:in-city"});
    CHECK(found(db, "بمحافظة") == Ids{"event:in-city"});  // stemmed too
    CHECK(found(db, "citadel") == Ids{"event:cited"});
    CHECK(found(db, "fight") == Ids{"event:cited"});  // porter
    CHECK(found(db, "reported") == Ids{"event:cited", "event:in-city"});
  });
}

TEST_CASE(
    "postgres backend: a claim read before the source it cites is indexed "
    "with its headline") {
  parley::test::on_each_backend(
      [&](parley::Database& db, const std::string& backend) {
        add_aleppo(db);
        // An export's keys are sorted: its claims come before its sources, and
        // a streamed import writes them in that order.
        const std::string exported = db.export_json().dump();
        REQUIRE(exported.find("\"claims\"") < exported.find("\"sources\""));
        const auto streamed = parley::test::TestDatabase::open(backend);
        REQUIRE(streamed);
        std::istringstream in{exported};
        streamed->db().import_json(in);
        CHECK(found(streamed->db(), "citadel") == Ids{"event:cited"});
        CHECK(found(streamed->db(), "fight") == Ids{"event:cited"});
        // A source never written is an unknown reference: nothing is written.
        nlohmann::json orphan = nlohmann::json::parse(exported);
        orphan["sources"] = nlohmann::json::array();
        orphan["claims"][0]["id"] = "claim:2";
        orphan["claims"][0]["source"] = "source:missing";
        std::istringstream again{orphan.dump()};
        const std::string before = parley::test::stored_state(streamed->db());
        CHECK_THROWS_AS(streamed->db().import_json(again), parley::Error);
        CHECK(parley::test::stored_state(streamed->db()) == before);
      });
}

TEST_CASE(
    "postgres backend: the Astana example: Geneva in Arabic, with and without "
    "ب") {
  parley::test::on_each_astana([&](const parley::Database& db,
                                   const std::string&) {
    // event:geneva-4 is at place:geneva, whose Arabic name is جنيف.
    const Ids geneva = found(db, "جنيف");
    CHECK(std::count(geneva.begin(), geneva.end(), "event:geneva-4") == 1);
    CHECK(found(db, "بجنيف") == geneva);
    // Kazakhstan is the country containing Astana: the round is found by it.
    const Ids kazakhstan = found(db, "Kazakhstan");
    CHECK(std::count(kazakhstan.begin(), kazakhstan.end(), "event:astana-2") ==
          1);
  });
}

// Migration 007 (schema/007_stemming.sql): a database written at schema
// version 6 answers text searches as a fresh one does once migrated.
//
// The version-6 file is made from a fresh one by putting back what
// version 6 stored: its text tables (schema/002_search.sql, with the
// fts5vocab views of 005), holding per event version its titles, summaries
// and the names of its actors and place, and per claim version its quote,
// Arabic normalised and nothing else (the code that wrote them before 007).
namespace {

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

// Turns the fresh file at `path` into what version 6 stored: the search
// tables as they were, and without what migration 008 adds.
void make_version_6(const std::filesystem::path& path) {
  SQLite::Database db{path.string(), SQLite::OPEN_READWRITE};
  db.exec(
      "DROP TRIGGER event_rule_insert; DROP TRIGGER event_rule_close;"
      "DROP TABLE event_rule;"
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
