// A streamed import lets event versions wait and sends them in bulk where
// the server loads that way (PostgreSQL: COPY into a staging table, one
// INSERT per 4,096; src/store/postgres/write_dialect.cpp), and every read
// of the Writer's that they could change sends them first. The oracle is
// the same document imported through the in-memory Document, whose Writer
// sends each version at once: both must store the same rows, versions and
// counts, on each backend, and the two backends the same history.
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
// claims and links on kept events, and the places, actors and source.
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
  for (int i = 0; i < events; i += 100) {
    doc["claims"].push_back({{"id", "claim:c" + std::to_string(i)},
                             {"event", event_id(i)},
                             {"source", "source:s"},
                             {"stance", "asserts"}});
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
    "postgres backend: a streamed import stores what a Document import "
    "stores") {
  const nlohmann::json doc = document();
  std::string sqlite_history;
  parley::test::on_each_backend(
      [&](parley::Database& streamed, const std::string& backend) {
        std::istringstream in{doc.dump()};
        streamed.import_json(in);
        auto oracle = parley::test::TestDatabase::open(backend);
        REQUIRE(oracle);
        oracle->db().import_json(doc);
        CHECK(parley::test::stored_state(streamed) ==
              parley::test::stored_state(oracle->db()));

        CHECK(streamed.totals().events == events + 1);
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
        // The rule's anchor was a kept version: round 7 is on 2017-05-17.
        CHECK(streamed.event(parley::EventId{"event:after"})->time.str() ==
              "../2017-05-22");

        if (backend == "sqlite") {
          sqlite_history = parley::test::history(streamed);
        } else {
          CHECK(parley::test::history(streamed) == sqlite_history);
        }
      });
}
