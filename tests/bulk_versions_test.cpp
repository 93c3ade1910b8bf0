// An import lets event and claim versions wait and sends them in bulk
// where the server loads that way (PostgreSQL: COPY into a staging table,
// one INSERT per 4,096; src/store/postgres/write_dialect.cpp), and every
// read of the Writer's that they could change sends them first. The oracle
// is SQLite, which inserts each version at once: the streamed and the
// in-memory Document import on PostgreSQL must store the same rows, counts
// and history as the streamed import on SQLite.
#include <sstream>
#include <string>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "parley/database.hpp"

#include "backends.hpp"

namespace {

// One batch of kept versions sent on the way (4,096), the rest at the end.
constexpr int events = 4200;

std::string event_id(int i) { return "event:e" + std::to_string(i); }

// Event i: at place i % 5 and with actor i % 10, both written after the
// events (their search text waits for them); every 1,000th names the one
// before it as parent; one has a time rule anchored on a kept event. Then
// new versions (the same ids, a later record time) of the last 50 events,
// still kept, and of events 0..49, sent by then,
// a claim on every event (one batch of kept claims sent on the way) and new
// versions of 100 of them (50 still kept, 50 sent), links on kept events,
// and the places, actors and source.
nlohmann::json document() {
  nlohmann::json doc = {{"format", "parley"},
                        {"version", 1},
                        {"recorded", "2020-01-01T00:00:00Z"}};
  nlohmann::json list = nlohmann::json::array();
  for (int i = 0; i < events; ++i) {
    nlohmann::json e = {
        {"id", event_id(i)},
        {"kind", "meeting"},
        {"time",
         "20" + std::to_string(10 + i % 10) + "-05-1" + std::to_string(i % 9)},
        {"title", {{"en", "round " + std::to_string(i)}}},
        {"place", "place:p" + std::to_string(i % 5)},
        {"topics", {"t" + std::to_string(i % 3)}},
        {"participants",
         {{{"actor", "actor:a" + std::to_string(i % 10)}, {"role", "party"}}}}};
    if (i % 1000 == 1) e["parent"] = event_id(i - 1);
    list.push_back(e);
  }
  // In the middle of the first batch, anchored on a version kept then.
  const nlohmann::json rule = {{"anchor_event", event_id(7)},
                               {"rule", "day_after"},
                               {"count", 5},
                               {"sense", "no_later_than"}};
  const nlohmann::json after = {{"id", "event:after"},
                                {"kind", "custom"},
                                {"title", {{"en", "five days after round 7"}}},
                                {"time_rule", rule},
                                {"details", {{"name", "after round 7"}}}};
  list.insert(list.begin() + 2000, after);
  // The kept ones first: revising round 7 re-derives the rule's event,
  // which sends what is kept.
  for (int k = 0; k < 100; ++k) {
    const int i = k < 50 ? events - 50 + k : k - 50;
    nlohmann::json e = list[static_cast<std::size_t>(i < 2000 ? i : i + 1)];
    e["title"]["en"] = "round " + std::to_string(i) + ", revised";
    e["recorded"] = "2021-01-01T00:00:00Z";
    list.push_back(e);
  }
  doc["events"] = list;
  doc["claims"] = nlohmann::json::array();
  doc["links"] = nlohmann::json::array();
  for (int i = 0; i < events; ++i) {
    doc["claims"].push_back({{"id", "claim:c" + std::to_string(i)},
                             {"event", event_id(i)},
                             {"source", "source:s"},
                             {"stance", "asserts"}});
  }
  for (int k = 0; k < 100; ++k) {
    nlohmann::json c =
        doc["claims"][static_cast<std::size_t>(k < 50 ? events - 50 + k : k)];
    c["stance"] = "denies";
    c["quote"] = "no ceasefire was agreed";
    c["recorded"] = "2021-01-01T00:00:00Z";
    doc["claims"].push_back(c);
  }
  for (int i = 0; i < events; i += 100) {
    doc["links"].push_back(
        {{"from", event_id(i + 1)}, {"kind", "follows"}, {"to", event_id(i)}});
  }
  doc["places"] = nlohmann::json::array();
  for (int p = 0; p < 5; ++p) {
    doc["places"].push_back({{"id", "place:p" + std::to_string(p)},
                             {"kind", "city"},
                             {"names", {{"en", "Town" + std::to_string(p)}}}});
  }
  doc["actors"] = nlohmann::json::array();
  for (int a = 0; a < 10; ++a) {
    doc["actors"].push_back(
        {{"id", "actor:a" + std::to_string(a)},
         {"kind", "armed_group"},
         {"names", {{"en", "Group " + std::to_string(a)}}}});
  }
  doc["sources"] = {{{"id", "source:s"}, {"title", "a report"}}};
  return doc;
}

std::size_t found(const parley::Database& db, const parley::Query& q) {
  return db.query(q).events.size();
}

}  // namespace

TEST_CASE(
    "postgres backend: an import in bulk stores what SQLite stores, version "
    "for version") {
  const nlohmann::json doc = document();
  std::string on_sqlite;
  parley::test::on_each_backend(
      [&](parley::Database& streamed, const std::string& backend) {
        std::istringstream in{doc.dump()};
        streamed.import_json(in);
        auto in_memory = parley::test::TestDatabase::open(backend);
        REQUIRE(in_memory);
        in_memory->db().import_json(doc);
        const std::string state = parley::test::stored_state(streamed);
        CHECK(parley::test::stored_state(in_memory->db()) == state);
        if (backend == "sqlite") {
          on_sqlite = state;
        } else {
          CHECK(state == on_sqlite);
        }

        // The Document writes the source first (kept, on a server that
        // loads in bulk): each claim's search text holds its title.
        parley::Query report;
        report.text = "report";
        CHECK(found(in_memory->db(), report) == events);

        CHECK(streamed.totals().events == events + 1);
        CHECK(streamed.totals().claims == events);
        // The waiting search text names the place written after the events.
        parley::Query town;
        town.text = "Town3";
        CHECK(found(streamed, town) == events / 5);
        parley::Query group;
        group.actors = {parley::ActorId{"actor:a4"}};
        CHECK(found(streamed, group) == events / 10);
        parley::Query revised;
        revised.text = "revised";
        CHECK(found(streamed, revised) == 100);
        // The claims' new versions, kept or sent when they came.
        parley::Query ceasefire;
        ceasefire.text = "ceasefire";
        CHECK(found(streamed, ceasefire) == 100);
        CHECK(streamed.claim(parley::ClaimId{"claim:c4199"})->stance ==
              parley::Stance::denies);
        // The rule's anchor was a kept version: round 7 is on 2017-05-17.
        CHECK(streamed.event(parley::EventId{"event:after"})->time.str() ==
              "../2017-05-22");
      });
}
