// The seven questions of shared/scenario/facts.md, asked of the Astana
// data, with their exact answers.
#include <doctest/doctest.h>

#include "parley/allen.hpp"
#include "parley/database.hpp"
#include "parley/reports.hpp"

#include "support.hpp"

namespace {

using namespace std::string_literals;
using Ids = std::vector<std::string>;

using parley::test::astana_db;

std::string who(const parley::Account& a) {
  return a.claimant ? a.claimant->id.value : "report"s;
}

}  // namespace

TEST_CASE("Q1: the Astana track in order, planned versus actual") {
  parley::Query q;
  q.processes = {parley::ProcessId{"process:astana"}};
  const auto events = astana_db().query(q).events;
  REQUIRE(events.size() == 17);
  CHECK(events[0].id.value == "event:un-supports-astana");  // undated
  CHECK(events[1].id.value == "event:opposition-late-arrival");
  CHECK(events[2].id.value == "event:astana-2");
  const auto planned = parley::schedule(astana_db(), q);
  REQUIRE(planned.size() == 1);
  CHECK(planned[0].event.id.value == "event:astana-2");
  CHECK(planned[0].planned.str() == "2017-02-15");
  CHECK(planned[0].event.time.str() == "2017-02-16");
  CHECK(planned[0].days_late == 1);
  CHECK(planned[0].exact);
  CHECK(planned[0].reasons ==
        std::vector{"the opposition negotiators arrived late"s});
  const auto slip = parley::slippage(planned);
  REQUIRE(slip.size() == 1);
  CHECK(slip[0].process->value == "process:astana");
  CHECK(slip[0].days_late == 1);
}

TEST_CASE("Q2: every account of how the second round ended") {
  parley::Query q;
  q.kinds = {"commitment"};
  q.processes = {parley::ProcessId{"process:astana"}};
  Ids told;
  for (const auto& a : parley::accounts(astana_db(), q)) {
    CHECK(a.event.parent->value == "event:astana-2");
    told.push_back(who(a) + " " + std::string(to_string(a.claim.stance)) + " " +
                   a.event.id.value);
  }
  CHECK(told == Ids{"actor:alloush denies event:ceasefire-committee-agreement",
                    "report asserts event:no-ceasefire-consolidation",
                    "actor:jaafari asserts event:no-new-agreement",
                    "actor:alloush asserts event:pledge-lift-ghouta-siege",
                    "actor:alloush asserts event:pledge-stop-shelling"});

  // The competing accounts: the pledges obtained against "no new
  // agreement". The report's own "no agreement on the ceasefire" is about
  // one topic, so it excludes neither pledge.
  Ids conflicts;
  for (const auto& c : parley::contradictions(astana_db(), q)) {
    CHECK(c.kind == parley::ContradictionKind::exclusive_outcomes);
    conflicts.push_back(who(c.first) + " " + c.first.event.id.value + " / " +
                        who(c.second) + " " + c.second.event.id.value);
  }
  CHECK(conflicts ==
        Ids{"actor:alloush event:pledge-lift-ghouta-siege / actor:jaafari "
            "event:no-new-agreement",
            "actor:alloush event:pledge-stop-shelling / actor:jaafari "
            "event:no-new-agreement"});
}

TEST_CASE("Q3: every pledge, by whom, to whom, of what, and its status") {
  const auto pledges = parley::pledge_tracker(astana_db(), {});
  REQUIRE(pledges.size() == 2);
  for (const auto& p : pledges) {
    const auto& pledge = std::get<parley::Pledge>(p.pledge.payload);
    CHECK(pledge.pledger.value == "actor:russia");
    CHECK(pledge.beneficiary->value == "actor:armed-opposition");
    CHECK(p.status == parley::PledgeStatus::made);
    CHECK(p.fulfilled_by.empty());
    REQUIRE(p.accounts.size() == 1);
    CHECK(p.accounts[0].claimant->id.value == "actor:alloush");
  }
  CHECK(std::get<parley::Pledge>(pledges[0].pledge.payload).obligations ==
        std::vector{"lift the siege of Eastern Ghouta"s});
  CHECK(std::get<parley::Pledge>(pledges[1].pledge.payload).obligations ==
        std::vector{"government forces stop their shelling"s});
}

TEST_CASE("Q3: a later violation changes the tracked status") {
  parley::Database db{":memory:"};
  db.import_json(parley::test::astana_json());
  parley::Event shelling =
      *db.event(parley::EventId{"event:government-shelling"});
  shelling.id = parley::EventId{"event:shelling-2017-02-18"};
  shelling.time = parley::Edtf::parse("2017-02-18");
  db.add(shelling);
  db.add(parley::Link{shelling.id, parley::LinkKind::violates,
                      parley::EventId{"event:pledge-stop-shelling"}, ""});
  const auto pledges = parley::pledge_tracker(db, {});
  CHECK(pledges[0].status == parley::PledgeStatus::made);
  CHECK(pledges[1].status == parley::PledgeStatus::broken);
  CHECK(pledges[1].recorded == parley::PledgeStatus::made);
  REQUIRE(pledges[1].violated_by.size() == 1);
}

TEST_CASE("Q4: as of 2017-02-16, Geneva was scheduled for 2017-02-23") {
  const auto next = parley::upcoming(
      astana_db(), parley::parse_record_time("2017-02-16T20:00:00Z"));
  REQUIRE(next.size() == 1);
  CHECK(next[0].event.id.value == "event:geneva-4");
  CHECK(next[0].event.status == parley::Status::scheduled);
  CHECK(next[0].planned.str() == "2017-02-23");
  // Known now: it was held, so nothing is scheduled any more.
  CHECK(parley::upcoming(astana_db(), parley::parse_record_time("2017-02-25"))
            .empty());
}

TEST_CASE("Q5: everything involving Iran") {
  parley::Query q;
  q.actors = {parley::ActorId{"actor:iran"}};
  Ids found;
  for (const auto& e : astana_db().query(q).events) found.push_back(e.id.value);
  CHECK(found == Ids{"event:countrywide-ceasefire-support",
                     "event:rejection-iran-role"});
}

TEST_CASE("Q6: everything located in Syria, including places inside it") {
  parley::Query q;
  q.places = {parley::PlaceId{"place:syria"}};
  Ids found;
  for (const auto& e : astana_db().query(q).events) found.push_back(e.id.value);
  CHECK(found == Ids{"event:ghouta-siege", "event:government-shelling"});
}

TEST_CASE("Q7: the Moscow meeting possibly, not certainly, during the round") {
  const auto meeting =
      *astana_db().event(parley::EventId{"event:lavrov-de-mistura"});
  const auto round = *astana_db().event(parley::EventId{"event:astana-2"});
  const parley::Relations during =
      parley::Allen::during | parley::Allen::starts | parley::Allen::finishes |
      parley::Allen::equals;
  const auto x = meeting.time.bounds();
  const auto y = round.time.bounds(parley::Semantics::spans);
  CHECK(parley::possible(x, y, during));
  CHECK_FALSE(parley::certain(x, y, during));
  CHECK_FALSE(parley::certain(x, y, ~during));  // nor certainly not

  // The same through a query over the round's day.
  parley::Query q;
  q.time = parley::TimeFilter{round.time, during, parley::Certainty::possible};
  q.kinds = {"meeting"};
  CHECK(astana_db().query(q).events.size() == 1);
  q.time->certainty = parley::Certainty::certain;
  CHECK(astana_db().query(q).events.empty());
}
