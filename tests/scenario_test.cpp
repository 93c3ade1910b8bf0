// The reference scenario end to end: examples/data/astana-2017.json holds
// every fact F1-F19 of shared/scenario/facts.md with the right kind,
// participants, date bounds and attribution.
#include <algorithm>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "parley/database.hpp"

#include "backends.hpp"
#include "support.hpp"

namespace {

using namespace std::string_literals;

parley::Event event(const parley::Database& db, const std::string& id) {
  auto e = db.event(parley::EventId{id});
  REQUIRE_MESSAGE(e, id);
  return *e;
}

parley::Day day(int y, unsigned m, unsigned d) {
  return date::sys_days{date::year{y} / date::month{m} / date::day{d}};
}

// "actor:x/role" for every participant.
std::vector<std::string> participants(const parley::Event& e) {
  std::vector<std::string> out;
  for (const auto& p : e.participants) {
    out.push_back(p.actor.value + "/" + std::string(to_string(p.role)));
  }
  std::sort(out.begin(), out.end());
  return out;
}

// "claimant:stance" for every claim on the event ("report" when the source
// itself says so).
std::vector<std::string> accounts(const parley::Database& db,
                                  const std::string& event_id) {
  std::vector<std::string> out;
  for (const auto& c : db.claims()) {
    if (c.event.value != event_id) continue;
    out.push_back((c.claimant ? c.claimant->value : "report"s) + ":" +
                  std::string(to_string(c.stance)));
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The event occupies exactly the one day given.
void check_on_day(const parley::Event& e, parley::Day d) {
  const parley::Bounds b = e.time.bounds();
  CHECK(b.earliest_start == d);
  CHECK(b.latest_end == d + parley::days64{1});
}

}  // namespace

TEST_CASE(
    "postgres backend: the report is a source with an inferred publication "
    "date") {
  parley::test::on_each_astana(
      [&](const parley::Database& db, const std::string&) {
        auto s = db.source(parley::SourceId{"source:astana-2-report"});
        REQUIRE(s);
        CHECK(s->language == "ar");
        REQUIRE(s->published);
        CHECK(s->published->uncertain());
        CHECK(s->published->bounds().earliest_start == day(2017, 2, 16));
        CHECK_FALSE(s->published_note.empty());
      });
}

TEST_CASE(
    "postgres backend: F1: the round was planned for 02-15 and opened a day "
    "late") {
  parley::test::on_each_astana(
      [&](const parley::Database& db, const std::string&) {
        const auto round = event(db, "event:astana-2");
        CHECK(round.kind() == parley::EventKind::negotiation_round);
        CHECK(std::get<parley::NegotiationRound>(round.payload).number == 2);
        CHECK(round.status == parley::Status::held);
        REQUIRE(round.planned);
        check_on_day(round, day(2017, 2, 16));
        CHECK(round.planned->bounds().earliest_start == day(2017, 2, 15));
        CHECK(round.place->value == "place:astana");
        CHECK(round.process->value == "process:astana");
        bool delayed = false;
        for (const auto& l : db.links()) {
          if (l.kind == parley::LinkKind::delays && l.to == round.id) {
            delayed = l.from.value == "event:opposition-late-arrival" &&
                      l.reason.find("late") != std::string::npos;
          }
        }
        CHECK(delayed);
        CHECK(accounts(db, "event:astana-2") == std::vector{"report:asserts"s});
      });
}

TEST_CASE(
    "postgres backend: F2: the round closed without agreement on the "
    "ceasefire") {
  parley::test::on_each_astana(
      [&](const parley::Database& db, const std::string&) {
        const auto e = event(db, "event:no-ceasefire-consolidation");
        CHECK(e.kind() == parley::EventKind::no_agreement);
        CHECK(e.parent->value == "event:astana-2");
        check_on_day(e, day(2017, 2, 16));
        CHECK(std::find(e.topics.begin(), e.topics.end(), "ceasefire") !=
              e.topics.end());
        CHECK(accounts(db, e.id.value) == std::vector{"report:asserts"s});
      });
}

TEST_CASE(
    "postgres backend: F3: Russia and Turkey mediate, each backing one side") {
  parley::test::on_each_astana(
      [&](const parley::Database& db, const std::string&) {
        CHECK(participants(event(db, "event:astana-2")) ==
              std::vector{"actor:government-delegation/party"s,
                          "actor:kazakhstan/host"s,
                          "actor:opposition-delegation/party"s,
                          "actor:russia/mediator"s, "actor:turkey/mediator"s});
        auto russia = db.actor(parley::ActorId{"actor:russia"});
        auto turkey = db.actor(parley::ActorId{"actor:turkey"});
        REQUIRE(russia);
        REQUIRE(turkey);
        CHECK(russia->ties.at(0) ==
              parley::Tie{parley::TieKind::backs,
                          parley::ActorId{"actor:syrian-government"},
                          {}});
        CHECK(turkey->ties.at(0) ==
              parley::Tie{parley::TieKind::backs,
                          parley::ActorId{"actor:armed-opposition"},
                          {}});
      });
}

TEST_CASE(
    "postgres backend: F4, F5: two Russian pledges, as Alloush tells it") {
  parley::test::on_each_astana(
      [&](const parley::Database& db, const std::string&) {
        for (const char* id :
             {"event:pledge-stop-shelling", "event:pledge-lift-ghouta-siege"}) {
          CAPTURE(id);
          const auto e = event(db, id);
          const auto& pledge = std::get<parley::Pledge>(e.payload);
          CHECK(pledge.pledger.value == "actor:russia");
          CHECK(pledge.beneficiary->value == "actor:armed-opposition");
          CHECK(pledge.status == parley::PledgeStatus::made);
          CHECK(pledge.obligations.size() == 1);
          CHECK(e.parent->value == "event:astana-2");
          check_on_day(e, day(2017, 2, 16));
          CHECK(accounts(db, id) == std::vector{"actor:alloush:asserts"s});
        }
        const auto siege = event(db, "event:pledge-lift-ghouta-siege");
        CHECK(std::get<parley::Pledge>(siege.payload)
                  .obligations[0]
                  .find("Eastern Ghouta") != std::string::npos);
      });
}

TEST_CASE(
    "postgres backend: F6: Alloush denies an agreement on a ceasefire "
    "committee") {
  parley::test::on_each_astana(
      [&](const parley::Database& db, const std::string&) {
        const auto e = event(db, "event:ceasefire-committee-agreement");
        CHECK(e.kind() == parley::EventKind::agreement);
        CHECK(accounts(db, e.id.value) == std::vector{"actor:alloush:denies"s});
      });
}

TEST_CASE("postgres backend: F7: the opposition demands a major Arab role") {
  parley::test::on_each_astana([&](const parley::Database& db,
                                   const std::string&) {
    const auto e = event(db, "event:demand-arab-role");
    const auto& demand = std::get<parley::Demand>(e.payload);
    CHECK(demand.by->value == "actor:opposition-delegation");
    CHECK(demand.object.find("Arab") != std::string::npos);
    CHECK(accounts(db, e.id.value) == std::vector{"actor:alloush:asserts"s});
  });
}

TEST_CASE(
    "postgres backend: F8: detention-visit committees and 100 detainees to be "
    "released") {
  parley::test::on_each_astana(
      [&](const parley::Database& db, const std::string&) {
        const auto committees = event(db, "event:detention-visit-committees");
        CHECK(committees.kind() == parley::EventKind::mechanism);
        const auto release = event(db, "event:release-100-detainees");
        const auto& r = std::get<parley::DetaineeRelease>(release.payload);
        CHECK(r.count == 100);
        CHECK(r.realisation == parley::Realisation::declared);
        CHECK(accounts(db, release.id.value) ==
              std::vector{"actor:alloush:asserts"s});
        CHECK(accounts(db, committees.id.value) ==
              std::vector{"actor:alloush:asserts"s});
      });
}

TEST_CASE("postgres backend: F9: mechanisms to monitor the truce") {
  parley::test::on_each_astana([&](const parley::Database& db,
                                   const std::string&) {
    const auto e = event(db, "event:truce-monitoring");
    CHECK(e.kind() == parley::EventKind::mechanism);
    CHECK(std::find(e.topics.begin(), e.topics.end(), "monitoring") !=
          e.topics.end());
    CHECK(accounts(db, e.id.value) == std::vector{"actor:alloush:asserts"s});
  });
}

TEST_CASE("postgres backend: F10: the opposition rejects any role for Iran") {
  parley::test::on_each_astana([&](const parley::Database& db,
                                   const std::string&) {
    const auto e = event(db, "event:rejection-iran-role");
    const auto& r = std::get<parley::Rejection>(e.payload);
    CHECK(r.by->value == "actor:opposition-delegation");
    CHECK(r.object_actor->value == "actor:iran");
    CHECK(accounts(db, e.id.value) == std::vector{"actor:alloush:asserts"s});
  });
}

TEST_CASE(
    "postgres backend: F11: three morning sessions, Astana time, parts of the "
    "round") {
  parley::test::on_each_astana([&](const parley::Database& db,
                                   const std::string&) {
    for (int n = 1; n <= 3; ++n) {
      const auto e = event(db, "event:astana-2-session-" + std::to_string(n));
      CHECK(e.kind() == parley::EventKind::session);
      CHECK(e.parent->value == "event:astana-2");
      check_on_day(e, day(2017, 2, 16));
      REQUIRE(e.time_of_day);
      CHECK(e.time_of_day->zone == "Asia/Almaty");
      CHECK(e.time_of_day->label == "morning");
      CHECK(e.time_of_day->end <= "12:00");
      CHECK(accounts(db, e.id.value) ==
            std::vector{"actor:kazakh-mfa-spokesperson:asserts"s});
    }
  });
}

TEST_CASE(
    "postgres backend: F12: the first day centred on the ceasefire, "
    "constitution next") {
  parley::test::on_each_astana(
      [&](const parley::Database& db, const std::string&) {
        const auto e = event(db, "event:first-day-agenda");
        CHECK(std::get<parley::Statement>(e.payload).speaker->value ==
              "actor:kazakh-mfa-spokesperson");
        CHECK(e.topics == std::vector{"ceasefire"s, "constitution"s});
      });
}

TEST_CASE(
    "postgres backend: F13: Lavrov met de Mistura in Moscow, on no stated "
    "date") {
  parley::test::on_each_astana(
      [&](const parley::Database& db, const std::string&) {
        const auto e = event(db, "event:lavrov-de-mistura");
        CHECK(e.kind() == parley::EventKind::meeting);
        CHECK(e.place->value == "place:moscow");
        CHECK(participants(e) ==
              std::vector{"actor:de-mistura/party"s, "actor:lavrov/party"s});
        const parley::Bounds b = e.time.bounds();
        CHECK_FALSE(b.earliest_start);  // bounded only by the report
        CHECK(b.latest_end == day(2017, 2, 17));
        CHECK(accounts(db, e.id.value) == std::vector{"report:asserts"s});
      });
}

TEST_CASE(
    "postgres backend: F14, F15: Lavrov's support for a ceasefire and for "
    "2254") {
  parley::test::on_each_astana(
      [&](const parley::Database& db, const std::string&) {
        const auto ceasefire = event(db, "event:countrywide-ceasefire-support");
        CHECK(std::get<parley::Support>(ceasefire.payload).by->value ==
              "actor:russia");
        CHECK(participants(ceasefire) == std::vector{"actor:iran/party"s,
                                                     "actor:lavrov/speaker"s,
                                                     "actor:turkey/party"s});
        CHECK(accounts(db, ceasefire.id.value) ==
              std::vector{"actor:lavrov:asserts"s});

        const auto resolution = event(db, "event:unsc-2254");
        check_on_day(resolution, day(2015, 12, 18));
        CHECK(std::get<parley::Publication>(resolution.payload).kind ==
              parley::DocumentKind::resolution);
        CHECK(accounts(db, "event:support-2254") ==
              std::vector{"actor:lavrov:asserts"s});
      });
}

TEST_CASE(
    "postgres backend: F16, F17: de Mistura on Geneva's agenda and on Astana") {
  parley::test::on_each_astana([&](const parley::Database& db,
                                   const std::string&) {
    const auto agenda = event(db, "event:geneva-agenda");
    CHECK(agenda.topics == std::vector{"constitution"s, "elections"s});
    CHECK(accounts(db, agenda.id.value) ==
          std::vector{"actor:de-mistura:asserts"s});
    const auto support = event(db, "event:un-supports-astana");
    CHECK(std::get<parley::Support>(support.payload).by->value == "actor:un");
    CHECK(accounts(db, support.id.value) ==
          std::vector{"actor:de-mistura:asserts"s});
  });
}

TEST_CASE(
    "postgres backend: F18: Geneva, scheduled for 02-23 as known on 02-16, "
    "then held") {
  parley::test::on_each_astana(
      [&](const parley::Database& db, const std::string&) {
        const auto as_known =
            db.event(parley::EventId{"event:geneva-4"},
                     {parley::parse_record_time("2017-02-16T23:59:59Z")});
        REQUIRE(as_known);
        CHECK(as_known->status == parley::Status::scheduled);
        check_on_day(*as_known, day(2017, 2, 23));
        CHECK(as_known->planned->bounds().earliest_start == day(2017, 2, 23));

        const auto now = event(db, "event:geneva-4");
        CHECK(now.status == parley::Status::held);
        CHECK(accounts(db, now.id.value) ==
              std::vector{"actor:de-mistura:asserts"s, "report:asserts"s});
      });
}

TEST_CASE(
    "postgres backend: F19: al-Jaafari's competing account: no new agreement") {
  parley::test::on_each_astana([&](const parley::Database& db,
                                   const std::string&) {
    const auto e = event(db, "event:no-new-agreement");
    CHECK(e.kind() == parley::EventKind::no_agreement);
    CHECK(e.parent->value == "event:astana-2");
    CHECK(accounts(db, e.id.value) == std::vector{"actor:jaafari:asserts"s});
    // Both accounts of the outcome are kept, neither overwrites the other.
    CHECK(accounts(db, "event:pledge-stop-shelling") ==
          std::vector{"actor:alloush:asserts"s});
  });
}

TEST_CASE(
    "postgres backend: every actor and place has English and Arabic names") {
  parley::test::on_each_astana(
      [&](const parley::Database& db, const std::string&) {
        for (const auto& a : db.actors()) {
          CAPTURE(a.id.value);
          CHECK(a.names.count("en") == 1);
          CHECK(a.names.count("ar") == 1);
        }
        for (const auto& p : db.places()) {
          CAPTURE(p.id.value);
          CHECK(p.names.count("ar") == 1);
        }
      });
}
