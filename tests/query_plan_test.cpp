// The plans of the statements Database::query runs: for every shape of
// query, EXPLAIN QUERY PLAN of the exact SQL and parameters (taken from the
// internal hook in src/query/sql.hpp) names the index expected to serve it
// (a positive check, so a change in SQLite's wording fails rather than
// passes) and shows no full scan of the event table. Plans here are SQLite's
// choices without ANALYZE statistics, as parley runs them.
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <doctest/doctest.h>

#include "parley/database.hpp"

#include "query/sql.hpp"
#include "support.hpp"

namespace {

struct Fixture {
  parley::test::TempDir dir;
  std::filesystem::path file = dir.path() / "plan.db";
  Fixture() {
    parley::Database db{file};
    db.import_json(parley::test::astana_json());
  }
};

Fixture& fixture() {
  static Fixture f;
  return f;
}

parley::OpenOptions read_only() {
  parley::OpenOptions o;
  o.read_only = true;
  return o;
}

// The plan of the first batch of `q` (or of its count), one line per step.
std::vector<std::string> plan(const parley::Query& q, bool count = false) {
  const parley::Database db{fixture().file, read_only()};
  const auto store = parley::detail::DatabaseAccess::store(db);
  const parley::detail::QuerySql sql =
      count ? parley::detail::count_sql(store, q)
            : parley::detail::query_sql(store, q, 101);
  const auto s = store.backend.run("EXPLAIN QUERY PLAN " + sql.sql, sql.binds);
  std::vector<std::string> lines;
  while (s->next()) lines.emplace_back(s->text(3));
  return lines;
}

// True when a step reads the whole event table (alias e) without an index.
bool scans_events(const std::vector<std::string>& lines) {
  for (const std::string& line : lines) {
    if (line.rfind("SCAN e", 0) == 0 && (line.size() == 6 || line[6] == ' ') &&
        line.find("USING") == std::string::npos) {
      return true;
    }
  }
  return false;
}

// True when the page is sorted after reading rather than read in order.
// A time window's plan merges two ordered arms: the short events read in
// order, and the long events found through event_long, which are sorted
// (they are few); only a sort outside that arm counts.
bool sorts(const std::vector<std::string>& lines) {
  bool long_arm = false;
  for (const std::string& line : lines) {
    if (line == "LEFT" || line == "RIGHT") long_arm = false;
    if (line.rfind("SCAN event_long", 0) == 0) long_arm = true;
    if (line == "USE TEMP B-TREE FOR ORDER BY" && !long_arm) return true;
  }
  return false;
}

// True when a step reads through `index` (an index or virtual table).
bool uses(const std::vector<std::string>& lines, const std::string& index) {
  for (const std::string& line : lines) {
    const auto at = line.find(index);
    if (at == std::string::npos) continue;
    const auto end = at + index.size();
    if (end == line.size() || line[end] == ' ' || line[end] == ')') {
      return true;
    }
  }
  return false;
}

std::string show(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) out += "\n  " + line;
  return out;
}

parley::TimeFilter february() { return {parley::Edtf::parse("2017-02")}; }

// `in_order`: the page must be read in chronological order from an index
// and stop after its rows, with no sort of every match.
// `index`: a name the page's plan must show.
void check_shape(const char* name, const parley::Query& q,
                 bool in_order = false, const char* index = nullptr) {
  const auto page = plan(q);
  INFO((std::string(name) + show(page)));
  CHECK_FALSE(scans_events(page));
  if (in_order) CHECK_FALSE(sorts(page));
  if (index) CHECK(uses(page, index));
  const auto counted = plan(q, true);
  INFO((std::string(name) + " (count)" + show(counted)));
  CHECK_FALSE(scans_events(counted));
}

}  // namespace

TEST_CASE("query plans: each filter alone reads events through an index") {
  {
    parley::Query q;
    q.time = february();
    check_shape("time window", q, true, "event_order");
  }
  {
    parley::Query q;
    q.actors = {parley::ActorId{"actor:russia"}};
    check_shape("actor", q, true, "event_actor_order");
  }
  {
    parley::Query q;
    q.actors = {parley::ActorId{"actor:russia"}};
    q.role = "mediator";
    check_shape("actor and role", q);
  }
  {
    parley::Query q;
    q.actors = {parley::ActorId{"actor:armed-opposition"}};
    q.include_members = true;
    check_shape("actor with members", q);
  }
  {
    parley::Query q;
    q.places = {parley::PlaceId{"place:syria"}};
    check_shape("place containment", q, false, "event_place");
  }
  {
    parley::Query q;
    q.processes = {parley::ProcessId{"process:syria"}};
    check_shape("process", q, false, "event_process");
  }
  {
    parley::Query q;
    q.kinds = {"pledge"};
    check_shape("kind", q, true, "event_kind");
    q.kinds = {"talks"};  // a group: three kinds
    check_shape("kind group", q);
  }
  {
    parley::Query q;
    q.statuses = {parley::Status::held};
    check_shape("status", q);
  }
  {
    parley::Query q;
    q.topics = {"detainees"};
    check_shape("topic", q);
  }
  {
    parley::Query q;
    q.text = "Astana";
    check_shape("text", q, false, "event_search");
    CHECK(uses(plan(q), "claim_search"));
  }
}

TEST_CASE("query plans: as-of, combined filters and the next page") {
  {
    parley::Query q;
    q.as_of = parley::parse_record_time("2017-03-01T00:00:00Z");
    q.time = february();
    check_shape("as-of with a time window", q, true, "event_order_history");
  }
  {
    parley::Query q;
    q.as_of = parley::parse_record_time("2017-03-01T00:00:00Z");
    q.actors = {parley::ActorId{"actor:russia"}};
    check_shape("as-of with an actor", q);
  }
  {
    parley::Query q;
    q.time = february();
    q.actors = {parley::ActorId{"actor:russia"}};
    q.places = {parley::PlaceId{"place:kazakhstan"}};
    q.kinds = {"talks"};
    q.topics = {"ceasefire"};
    q.text = "Astana";
    check_shape("combined", q);
  }
  {
    parley::Query q;
    q.time = february();
    q.after = "17213,17214,event:astana-2";
    check_shape("next page of a time window", q, true, "event_order");
  }
  {
    parley::Query q;
    q.after = "17213,17214,event:astana-2";
    check_shape("next page of everything", q, true, "event_order");
  }
}

TEST_CASE("query plans: the hook returns the statement Database::query runs") {
  // A page read through the hook's SQL gives the same ids as the query.
  parley::Query q;
  q.time = february();
  q.limit = 3;
  parley::Database db{fixture().file};
  const parley::Page page = db.query(q);
  const parley::Database other{fixture().file, read_only()};
  const auto store = parley::detail::DatabaseAccess::store(other);
  const parley::detail::QuerySql sql = parley::detail::query_sql(store, q, 3);
  const auto s = store.backend.run(sql.sql, sql.binds);
  std::vector<std::string> ids;
  while (s->next()) ids.emplace_back(s->text(2));
  std::vector<std::string> expected;
  for (const auto& e : page.events) expected.push_back(e.id.value);
  CHECK(ids == expected);
}

TEST_CASE("query plans: the checks catch a full scan and a missing index") {
  // A filter no index serves: the check must see the scan, or it could
  // never fail.
  SQLite::Database db{fixture().file.string(), SQLite::OPEN_READONLY};
  SQLite::Statement s{db,
                      "EXPLAIN QUERY PLAN SELECT e.id FROM event e WHERE "
                      "e.doc LIKE '%Astana%' ORDER BY e.time"};
  std::vector<std::string> lines;
  while (s.executeStep()) lines.push_back(s.getColumn(3).getString());
  INFO(show(lines));
  CHECK(scans_events(lines));
  CHECK(sorts(lines));
  CHECK_FALSE(uses(lines, "event_order"));
  CHECK_FALSE(uses(lines, "event_long"));
}
