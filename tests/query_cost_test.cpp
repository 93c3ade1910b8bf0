// Cost follows the answer: a page and its timeline read the same rows with
// the same statements however many unrelated claims the database holds.
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include "parley/database.hpp"
#include "parley/timeline.hpp"

#include "store/impl.hpp"
#include "support.hpp"

namespace {

// Statements started and rows returned on one connection while counting.
struct Work {
  int statements = 0;
  int rows = 0;
};

int on_trace(unsigned type, void* context, void*, void*) {
  auto* work = static_cast<Work*>(context);
  if (type == SQLITE_TRACE_STMT) ++work->statements;
  if (type == SQLITE_TRACE_ROW) ++work->rows;
  return 0;
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
  sqlite3* handle = parley::detail::DatabaseAccess::connection(db).getHandle();
  sqlite3_trace_v2(handle, SQLITE_TRACE_STMT | SQLITE_TRACE_ROW, on_trace,
                   &a.work);
  parley::Query q;
  q.actors = {parley::ActorId{"actor:russia"}};
  q.limit = 5;
  const parley::Timeline t = parley::make_timeline(db, db.query(q).events);
  sqlite3_trace_v2(handle, 0, nullptr, nullptr);
  for (const auto& e : t.events) {
    a.events.push_back(e.id.value);
    for (const auto* c : t.claims_on(e.id)) a.claims.push_back(c->id.value);
  }
  a.actors = t.actors.size(), a.places = t.places.size();
  a.sources = t.sources.size(), a.links = t.links.size();
  return a;
}

}  // namespace

TEST_CASE("a page's timeline costs the same with 10,000 unrelated claims") {
  parley::Database db{":memory:"};
  db.import_json(parley::test::astana_json());
  const Answer before = page_of_russia(db);
  REQUIRE(before.events.size() == 5);
  REQUIRE_FALSE(before.claims.empty());  // the page has claims to find

  // 10,000 claims on an event outside the page, from one source.
  parley::Document more;
  parley::Source source;
  source.id = parley::SourceId{"source:wire"};
  source.title = "Wire";
  more.sources.push_back({source});
  parley::Event elsewhere;
  elsewhere.id = parley::EventId{"event:elsewhere"};
  elsewhere.title = {{"en", "Elsewhere"}};
  elsewhere.time = parley::Edtf::parse("2019-05-01");
  elsewhere.payload = parley::Meeting{};
  more.events.push_back({elsewhere});
  for (int i = 0; i < 10'000; ++i) {
    parley::Claim c;
    c.id = parley::ClaimId{"claim:wire-" + std::to_string(i)};
    c.event = elsewhere.id;
    c.source = source.id;
    c.quote = "report " + std::to_string(i);
    more.claims.push_back({c});
  }
  db.import(more);

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
