// Cost follows the answer: a page and its timeline read the same rows with
// the same statements however many unrelated claims the database holds.
#include <algorithm>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>  // [write helper] no longer via impl.hpp
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include "parley/database.hpp"
#include "parley/reports.hpp"
#include "parley/timeline.hpp"

#include "store/impl.hpp"
#include "support.hpp"

namespace {

// Statements started and rows returned on one connection while counting.
// Statements started, rows returned, and hundreds of virtual-machine
// instructions run (the work inside statements, scans included).
struct Work {
  int statements = 0;
  int rows = 0;
  long steps = 0;
};

int on_progress(void* context) {
  ++static_cast<Work*>(context)->steps;
  return 0;
}

int on_trace(unsigned type, void* context, void*, void*) {
  auto* work = static_cast<Work*>(context);
  if (type == SQLITE_TRACE_STMT) ++work->statements;
  if (type == SQLITE_TRACE_ROW) ++work->rows;
  return 0;
}

// Runs `body` and returns the statements and rows it took on `db`'s
// connection.
template <class F>
Work work_of(parley::Database& db, F&& body) {
  Work work;
  sqlite3* handle = parley::detail::DatabaseAccess::connection(db).getHandle();
  sqlite3_trace_v2(handle, SQLITE_TRACE_STMT | SQLITE_TRACE_ROW, on_trace,
                   &work);
  sqlite3_progress_handler(handle, 100, on_progress, &work);
  body();
  sqlite3_progress_handler(handle, 0, nullptr, nullptr);
  sqlite3_trace_v2(handle, 0, nullptr, nullptr);
  return work;
}

// What a page of one actor's events and its timeline show, and the work
// done to build them.
struct Answer {
  std::vector<std::string> events;
  std::vector<std::string> claims;
  std::size_t actors = 0, places = 0, sources = 0, links = 0;
  Work work;
};

Answer page_of_russia(parley::Database& db) {
  Answer a;
  parley::Timeline t;
  a.work = work_of(db, [&] {
    parley::Query q;
    q.actors = {parley::ActorId{"actor:russia"}};
    q.limit = 5;
    t = parley::make_timeline(db, db.query(q).events);
  });
  for (const auto& e : t.events) {
    a.events.push_back(e.id.value);
    for (const auto* c : t.claims_on(e.id)) a.claims.push_back(c->id.value);
  }
  a.actors = t.actors.size(), a.places = t.places.size();
  a.sources = t.sources.size(), a.links = t.links.size();
  return a;
}

// 10,000 claims on an event outside every page below, from one source,
// and `links` links between other new events (none to the scenario's).
parley::Document unrelated(int links) {
  parley::Document more;
  parley::Source source;
  source.id = parley::SourceId{"source:wire"};
  source.title = "Wire";
  more.sources.push_back({source});
  for (int i = 0; i <= links; ++i) {
    parley::Event e;
    e.id = parley::EventId{"event:elsewhere-" + std::to_string(i)};
    e.title = {{"en", "Elsewhere"}};
    e.time = parley::Edtf::parse("2019-05-01");
    e.payload = parley::Meeting{};
    more.events.push_back({e});
    if (i > 0) {
      more.links.push_back({parley::Link{e.id, parley::LinkKind::violates,
                                         more.events[0].value.id, ""}});
    }
  }
  for (int i = 0; i < 10'000; ++i) {
    parley::Claim c;
    c.id = parley::ClaimId{"claim:wire-" + std::to_string(i)};
    c.event = more.events[0].value.id;
    c.source = source.id;
    c.quote = "report " + std::to_string(i);
    more.claims.push_back({c});
  }
  return more;
}

}  // namespace

TEST_CASE("a page's timeline costs the same with 10,000 unrelated claims") {
  parley::Database db{":memory:"};
  db.import_json(parley::test::astana_json());
  const Answer before = page_of_russia(db);
  REQUIRE(before.events.size() == 5);
  REQUIRE_FALSE(before.claims.empty());  // the page has claims to find

  db.import(unrelated(0));

  const Answer after = page_of_russia(db);
  CHECK(after.events == before.events);
  CHECK(after.claims == before.claims);
  CHECK(after.actors == before.actors);
  CHECK(after.places == before.places);
  CHECK(after.sources == before.sources);
  CHECK(after.links == before.links);
  CHECK(after.work.statements == before.work.statements);
  CHECK(after.work.rows == before.work.rows);
  // One statement per table read, and the page's own.
  CHECK(before.work.statements <= 8);
}

TEST_CASE("claims_on and event() find the same with or without the index") {
  parley::Database db{":memory:"};
  db.import_json(parley::test::astana_json());
  parley::Timeline indexed = parley::make_timeline(db, db.events());
  parley::Timeline scanned;  // built by hand: lookups scan
  scanned.events = indexed.events;
  scanned.claims = indexed.claims;
  std::size_t found = 0;
  for (const auto& e : indexed.events) {
    const auto a = indexed.claims_on(e.id);
    const auto b = scanned.claims_on(e.id);
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) CHECK(*a[i] == *b[i]);
    found += a.size();
    CHECK(indexed.event(e.id)->id == e.id);
    CHECK(scanned.event(e.id)->id == e.id);
  }
  CHECK(found == indexed.claims.size());
  CHECK(indexed.event(parley::EventId{"event:none"}) == nullptr);
  // A changed vector is not read through a stale index.
  indexed.claims.pop_back();
  std::size_t after = 0;
  for (const auto& e : indexed.events) after += indexed.claims_on(e.id).size();
  CHECK(after == indexed.claims.size());
}

namespace {

// What the pledge, account and schedule reports of the scenario show
// (ids), and the work done to build them.
struct Reports {
  std::vector<std::string> shown;
  Work work;
};

Reports reports_of(parley::Database& db) {
  Reports r;
  r.work = work_of(db, [&] {
    parley::Query one;
    one.limit = 1;
    const parley::PledgePage page = parley::pledge_page(db, one, {});
    for (const auto& e : page.entries) {
      r.shown.push_back(e.pledge.id.value);
      for (const auto& f : e.fulfilled_by) r.shown.push_back(f.id.value);
      for (const auto& a : e.accounts) r.shown.push_back(a.claim.id.value);
    }
    r.shown.push_back(page.next.value_or("-"));
    parley::Query pledges;
    pledges.kinds = {"pledge"};
    for (const auto& a : parley::accounts(db, pledges)) {
      r.shown.push_back(a.claim.id.value);
    }
    parley::Query rounds;  // the scenario's planned events
    rounds.kinds = {"negotiation_round"};
    for (const auto& s : parley::schedule(db, rounds)) {
      r.shown.push_back(s.event.id.value);
      for (const auto& why : s.reasons) r.shown.push_back(why);
    }
  });
  return r;
}

}  // namespace

TEST_CASE(
    "pledge, account and schedule reports cost the same with 10,000 "
    "unrelated claims and 2,000 unrelated links") {
  parley::Database db{":memory:"};
  db.import_json(parley::test::astana_json());
  // The first pledge has an event that fulfils it and a claim on it.
  parley::Document kept;
  parley::Event lifted;
  lifted.id = parley::EventId{"event:siege-lifted"};
  lifted.title = {{"en", "Siege lifted"}};
  lifted.time = parley::Edtf::parse("2017-02-20");
  lifted.payload = parley::Meeting{};
  kept.events.push_back({lifted});
  kept.links.push_back(
      {parley::Link{lifted.id, parley::LinkKind::fulfils,
                    parley::EventId{"event:pledge-lift-ghouta-siege"}, ""}});
  db.import(kept);
  const Reports before = reports_of(db);
  REQUIRE(std::find(before.shown.begin(), before.shown.end(),
                    "event:siege-lifted") != before.shown.end());

  db.import(unrelated(2'000));
  const Reports after = reports_of(db);
  CHECK(after.shown == before.shown);
  CHECK(after.work.statements == before.work.statements);
  CHECK(after.work.rows == before.work.rows);
  // Index lookups deepen a little as tables grow; a scan of 10,000 claims
  // or 2,000 links would take thousands of steps more.
  CHECK(after.work.steps <= before.work.steps + before.work.steps / 4 + 20);
}
