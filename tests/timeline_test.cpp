// parley/timeline.hpp: chronological order for imprecise dates, and a
// timeline that carries everything its events name.
#include "parley/timeline.hpp"

#include <doctest/doctest.h>

#include "backends.hpp"
#include "support.hpp"

namespace {

parley::Event at(const char* id, const char* time) {
  parley::Event e;
  e.id = parley::EventId{id};
  e.title = {{"en", id}};
  e.time = parley::Edtf::parse(time);
  e.payload = parley::Meeting{};
  return e;
}

std::vector<std::string> order(std::vector<parley::Event> events) {
  std::sort(events.begin(), events.end(), parley::chronological);
  std::vector<std::string> ids;
  for (const auto& e : events) ids.push_back(e.id.value);
  return ids;
}

}  // namespace

TEST_CASE("chronological: earliest start, then latest end, then id") {
  CHECK(order({at("b", "2017-02-16"), at("a", "2017-02-16")}) ==
        std::vector<std::string>{"a", "b"});
  // February starts before the 16th, and the month ends after the day.
  CHECK(order({at("day", "2017-02-16"), at("month", "2017-02"),
               at("open", "../2017-02-10"), at("year", "2017")}) ==
        std::vector<std::string>{"open", "year", "month", "day"});
  CHECK(order({at("feb", "2017-02"), at("feb1", "2017-02-01")}) ==
        std::vector<std::string>{"feb1", "feb"});
  CHECK(order({at("later", "2017-02-16/.."), at("day", "2017-02-16")}) ==
        std::vector<std::string>{"day", "later"});
}

TEST_CASE(
    "postgres backend: a timeline carries the actors, places, claims and links "
    "named") {
  parley::test::on_each_astana([&](const parley::Database& db,
                                   const std::string&) {
    auto pledge = *db.event(parley::EventId{"event:pledge-lift-ghouta-siege"});
    auto siege = *db.event(parley::EventId{"event:ghouta-siege"});
    const auto t = parley::make_timeline(db, {siege, pledge});

    REQUIRE(t.events.size() == 2);
    CHECK(t.events[0].id.value == "event:ghouta-siege");  // id breaks the tie
    CHECK(t.actor(parley::ActorId{"actor:russia"}));      // the pledger
    CHECK(t.actor(parley::ActorId{"actor:alloush"}));     // the claimant
    CHECK_FALSE(t.actor(parley::ActorId{"actor:iran"}));
    const auto path = t.place_path(parley::PlaceId{"place:eastern-ghouta"});
    REQUIRE(path.size() == 3);
    CHECK(path[2]->id.value == "place:syria");
    CHECK(t.claims_on(pledge.id).size() == 1);
    CHECK(t.sources.size() == 1);
    REQUIRE(t.links.size() == 1);
    CHECK(t.links[0].kind == parley::LinkKind::references);
    CHECK(t.coordinates(siege)->lat == doctest::Approx(33.55));
    // Astana's coordinates come from the city itself; Rif Dimashq has none
    // and would fall back to Syria's.
    CHECK(t.coordinates(pledge)->lon == doctest::Approx(71.4491));
  });
}
