// Query::flagged and PledgeFilter::violated. Expected ids from the inputs:
// the document below flags event:flagged only; tests/report/calendar.json
// has one violates link, to event:pledge-stop-shelling (recorded 02-22).
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "parley/database.hpp"
#include "parley/record_time.hpp"
#include "parley/reports.hpp"

#include "backends.hpp"

namespace {

std::vector<std::string> ids(const parley::Database& db,
                             const parley::Query& q) {
  std::vector<std::string> out;
  for (const auto& e : db.query(q).events) out.push_back(e.id.value);
  return out;
}

void flagged(parley::Database& db) {
  db.import_json(nlohmann::json::parse(R"({
    "format": "parley", "version": 1, "recorded": "2017-03-01T00:00:00Z",
    "events": [
      {"id": "event:flagged", "kind": "hostilities", "title": {"en": "A"},
       "time": "2017-02-20", "details": {"kind": "shelling",
       "deaths_low": 5, "deaths_best": 3},
       "flags": [{"code": "deaths_low_above_best", "message": "5 > 3"}]},
      {"id": "event:plain", "kind": "hostilities", "title": {"en": "B"},
       "time": "2017-02-21", "details": {"kind": "shelling"}}]})"));
}

}  // namespace

TEST_CASE("postgres backend: query: flagged events, of a code, now and as of") {
  parley::test::on_each_backend([&](parley::Database& db, const std::string&) {
    flagged(db);
    parley::Query q;
    q.flagged = true;
    CHECK(ids(db, q) == std::vector<std::string>{"event:flagged"});
    q.flag = parley::FlagCode::deaths_best_above_high;
    CHECK(ids(db, q).empty());
    q.flag = parley::FlagCode::deaths_low_above_best;
    q.as_of = parley::parse_record_time("2017-03-02");
    CHECK(ids(db, q) == std::vector<std::string>{"event:flagged"});
    q.as_of = parley::parse_record_time("2017-02-28");  // before the import
    CHECK(ids(db, q).empty());
  });
}

TEST_CASE("postgres backend: pledge filter: violated pledges") {
  parley::test::on_each_backend([&](parley::Database& db, const std::string&) {
    db.import_file(std::string(PARLEY_SOURCE_DIR) +
                   "/tests/report/calendar.json");
    parley::PledgeFilter f;
    f.violated = true;
    const auto now = parley::pledge_tracker(db, {}, f);
    REQUIRE(now.size() == 1);
    CHECK(now[0].pledge.id.value == "event:pledge-stop-shelling");
    parley::Query before;  // the link was recorded on 02-22
    before.as_of = parley::parse_record_time("2017-02-21");
    CHECK(parley::pledge_tracker(db, before, f).empty());
  });
}
