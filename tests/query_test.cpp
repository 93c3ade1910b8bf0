// parley/query.hpp: every filter alone and combined, on the Astana data;
// order, pagination, counts, as-of, text search in both scripts, and
// hostile input through every text filter.
#include "parley/query.hpp"

#include <doctest/doctest.h>

#include "parley/database.hpp"
#include "parley/error.hpp"
#include "parley/timeline.hpp"

#include "backends.hpp"
#include "query/sql.hpp"
#include "store/impl.hpp"
#include "support.hpp"

namespace {

using namespace std::string_literals;
using Ids = std::vector<std::string>;

Ids ids(const parley::Page& page) {
  Ids out;
  for (const auto& e : page.events) out.push_back(e.id.value);
  return out;
}

Ids run(const parley::Database& db, const parley::Query& q) {
  return ids(db.query(q));
}

// The ids of every page of `q`, following each page's cursor.
Ids every_page(const parley::Database& db, parley::Query q) {
  Ids out;
  for (;;) {
    const parley::Page page = db.query(q);
    for (const auto& e : page.events) out.push_back(e.id.value);
    if (!page.next) return out;
    q.after = page.next;
  }
}

Ids sorted(Ids v) {
  std::sort(v.begin(), v.end());
  return v;
}

parley::TimeFilter window(const char* edtf, parley::Relations relations,
                          parley::Certainty certainty) {
  return {parley::Edtf::parse(edtf), relations, certainty};
}

// The 15 events of the round itself, all on 2017-02-16, in id order.
const Ids round_day = {
    "event:astana-2",
    "event:astana-2-session-1",
    "event:astana-2-session-2",
    "event:astana-2-session-3",
    "event:ceasefire-committee-agreement",
    "event:demand-arab-role",
    "event:detention-visit-committees",
    "event:first-day-agenda",
    "event:no-ceasefire-consolidation",
    "event:no-new-agreement",
    "event:pledge-lift-ghouta-siege",
    "event:pledge-stop-shelling",
    "event:rejection-iran-role",
    "event:release-100-detainees",
    "event:truce-monitoring",
};

}  // namespace

TEST_CASE(
    "postgres backend: no filter: every current event, in chronological "
    "order") {
  parley::test::on_each_astana([&](const parley::Database& db,
                                   const std::string&) {
    const Ids all = run(db, {});
    REQUIRE(all.size() == 25);
    // Open starts first ([..2017-02-16] events), 2015's resolution next.
    CHECK(all[5] == "event:unsc-2254");
    CHECK(all.back() == "event:geneva-4");
    auto events = db.query({}).events;
    CHECK(std::is_sorted(events.begin(), events.end(), parley::chronological));
  });
}

TEST_CASE("postgres backend: process filter, with nested processes") {
  parley::test::on_each_astana([&](const parley::Database& db,
                                   const std::string&) {
    parley::Query q;
    q.processes = {parley::ProcessId{"process:astana"}};
    Ids expected = {"event:un-supports-astana",
                    "event:opposition-late-arrival"};
    expected.insert(expected.end(), round_day.begin(), round_day.end());
    CHECK(run(db, q) == expected);

    q.processes = {parley::ProcessId{"process:syria"}};  // holds both tracks
    CHECK(run(db, q).size() == 25 - 1);  // all but the resolution (no process)
  });
}

TEST_CASE("postgres backend: kind filter, with kind groups") {
  parley::test::on_each_astana([&](const parley::Database& db,
                                   const std::string&) {
    parley::Query q;
    q.kinds = {"pledge"};
    CHECK(run(db, q) ==
          Ids{"event:pledge-lift-ghouta-siege", "event:pledge-stop-shelling"});
    q.kinds = {"talks"};
    CHECK(sorted(run(db, q)) ==
          Ids{"event:astana-2", "event:astana-2-session-1",
              "event:astana-2-session-2", "event:astana-2-session-3",
              "event:geneva-4", "event:lavrov-de-mistura"});
    q.kinds = {"summit"};
    CHECK_THROWS_AS(db.query(q), parley::Error);
  });
}

TEST_CASE(
    "postgres backend: actor filter: participants and payload actors, by "
    "role") {
  parley::test::on_each_astana([&](const parley::Database& db,
                                   const std::string&) {
    parley::Query q;
    q.actors = {parley::ActorId{"actor:iran"}};
    CHECK(run(db, q) == Ids{"event:countrywide-ceasefire-support",
                            "event:rejection-iran-role"});
    q.role = "object";
    CHECK(run(db, q) == Ids{"event:rejection-iran-role"});
    q.actors = {parley::ActorId{"actor:russia"}};
    q.role = "pledger";
    CHECK(run(db, q) ==
          Ids{"event:pledge-lift-ghouta-siege", "event:pledge-stop-shelling"});
    q.role = "mediator";
    CHECK(run(db, q) == Ids{"event:astana-2"});
  });
}

TEST_CASE(
    "postgres backend: actor filter including the members of a delegation") {
  parley::test::on_each_astana([&](const parley::Database& db,
                                   const std::string&) {
    parley::Query q;
    // The delegation represents the armed opposition; Alloush heads it.
    q.actors = {parley::ActorId{"actor:armed-opposition"}};
    const Ids direct = run(db, q);
    CHECK(direct ==
          Ids{"event:pledge-lift-ghouta-siege", "event:pledge-stop-shelling"});
    q.include_members = true;
    const Ids with_head = run(db, q);
    CHECK(sorted(with_head) ==
          Ids{"event:astana-2", "event:demand-arab-role",
              "event:opposition-late-arrival", "event:pledge-lift-ghouta-siege",
              "event:pledge-stop-shelling", "event:rejection-iran-role"});
    CHECK(std::find(with_head.begin(), with_head.end(),
                    "event:no-new-agreement") ==
          with_head.end());  // al-Jaafari is not a member
  });
}

TEST_CASE("postgres backend: place filter includes every place inside") {
  parley::test::on_each_astana([&](const parley::Database& db,
                                   const std::string&) {
    parley::Query q;
    q.places = {parley::PlaceId{"place:syria"}};
    CHECK(run(db, q) == Ids{"event:ghouta-siege", "event:government-shelling"});
    q.places = {parley::PlaceId{"place:rif-dimashq"}};
    CHECK(run(db, q) == Ids{"event:ghouta-siege"});
    q.places = {parley::PlaceId{"place:kazakhstan"}};
    CHECK(run(db, q).size() == 16);
  });
}

TEST_CASE("postgres backend: status and topic filters") {
  parley::test::on_each_astana(
      [&](const parley::Database& db, const std::string&) {
        parley::Query q;
        q.statuses = {parley::Status::scheduled};
        CHECK(run(db, q).empty());  // Geneva is held now
        q.statuses = {parley::Status::held};
        CHECK(run(db, q) == Ids{"event:astana-2", "event:geneva-4"});
        q = {};
        q.topics = {"detainees"};
        CHECK(run(db, q) == Ids{"event:detention-visit-committees",
                                "event:release-100-detainees"});
      });
}

TEST_CASE(
    "postgres backend: time filter: Allen relations, possible and certain") {
  parley::test::on_each_astana([&](const parley::Database& db,
                                   const std::string&) {
    using parley::Allen;
    using parley::Certainty;
    parley::Query q;
    q.time = window("2017-02-23", Allen::equals, Certainty::certain);
    CHECK(run(db, q) == Ids{"event:geneva-4"});

    // Before 2017-02-16 for certain: only the resolution. The undated Moscow
    // events may have been on the 16th, so they are only possibly before; the
    // late arrival (2017-02-15/2017-02-16) runs into the 16th, so it is not.
    q.time =
        window("2017-02-16", Allen::before | Allen::meets, Certainty::certain);
    CHECK(run(db, q) == Ids{"event:unsc-2254"});
    q.time->certainty = Certainty::possible;
    CHECK(sorted(run(db, q)) ==
          Ids{"event:countrywide-ceasefire-support", "event:geneva-agenda",
              "event:lavrov-de-mistura", "event:support-2254",
              "event:un-supports-astana", "event:unsc-2254"});

    // During February (the whole month is the window).
    q.time = parley::TimeFilter{parley::Edtf::parse("2017-02")};
    q.time->certainty = Certainty::certain;
    q.time->relations = Allen::during | Allen::starts | Allen::finishes;
    // The round's 15, the late arrival, the siege, the shelling, Geneva.
    const Ids feb = run(db, q);
    CHECK(feb.size() == 19);  // the round's 15, the late arrival, Geneva
  });
}

TEST_CASE("postgres backend: as known at: the schedule on 2017-02-16") {
  parley::test::on_each_astana(
      [&](const parley::Database& db, const std::string&) {
        parley::Query q;
        q.statuses = {parley::Status::scheduled};
        q.as_of = parley::parse_record_time("2017-02-16T23:00:00Z");
        const auto page = db.query(q);
        REQUIRE(ids(page) == Ids{"event:geneva-4"});
        CHECK(page.events[0].status == parley::Status::scheduled);
        q.as_of = parley::parse_record_time("2017-02-01T00:00:00Z");
        CHECK(run(db, q).empty());  // nothing was recorded yet
      });
}

TEST_CASE("postgres backend: text search in English and Arabic, normalised") {
  parley::test::on_each_astana(
      [&](const parley::Database& db, const std::string&) {
        parley::Query q;
        q.text = "Ghouta";
        CHECK(run(db, q) ==
              Ids{"event:ghouta-siege", "event:pledge-lift-ghouta-siege"});
        q.text = "الغوطه";  // teh marbuta written as heh; a title and a quote
        CHECK(run(db, q) ==
              Ids{"event:ghouta-siege", "event:pledge-lift-ghouta-siege"});
        q.text = "علوش";  // an Arabic name finds events naming Alloush
        CHECK(sorted(run(db, q)) ==
              Ids{"event:demand-arab-role", "event:rejection-iran-role"});
        q.text = "Jaafari";
        CHECK(run(db, q) == Ids{"event:no-new-agreement"});
        q.text = "الشهر الحالي";  // a claim's quote
        CHECK(run(db, q) == Ids{"event:geneva-4"});
        q.text = "ghouta siege";  // every word must match
        CHECK(run(db, q) ==
              Ids{"event:ghouta-siege", "event:pledge-lift-ghouta-siege"});
        q.text = "ghouta iran";
        CHECK(run(db, q).empty());
      });
}

TEST_CASE("postgres backend: filters combine") {
  parley::test::on_each_astana([&](const parley::Database& db,
                                   const std::string&) {
    parley::Query q;
    q.actors = {parley::ActorId{"actor:russia"}};
    q.kinds = {"commitment"};
    q.places = {parley::PlaceId{"place:kazakhstan"}};
    q.topics = {"sieges"};
    q.time =
        window("2017-02", parley::Allen::during, parley::Certainty::certain);
    q.text = "siege";
    CHECK(run(db, q) == Ids{"event:pledge-lift-ghouta-siege"});
    q.statuses = {parley::Status::held};
    CHECK(run(db, q).empty());
  });
}

TEST_CASE(
    "postgres backend: keyset pagination visits every event once, in order") {
  parley::test::on_each_astana(
      [&](const parley::Database& db, const std::string&) {
        parley::Query q;
        q.limit = 4;
        Ids all;
        int pages = 0;
        for (;;) {
          const auto page = db.query(q);
          ++pages;
          for (const auto& e : page.events) all.push_back(e.id.value);
          if (!page.next) break;
          CHECK(page.events.size() == 4);
          q.after = page.next;
        }
        CHECK(pages == 7);
        CHECK(all == run(db, {}));
        q.after = "not a cursor";
        CHECK_THROWS_AS(db.query(q), parley::Error);
      });
}

TEST_CASE("postgres backend: counts by period and kind or actor") {
  parley::test::on_each_astana([&](const parley::Database& db,
                                   const std::string&) {
    parley::Query q;
    q.processes = {parley::ProcessId{"process:astana"}};
    const auto by_kind =
        db.count(q, parley::Period::month, parley::GroupBy::kind);
    CHECK(std::find(by_kind.begin(), by_kind.end(),
                    parley::Count{"2017-02", "pledge", 2}) != by_kind.end());
    CHECK(std::find(by_kind.begin(), by_kind.end(),
                    parley::Count{"unknown", "support", 1}) != by_kind.end());
    const auto by_week =
        db.count(q, parley::Period::week, parley::GroupBy::actor);
    CHECK(std::find(by_week.begin(), by_week.end(),
                    parley::Count{"2017-W07", "actor:russia", 3}) !=
          by_week.end());
  });
}

TEST_CASE(
    "postgres backend: hostile text in every text filter changes nothing") {
  parley::test::on_each_astana_copy(
      [&](parley::Database& db, const std::string&) {
        const std::string before = parley::test::stored_state(db);
        const std::vector<std::string> attacks = {
            "'; DROP TABLE event; --",
            "\" OR 1=1 --",
            "x') OR ('1'='1",
            "NEAR(a b)",
            "title:*",
            "\"unbalanced",
            "a AND OR NOT b",
            "') UNION SELECT doc FROM actor --",
            "%_\\",
            "event:astana-2' --"};
        for (const std::string& attack : attacks) {
          CAPTURE(attack);
          parley::Query q;
          q.text = attack;
          CHECK(db.query(q).events.empty());
          q = {};
          q.actors = {parley::ActorId{attack}};
          q.role = attack;
          CHECK(db.query(q).events.empty());
          q = {};
          q.topics = {attack};
          q.places = {parley::PlaceId{attack}};
          q.processes = {parley::ProcessId{attack}};
          CHECK(db.query(q).events.empty());
        }
        CHECK(parley::test::stored_state(db) == before);
        CHECK(db.query({}).events.size() == 25);
      });
}

TEST_CASE(
    "postgres backend: one actor's pages: in order, each event once, whatever "
    "its roles") {
  parley::test::on_each_backend([&](parley::Database& db, const std::string&) {
    for (const char* id : {"actor:a", "actor:b"}) {
      parley::Actor actor;
      actor.id = parley::ActorId{id};
      actor.names = {{"en", id}};
      db.add(actor);
    }
    const parley::ActorId a{"actor:a"}, b{"actor:b"};
    // Added out of order; the first names actor:a twice (party and pledger).
    auto pledge = parley::test::make_event("event:3", "2020-01-01", "",
                                           parley::Pledge{.pledger = a});
    pledge.participants = {{a, parley::Role::party}};
    auto late = parley::test::make_event("event:9", "2020-03-01");
    late.participants = {{a, parley::Role::mediator}};
    auto same_day = parley::test::make_event("event:1", "2020-01-01");
    same_day.participants = {{a, parley::Role::party},
                             {b, parley::Role::party}};
    auto other = parley::test::make_event("event:5", "2020-02-01");
    other.participants = {{b, parley::Role::party}};
    auto long_one =
        parley::test::make_event("event:2", "2019-12-01/2020-02-15");
    long_one.participants = {{a, parley::Role::host}};
    for (const auto& e : {pledge, late, same_day, other, long_one}) db.add(e);

    parley::Query q;
    q.actors = {a};
    Ids all = ids(db.query(q));
    CHECK(all == Ids{"event:2", "event:1", "event:3", "event:9"});
    q.limit = 1;
    const Ids paged = every_page(db, q);
    CHECK(paged == all);
    q = {};
    q.actors = {a};
    q.role = "pledger";
    CHECK(ids(db.query(q)) == Ids{"event:3"});
  });
}

TEST_CASE(
    "postgres backend: a word in most events: pages walk in order and find "
    "what all do") {
  parley::test::on_each_backend(
      [&](parley::Database& db, const std::string& backend) {
        // 300 events, most with "talks" in the title, some with it only in a
        // claim's quote: enough matches that a page walks the chronological
        // order and checks each event (src/query/text.cpp); the query without a
        // limit collects every match. Both must give the same events in the
        // same order.
        parley::Source source;
        source.id = parley::SourceId{"source:wire"};
        source.publisher = "Wire";
        parley::Document doc;
        doc.sources.push_back({source});
        Ids expected;
        for (int i = 0; i < 300; ++i) {
          const std::string id = "event:" + std::to_string(1000 + i);
          const std::string day = "2020-01-" + std::to_string(10 + i % 20);
          const bool in_title = i % 3 != 0, in_claim = i % 3 == 0 && i % 2 == 0;
          doc.events.push_back({parley::test::make_event(
              id, day, in_title ? "talks resume" : "other")});
          if (i % 3 == 0) {
            parley::Claim c;
            c.id = parley::ClaimId{"claim:" + std::to_string(i)};
            c.event = parley::EventId{id};
            c.source = source.id;
            c.quote = in_claim ? "the talks went on" : "nothing";
            doc.claims.push_back({c});
          }
          if (in_title || in_claim) expected.push_back(id);
        }
        db.import(doc);
        std::sort(expected.begin(), expected.end(),
                  [&](const auto& a, const auto& b) {
                    const auto day = [](const std::string& id) {
                      return (std::stoi(id.substr(6)) - 1000) % 20;
                    };
                    return std::pair(day(a), a) < std::pair(day(b), b);
                  });
        parley::Query q;
        q.text = "Talks";
        CHECK(ids(db.query(q)) == expected);
        q.limit = 7;
        const auto sql =  // seam helper: the Store, not the SQLite connection
            parley::detail::query_sql(parley::detail::DatabaseAccess::store(db),
                                      q, 8);
        if (backend == "sqlite") {  // PostgreSQL's plan: postgres_dialect_test
          CHECK(sql.sql.find("EXISTS (SELECT 1 FROM event_search") !=
                std::string::npos);
        }
        const Ids paged = every_page(db, q);
        CHECK(paged == expected);
      });
}
