// Database::count: the counts kept by the writes (count tables) agree with
// counting the matching events, through updates and removals, with sums of
// death estimates.
#include <algorithm>

#include <doctest/doctest.h>

#include "parley/database.hpp"

#include "backends.hpp"
#include "support.hpp"

namespace {

parley::Event hostilities(const std::string& id, const char* time, int best,
                          const char* place) {
  parley::Event e;
  e.id = parley::EventId{id};
  e.title = {{"en", id}};
  e.time = parley::Edtf::parse(time);
  parley::Hostilities h;
  h.deaths.best = best;
  h.deaths.low = best / 2;
  e.payload = h;
  e.place = parley::PlaceId{place};
  e.participants = {{parley::ActorId{"actor:russia"}, parley::Role::party}};
  return e;
}

// The same query counted exactly: as of a record time after every write
// (the count tables answer the current state only).
std::vector<parley::Count> exactly(const parley::Database& db, parley::Query q,
                                   parley::Period period,
                                   parley::GroupBy group) {
  q.as_of = parley::parse_record_time("2100-01-01T00:00:00Z");
  return db.count(q, period, group);
}

}  // namespace

TEST_CASE(
    "postgres backend: count tables agree with counting events, through "
    "updates") {
  parley::test::on_each_astana_copy([&](parley::Database& db,
                                        const std::string&) {
    db.add(hostilities("event:h1", "2017-02-20", 10, "place:eastern-ghouta"));
    db.add(hostilities("event:h2", "2017-03", 4, "place:syria"));
    auto moved = hostilities("event:h1", "2017-04-02", 12, "place:syria");
    db.update(moved);  // a new version: the old one no longer counts
    db.remove(parley::EventId{"event:h2"});

    using parley::GroupBy;
    using parley::Period;
    std::vector<parley::Query> queries(4);
    queries[1].kinds = {"violence"};
    queries[2].actors = {parley::ActorId{"actor:russia"}};
    queries[3].places = {parley::PlaceId{"place:syria"}};
    for (const auto& q : queries) {
      for (Period p :
           {Period::day, Period::week, Period::month, Period::year}) {
        for (GroupBy g : {GroupBy::kind, GroupBy::actor, GroupBy::place,
                          GroupBy::process, GroupBy::none}) {
          INFO(std::string(to_string(p)), " ", std::string(to_string(g)),
               " actors ", q.actors.size(), " places ", q.places.size(),
               " kinds ", q.kinds.size());
          const auto counted = db.count(q, p, g);
          CHECK_FALSE(counted.empty());
          CHECK(counted == exactly(db, q, p, g));
        }
      }
    }
    // The sums: only event:h1's current version counts.
    parley::Query violence;
    violence.kinds = {"hostilities"};
    violence.places = {parley::PlaceId{"place:syria"}};
    const auto months = db.count(violence, Period::month, GroupBy::none);
    std::int64_t best = 0, low = 0;
    for (const auto& c : months) best += c.deaths_best, low += c.deaths_low;
    CHECK(best >= 12);
    const auto april = std::find_if(months.begin(), months.end(), [](auto& c) {
      return c.period == "2017-04";
    });
    REQUIRE(april != months.end());
    CHECK(april->count == 1);
    CHECK(april->deaths_best == 12);
    CHECK(april->deaths_low == 6);
  });
}

TEST_CASE("postgres backend: totals count the current versions") {
  parley::test::on_each_astana_copy(
      [&](parley::Database& db, const std::string&) {
        const auto t = db.totals();
        CHECK(t.events == db.events().size());
        CHECK(t.claims == db.claims().size());
        CHECK(t.actors == db.actors().size());
        CHECK(t.places == db.places().size());
        CHECK(t.links == db.links().size());
        db.add(hostilities("event:h1", "2017-02-20", 10, "place:syria"));
        db.remove(parley::EventId{"event:h1"});
        CHECK(db.totals().events == t.events);
      });
}
