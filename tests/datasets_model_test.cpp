// The model's fields for imported data (event.hpp's ExternalRef, flags and
// attributes; payload.hpp's per-side deaths): JSON round trips, fields
// left out when absent, and validation that keeps flagged data as given.
#include <SQLiteCpp/Database.h>
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "parley/database.hpp"
#include "parley/error.hpp"
#include "parley/event.hpp"

#include "store/impl.hpp"
#include "support.hpp"

namespace {

parley::Event imported_event() {
  parley::Event e = parley::test::make_event("event:ucdp-1", "2017-02-15");
  parley::Hostilities h;
  h.deaths = {.low = 12,
              .best = 10,
              .high = 15,
              .side_a = 2,
              .side_b = 3,
              .civilians = 4,
              .unknown = 1};
  e.payload = h;
  e.external = parley::ExternalRef{"ucdp", "1", "19.1"};
  e.flags = {{parley::FlagCode::deaths_low_above_best, "low 12 > best 10"}};
  e.attributes =
      parley::JsonObject(nlohmann::json{{"where_prec", "1"}, {"gwnob", ""}});
  return e;
}

}  // namespace

TEST_CASE("an imported event's fields round-trip through JSON") {
  const parley::Event e = imported_event();
  const nlohmann::json j = e;
  CHECK(j.at("external") ==
        nlohmann::json{{"dataset", "ucdp"}, {"id", "1"}, {"release", "19.1"}});
  CHECK(j.at("flags") ==
        nlohmann::json::array({{{"code", "deaths_low_above_best"},
                                {"message", "low 12 > best 10"}}}));
  CHECK(j.at("attributes") ==
        nlohmann::json{{"where_prec", "1"}, {"gwnob", ""}});
  const nlohmann::json& details = j.at("details");
  CHECK(details.at("deaths_side_a") == 2);
  CHECK(details.at("deaths_side_b") == 3);
  CHECK(details.at("deaths_civilians") == 4);
  CHECK(details.at("deaths_unknown") == 1);
  CHECK(j.get<parley::Event>() == e);
  CHECK(e.external->key() == "ucdp:1");
}

TEST_CASE("an event without them writes none of the new fields") {
  const nlohmann::json j = parley::test::make_event("event:a", "2017-02-15");
  CHECK_FALSE(j.contains("external"));
  CHECK_FALSE(j.contains("flags"));
  CHECK_FALSE(j.contains("attributes"));
  nlohmann::json bad = j;
  bad["attributes"] = nlohmann::json::array();
  CHECK_THROWS_AS(bad.get<parley::Event>(), parley::Error);
  bad = j;
  bad["flags"] = {{{"code", "no_such_flag"}}};
  CHECK_THROWS_AS(bad.get<parley::Event>(), parley::Error);
}

TEST_CASE("deaths out of order are kept when flagged, refused otherwise") {
  parley::Deaths d{.low = 12, .best = 10, .high = 9};
  const std::vector<parley::Flag> found = d.inconsistencies();
  REQUIRE(found.size() == 3);
  CHECK(found[0].code == parley::FlagCode::deaths_low_above_best);
  CHECK(found[0].message == "low 12 > best 10");
  CHECK(found[1].code == parley::FlagCode::deaths_best_above_high);
  CHECK(found[2].code == parley::FlagCode::deaths_low_above_high);
  CHECK(
      parley::Deaths{.low = 1, .best = 1, .high = 2}.inconsistencies().empty());

  parley::Database db{":memory:"};
  parley::Event e = imported_event();
  e.flags.clear();
  try {
    db.add(e);
    FAIL("an unflagged low > best was stored");
  } catch (const parley::Error& error) {
    CHECK(error.where() == "event/details/deaths_low");
  }
  CHECK(db.totals().events == 0);
  db.add(imported_event());
  CHECK(db.event(e.id) == imported_event());

  // A negative per-side count is unreadable, flag or not.
  parley::Event negative = imported_event();
  negative.id = parley::EventId{"event:ucdp-2"};
  std::get<parley::Hostilities>(negative.payload).deaths.civilians = -1;
  CHECK_THROWS_AS(db.add(negative), parley::Error);
}

TEST_CASE("flagged and imported events are indexed (migration 006)") {
  parley::Database db{":memory:"};
  db.add(imported_event());
  parley::Event plain = parley::test::make_event("event:plain", "2017-02-16");
  db.add(plain);
  SQLite::Database& sql = parley::detail::DatabaseAccess::connection(db);
  const auto rows = [&](const char* query) {
    return sql.execAndGet(query).getString();
  };
  CHECK(rows("SELECT group_concat(dataset || ':' || external_id || ' ' || "
             "dataset_release || ' ' || event) FROM event_external") ==
        "ucdp:1 19.1 event:ucdp-1");
  CHECK(rows("SELECT group_concat(code || ' ' || event) FROM event_flag") ==
        "deaths_low_above_best event:ucdp-1");
  // Only current versions are indexed: a consistent new version has no
  // flag row, and a removed event no external row.
  parley::Event fixed = imported_event();
  fixed.flags.clear();
  std::get<parley::Hostilities>(fixed.payload).deaths.low = 5;
  db.update(fixed);
  CHECK(rows("SELECT count(*) FROM event_flag") == "0");
  CHECK(rows("SELECT count(*) FROM event_external") == "1");
  db.remove(fixed.id);
  CHECK(rows("SELECT count(*) FROM event_external") == "0");
}
