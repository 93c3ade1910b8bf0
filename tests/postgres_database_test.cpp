// parley::Database on PostgreSQL, checked against the same writes on
// SQLite (tests/backends.hpp): the reference scenario read back entity by
// entity with its history and record times, writes of every kind, failed
// writes that change nothing, re-imports that change nothing, and the
// read-only open. The reads used here (get by id, lists, export with
// history) need no query Dialect.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "parley/database.hpp"
#include "parley/datasets.hpp"
#include "parley/error.hpp"

#include "backends.hpp"
#include "datasets_support.hpp"
#include "store/access.hpp"
#include "store/postgres/migrate.hpp"
#include "support.hpp"

namespace {

using parley::Database;
using parley::Errc;
using parley::test::fingerprint;
using parley::test::history;
using parley::test::TestDatabase;

parley::WriteOptions at(const std::string& iso) {
  parley::WriteOptions options;
  options.recorded_at = parley::parse_record_time(iso);
  return options;
}

// The error a write throws, as "code where".
template <class F>
std::string error_of(F&& write) {
  try {
    write();
  } catch (const parley::Error& e) {
    return std::string(to_string(e.code())) + " " + e.where();
  }
  return "no error";
}

// Opens both; null when PostgreSQL cannot be tested here.
struct Pair {
  std::unique_ptr<TestDatabase> sqlite = TestDatabase::open("sqlite");
  std::unique_ptr<TestDatabase> postgres = TestDatabase::open("postgres");
};

}  // namespace

TEST_CASE("postgres backend: the scenario reads back as on SQLite") {
  Pair both;
  if (!both.postgres) return;
  Database& lite = both.sqlite->db();
  Database& pg = both.postgres->db();
  const nlohmann::json scenario = parley::test::astana_json();
  lite.import_json(scenario);
  pg.import_json(scenario);

  // Each entity by id, compared with the file (independently of SQLite:
  // its last entry for the id, without the entry's record time) and
  // between the backends.
  std::map<std::string, nlohmann::json> last_event;
  for (const auto& e : scenario["events"]) last_event[e["id"]] = e;
  CHECK(last_event.size() == 25);  // event:geneva-4 has two versions
  for (auto entry : last_event) {
    const std::string& id = entry.first;
    nlohmann::json& e = entry.second;
    e.erase("recorded");
    const auto from_pg = pg.event(parley::EventId{id});
    REQUIRE_MESSAGE(from_pg, id);
    CHECK(*from_pg == e.get<parley::Event>());
    CHECK(*from_pg == *lite.event(parley::EventId{id}));
  }
  for (const auto& a : scenario["actors"]) {
    const parley::ActorId id{a["id"].get<std::string>()};
    REQUIRE(pg.actor(id));
    CHECK(*pg.actor(id) == a.get<parley::Actor>());
  }
  for (auto c : scenario["claims"]) {
    c.erase("recorded");
    const parley::ClaimId id{c["id"].get<std::string>()};
    REQUIRE(pg.claim(id));
    CHECK(*pg.claim(id) == c.get<parley::Claim>());
  }
  CHECK(pg.places().size() == scenario["places"].size());
  CHECK(pg.processes().size() == scenario["processes"].size());
  CHECK(pg.sources().size() == scenario["sources"].size());
  CHECK(pg.links().size() == scenario["links"].size());
  // Every version and its record times; and what the triggers keep.
  CHECK(history(pg) == history(lite));
  CHECK(fingerprint(pg) == fingerprint(lite));
}

TEST_CASE("postgres backend: the search text of every version is indexed") {
  Pair both;
  if (!both.postgres) return;
  both.postgres->db().import_json(parley::test::astana_json());
  both.sqlite->db().import_json(parley::test::astana_json());
  auto& pg = parley::detail::DatabaseAccess::backend(both.postgres->db());
  auto& lite = parley::detail::DatabaseAccess::backend(both.sqlite->db());
  auto count = [](parley::detail::Backend& b, const std::string& sql) {
    const auto rows = b.run(sql);
    REQUIRE(rows->next());
    return rows->int64(0);
  };
  CHECK(count(pg, "SELECT count(*) FROM event WHERE search IS NULL") == 0);
  CHECK(count(pg, "SELECT count(*) FROM claim WHERE search IS NOT NULL") ==
        count(lite, "SELECT count(*) FROM claim_search"));
  // An actor's Arabic name, normalised by searchable() and stemmed by the
  // server, finds the events that name the actor.
  CHECK(count(pg,
              "SELECT count(*) FROM event WHERE search @@ "
              "to_tsquery('parley', 'astana')") > 0);
}

TEST_CASE("postgres backend: writes of every kind give SQLite's history") {
  Pair both;
  if (!both.postgres) return;
  for (auto* test : {both.sqlite.get(), both.postgres.get()}) {
    Database& db = test->db();
    db.import_json(parley::test::astana_json());
    auto actor = *db.actor(parley::ActorId{"actor:armed-opposition"});
    actor.aliases.push_back("the factions");
    db.update(actor, at("2017-03-01T00:00:00Z"));
    auto place = *db.place(parley::PlaceId{"place:syria"});
    place.names["fr"] = "Syrie";
    db.update(place, at("2017-03-01T00:00:01Z"));
    auto event = *db.event(parley::EventId{"event:astana-2"});
    event.title["fr"] = "Deuxième tour d'Astana";
    db.update(event, at("2017-03-01T00:00:02Z"));
    parley::Event added = parley::test::make_event("event:added", "2017-03-02",
                                                   "A later meeting");
    added.place = parley::PlaceId{"place:syria"};
    db.add(added, at("2017-03-02T00:00:00Z"));
    parley::Link link;
    link.from = parley::EventId{"event:added"};
    link.kind = parley::LinkKind::follows;
    link.to = parley::EventId{"event:astana-2"};
    db.add(link, at("2017-03-02T00:00:01Z"));
    db.remove(link, at("2017-03-03T00:00:00Z"));
    db.remove(parley::ClaimId{"claim:f1"}, at("2017-03-03T00:00:01Z"));
    db.remove(parley::EventId{"event:added"}, at("2017-03-04T00:00:00Z"));
  }
  Database& lite = both.sqlite->db();
  Database& pg = both.postgres->db();
  CHECK(!pg.claim(parley::ClaimId{"claim:f1"}));
  CHECK(pg.claim(parley::ClaimId{"claim:f1"},
                 {parley::parse_record_time("2017-03-01T00:00:00Z")}));
  CHECK(pg.event(parley::EventId{"event:astana-2"})->title.at("fr") ==
        "Deuxième tour d'Astana");
  CHECK(history(pg) == history(lite));
  CHECK(fingerprint(pg) == fingerprint(lite));
}

TEST_CASE("postgres backend: a failed write changes nothing, as on SQLite") {
  Pair both;
  if (!both.postgres) return;
  for (auto* test : {both.sqlite.get(), both.postgres.get()}) {
    INFO("backend: " << test->backend());
    Database& db = test->db();
    db.import_json(parley::test::astana_json());
    const std::string before = fingerprint(db);
    const std::string versions = history(db);

    auto actor = *db.actor(parley::ActorId{"actor:armed-opposition"});
    CHECK(error_of([&] { db.add(actor); }) == "conflict actor");
    parley::Event dangling =
        parley::test::make_event("event:dangling", "2017-03-05");
    parley::Participant nobody;
    nobody.actor = parley::ActorId{"actor:nobody"};
    dangling.participants.push_back(nobody);
    CHECK(error_of([&] { db.add(dangling); }) ==
          "bad_reference event/participants/0/actor");
    parley::Place bad = *db.place(parley::PlaceId{"place:syria"});
    bad.coordinates->lat = 200;
    CHECK(error_of([&] { db.update(bad); }) ==
          "bad_value place/coordinates/lat");
    // A document whose last entry names nothing: none of it is written.
    nlohmann::json doc = parley::test::astana_json();
    doc["events"][0]["title"]["en"] = "Changed";
    doc["claims"].push_back({{"id", "claim:dangling"},
                             {"event", "event:astana-2"},
                             {"source", "source:none"},
                             {"stance", "asserts"}});
    CHECK(error_of([&] { db.import_json(doc); }).starts_with("bad_reference"));
    // Removing an event that claims still name.
    CHECK(error_of([&] {
            db.remove(parley::EventId{"event:astana-2"});
          }).starts_with("bad_reference"));

    CHECK(fingerprint(db) == before);
    CHECK(history(db) == versions);
  }
}

TEST_CASE("postgres backend: importing the scenario again changes nothing") {
  PARLEY_POSTGRES_DATABASE(server);
  Database db{server.conninfo()};
  db.import_json(parley::test::astana_json());
  const std::string before = fingerprint(db);
  const std::string versions = history(db);
  db.import_json(parley::test::astana_json());
  CHECK(fingerprint(db) == before);
  CHECK(history(db) == versions);
}

TEST_CASE("postgres backend: a read-only open neither migrates nor writes") {
  PARLEY_POSTGRES_DATABASE(server);
  parley::OpenOptions read_only;
  read_only.read_only = true;
  CHECK_THROWS_WITH_AS(Database(server.conninfo(), read_only),
                       doctest::Contains("parley init"), parley::Error);
  {
    Database db{server.conninfo()};  // migrates
    // PostgreSQL's own latest format (SQLite's is latest_schema_version).
    CHECK(db.schema_version() == parley::detail::postgres_latest_version());
    db.import_json(parley::test::astana_json());
  }
  Database reader{server.conninfo(), read_only};
  // 26 entries, two of them versions of event:geneva-4.
  CHECK(reader.events().size() == 25);
  auto actor = *reader.actor(parley::ActorId{"actor:armed-opposition"});
  actor.aliases.push_back("x");
  CHECK_THROWS_AS(reader.update(actor), parley::Error);
  CHECK(reader.actor(parley::ActorId{"actor:armed-opposition"})->aliases ==
        parley::test::astana_json()["actors"][0]["aliases"]
            .get<std::vector<std::string>>());
}

// tests/rules/calendar.json lists each rule's dependent before its anchor
// (the writer defers them), worked out by hand in tests/time_rule_test.cpp.
TEST_CASE("postgres backend: deferred rules and pending references") {
  Pair both;
  if (!both.postgres) return;
  const nlohmann::json later_parent = nlohmann::json::parse(R"({
    "format": "parley", "version": 1, "recorded": "2016-12-20T00:00:00Z",
    "events": [
      {"id": "event:session", "kind": "meeting", "title": {"en": "A session"},
       "time": "2016-12-21", "parent": "event:round"},
      {"id": "event:round", "kind": "meeting", "title": {"en": "A round"},
       "time": "2016-12-21/2016-12-22"}]})");
  std::vector<std::string> errors;
  for (auto* test : {both.sqlite.get(), both.postgres.get()}) {
    INFO("backend: " << test->backend());
    Database& db = test->db();
    db.import_file(PARLEY_SOURCE_DIR "/tests/rules/calendar.json");
    const auto time_of = [&](const char* id) {
      return db.event(parley::EventId{id})->time.str();
    };
    CHECK(time_of("event:withdraw-start") == "../2016-12-05");
    CHECK(time_of("event:withdraw-complete") == "2016-12-05/2016-12-26");
    auto ceasefire = *db.event(parley::EventId{"event:ceasefire"});
    ceasefire.time = parley::Edtf::parse("2016-12-03T04:30:00Z");
    db.update(ceasefire, at("2016-12-10T09:00:00Z"));
    CHECK(time_of("event:withdraw-start") == "../2016-12-07");
    CHECK(time_of("event:withdraw-complete") == "2016-12-07/2016-12-28");
    // A rule's anchor cannot be removed while the rule names it.
    CHECK(error_of([&] {
            db.remove(parley::EventId{"event:ceasefire"});
          }).starts_with("bad_reference"));
    db.import_json(later_parent);
    CHECK(db.event(parley::EventId{"event:session"})->parent->value ==
          "event:round");
    nlohmann::json dangling = later_parent;
    dangling["events"][0]["parent"] = "event:nowhere";
    errors.push_back(error_of([&] { db.import_json(dangling); }));
    CHECK(errors.back().starts_with("bad_reference /events/0"));
  }
  CHECK(errors.front() == errors.back());  // the same where() on both
  CHECK(history(both.postgres->db()) == history(both.sqlite->db()));
  CHECK(fingerprint(both.postgres->db()) == fingerprint(both.sqlite->db()));
}

// The real UCDP rows of ../shared/data (skipped when absent), imported as a
// release on both backends, then again: every row unchanged the second time.
TEST_CASE("postgres backend: a UCDP release imports as on SQLite") {
  const std::filesystem::path file =
      parley::test::shared_data("ucdp-ged-syria-2017-02-15--2017-03-05.csv");
  if (file.empty()) return;
  const std::size_t rows = parley::test::read_csv_rows(file).size();
  Pair both;
  if (!both.postgres) return;
  parley::DatasetOptions options;
  options.release = "23.1";
  options.recorded = parley::parse_record_time("2023-06-01T00:00:00Z");
  std::vector<std::size_t> first, second;
  for (auto* test : {both.sqlite.get(), both.postgres.get()}) {
    INFO("backend: " << test->backend());
    const parley::ImportCounts once = parley::import_dataset(
        test->db(), parley::Dataset::ucdp, {file}, options);
    CHECK(once.read == rows);
    CHECK(once.imported + once.rejected == once.read);
    first.insert(first.end(), {once.imported, once.rejected, once.flagged});
    const std::string before = fingerprint(test->db());
    const parley::ImportCounts again = parley::import_dataset(
        test->db(), parley::Dataset::ucdp, {file}, options);
    CHECK(again.unchanged == once.imported);
    CHECK(again.imported + again.updated + again.closed == 0);
    CHECK(fingerprint(test->db()) == before);
  }
  CHECK(std::vector(first.begin(), first.begin() + 3) ==
        std::vector(first.begin() + 3, first.end()));
  CHECK(history(both.postgres->db()) == history(both.sqlite->db()));
  CHECK(fingerprint(both.postgres->db()) == fingerprint(both.sqlite->db()));
}
