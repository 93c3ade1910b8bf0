// Times as rules (parley/time_rule.hpp) in the store, on
// tests/rules/calendar.json: an implementation calendar whose three
// deadlines chain from a ceasefire's entry into force. Worked out by hand:
//   ceasefire        2016-12-01T04:30:00Z = 2016-11-30 23:30 in Bogota
//   withdraw-start   no later than the 5th day after 11-30: ../2016-12-05
//   withdraw-complete within 21 days of 12-05: 2016-12-05/2016-12-26
//   pledge-exchange  deadline no later than the 10th day after 12-26:
//                    ../2017-01-05
// Moved to 2016-12-03T04:30:00Z (12-02 in Bogota): ../2016-12-07,
// 2016-12-07/2016-12-28, ../2017-01-07.
#include <fstream>
#include <string>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "parley/database.hpp"
#include "parley/error.hpp"
#include "parley/record_time.hpp"

#include "backends.hpp"

namespace {

const char* calendar_file = PARLEY_SOURCE_DIR "/tests/rules/calendar.json";

std::string time_of(const parley::Database& db, const char* id,
                    const parley::ReadOptions& read = {}) {
  return db.event(parley::EventId{id}, read)->time.str();
}

std::string deadline_of(const parley::Database& db,
                        const parley::ReadOptions& read = {}) {
  const auto e = db.event(parley::EventId{"event:pledge-exchange"}, read);
  return std::get<parley::Pledge>(e->payload).deadline->str();
}

parley::WriteOptions at(const char* when) {
  return {parley::parse_record_time(when)};
}

// The error message of `write`, or "" when it succeeds.
template <class F>
std::string refusal(F&& write, parley::Errc expected) {
  try {
    write();
  } catch (const parley::Error& e) {
    CHECK(e.code() == expected);
    return e.message();
  }
  return "";
}

// The withdrawal calendar after the ceasefire moved (recorded 2016-12-10):
// now derived from the moved ceasefire (12-02 in Bogota); as known on
// 2016-12-05, from the first one (11-30 in Bogota).
void check_moved_calendar(const parley::Database& db) {
  CHECK(time_of(db, "event:withdraw-start") == "../2016-12-07");
  CHECK(time_of(db, "event:withdraw-complete") == "2016-12-07/2016-12-28");
  CHECK(deadline_of(db) == "../2017-01-07");
  const parley::ReadOptions before{parley::parse_record_time("2016-12-05")};
  CHECK(time_of(db, "event:withdraw-start", before) == "../2016-12-05");
  CHECK(time_of(db, "event:withdraw-complete", before) ==
        "2016-12-05/2016-12-26");
  CHECK(deadline_of(db, before) == "../2017-01-05");
}

}  // namespace

TEST_CASE(
    "postgres backend: time rules: a chain of three deadlines from a ceasefire "
    "in Bogota") {
  parley::test::on_each_backend([&](parley::Database& db, const std::string&) {
    db.import_file(calendar_file);
    CHECK(time_of(db, "event:withdraw-start") == "../2016-12-05");
    CHECK(time_of(db, "event:withdraw-complete") == "2016-12-05/2016-12-26");
    CHECK(deadline_of(db) == "../2017-01-05");
    // The rule is kept with the value.
    const auto start = db.event(parley::EventId{"event:withdraw-start"});
    REQUIRE(start->time_rule);
    CHECK(start->time_rule->anchor_event->value == "event:ceasefire");
    CHECK(start->time_rule->expression.count == 5);
  });
}

TEST_CASE(
    "postgres backend: time rules: moving the anchor moves the chain, as of "
    "keeps it") {
  parley::test::on_each_backend([&](parley::Database& db, const std::string&) {
    db.import_file(calendar_file);
    auto ceasefire = *db.event(parley::EventId{"event:ceasefire"});
    ceasefire.time = parley::Edtf::parse("2016-12-03T04:30:00Z");
    db.update(ceasefire, at("2016-12-10T09:00:00Z"));

    check_moved_calendar(db);
    // The re-derived versions are recorded when the anchor moved.
    const parley::ReadOptions just_after{
        parley::parse_record_time("2016-12-10T09:00:00Z")};
    CHECK(deadline_of(db, just_after) == "../2017-01-07");
  });
}

TEST_CASE(
    "postgres backend: time rules: a new version by import moves the chain "
    "too") {
  parley::test::on_each_backend([&](parley::Database& db, const std::string&) {
    db.import_file(calendar_file);
    nlohmann::json doc = nlohmann::json::parse(R"({
      "format": "parley", "version": 1, "recorded": "2016-12-10T09:00:00Z",
      "events": [{"id": "event:ceasefire", "kind": "ceasefire",
        "title": {"en": "Definitive ceasefire enters into force"},
        "time": "2016-12-02", "details": {"state": "in_force"}}]})");
    db.import_json(doc);
    // No clock zone now: the anchor day is 12-02 as written.
    CHECK(time_of(db, "event:withdraw-start") == "../2016-12-07");
    CHECK(deadline_of(db) == "../2017-01-07");
  });
}

TEST_CASE("postgres backend: time rules: a cycle is refused naming the chain") {
  parley::test::on_each_backend([&](parley::Database& db, const std::string&) {
    db.import_file(calendar_file);
    auto start = *db.event(parley::EventId{"event:withdraw-start"});
    start.time_rule->anchor_event = parley::EventId{"event:withdraw-complete"};
    const std::string message =
        refusal([&] { db.update(start); }, parley::Errc::bad_value);
    CHECK(message.find("event:withdraw-start → event:withdraw-complete → "
                       "event:withdraw-start") != std::string::npos);
    // Nothing was written.
    CHECK(time_of(db, "event:withdraw-start") == "../2016-12-05");

    // A deadline is no anchor: a time anchored on the pledge whose deadline
    // is anchored on this chain closes no cycle (the pledge's time is fixed).
    start.time_rule->anchor_event = parley::EventId{"event:pledge-exchange"};
    db.update(start, at("2016-12-01T00:00:00Z"));
    // The 5th day after the pledge's day, 2016-11-24.
    CHECK(time_of(db, "event:withdraw-start") == "../2016-11-29");
    CHECK(deadline_of(db) == "../2016-12-30");

    // Two new events anchored on each other in one document.
    nlohmann::json doc = nlohmann::json::parse(R"({
      "format": "parley", "version": 1,
      "events": [
        {"id": "event:a", "kind": "custom", "title": {"en": "A"},
         "time_rule": {"anchor_event": "event:b", "rule": "later", "count": 1},
         "details": {"name": "x"}},
        {"id": "event:b", "kind": "custom", "title": {"en": "B"},
         "time_rule": {"anchor_event": "event:a", "rule": "later", "count": 1},
         "details": {"name": "x"}}]})");
    const std::string both =
        refusal([&] { db.import_json(doc); }, parley::Errc::bad_value);
    CHECK(both.find("event:a → event:b → event:a") != std::string::npos);
    CHECK_FALSE(db.event(parley::EventId{"event:a"}));
  });
}

TEST_CASE(
    "postgres backend: time rules: a missing anchor is refused naming it") {
  parley::test::on_each_backend([&](parley::Database& db, const std::string&) {
    nlohmann::json doc = nlohmann::json::parse(R"({
      "format": "parley", "version": 1,
      "events": [
        {"id": "event:c", "kind": "custom", "title": {"en": "C"},
         "time_rule": {"anchor_event": "event:nowhere", "rule": "day_after",
                       "count": 3}, "details": {"name": "x"}}]})");
    const std::string message =
        refusal([&] { db.import_json(doc); }, parley::Errc::bad_value);
    CHECK(message.find("'event:nowhere' does not exist") != std::string::npos);
    CHECK(message.find("event:c → event:nowhere") != std::string::npos);
    CHECK(db.events().empty());
  });
}

TEST_CASE(
    "postgres backend: time rules: an anchor a rule names cannot be removed") {
  parley::test::on_each_backend([&](parley::Database& db, const std::string&) {
    db.import_file(calendar_file);
    const std::string message =
        refusal([&] { db.remove(parley::EventId{"event:ceasefire"}); },
                parley::Errc::bad_reference);
    CHECK(message.find("event:withdraw-start") != std::string::npos);
  });
}

TEST_CASE("time rules: parley resolve's output is stored as is") {
  // As `parley resolve --db D --anchor-event event:ceasefire "no later than
  // the fifth day after"` prints it (its derived fields are ignored).
  const nlohmann::json printed = nlohmann::json::parse(R"({
    "phrase": "no later than the fifth day after", "lang": "en",
    "anchor": "2016-11-30", "zone": "America/Bogota", "rule": "day_after",
    "offset": "P5D", "edtf": "../2016-12-05", "earliest_start": null,
    "latest_start": null, "earliest_end": "2016-12-05",
    "latest_end": "2016-12-05", "matched": "the fifth day after",
    "tense": "none", "tense_stated": false, "sense": "no_later_than",
    "anchor_event": "event:ceasefire", "anchor_side": "start"})");
  const auto rule = printed.get<parley::TimeRule>();
  CHECK(rule.anchor_event->value == "event:ceasefire");
  CHECK_FALSE(rule.anchor);
  CHECK(rule.expression.rule == parley::Rule::day_after);
  CHECK(rule.expression.count == 5);
  CHECK(rule.expression.sense == parley::Sense::no_later_than);
  CHECK(parley::derive(rule, parley::Edtf::parse("2016-11-30")).str() ==
        "../2016-12-05");
  // A round trip keeps it.
  CHECK(nlohmann::json(rule).get<parley::TimeRule>() == rule);
}

TEST_CASE(
    "postgres backend: time rules: a chain written after its anchor's new "
    "version") {
  parley::test::on_each_backend([&](parley::Database& db, const std::string&) {
    // The ceasefire alone at the calendar's record time, then moved; then
    // the three rules arrive, recorded when the ceasefire was first known.
    nlohmann::json calendar =
        nlohmann::json::parse(std::ifstream(calendar_file, std::ios::binary));
    nlohmann::json alone = calendar;
    alone["events"] = nlohmann::json::array();
    for (const auto& e : calendar["events"]) {
      if (e["id"] == "event:ceasefire") alone["events"].push_back(e);
    }
    db.import_json(alone);
    auto ceasefire = *db.event(parley::EventId{"event:ceasefire"});
    ceasefire.time = parley::Edtf::parse("2016-12-03T04:30:00Z");
    db.update(ceasefire, at("2016-12-10T09:00:00Z"));
    db.import_json(calendar);

    check_moved_calendar(db);
  });
}

TEST_CASE(
    "postgres backend: time rules: a dependent recorded after the anchor's new "
    "version") {
  parley::test::on_each_backend([&](parley::Database& db, const std::string&) {
    // Anchor v1 at R1; the dependent written at R3; then anchor v2, recorded
    // at R2 between them: the dependent, as known at R3, reads v2.
    nlohmann::json doc = nlohmann::json::parse(R"({
      "format": "parley", "version": 1, "recorded": "2017-01-01T00:00:00Z",
      "events": [{"id": "event:signing", "kind": "custom",
        "title": {"en": "Signing"}, "time": "2017-02-16",
        "details": {"name": "signing"}}]})");
    db.import_json(doc);
    nlohmann::json dependent = nlohmann::json::parse(R"({
      "format": "parley", "version": 1, "recorded": "2017-03-01T00:00:00Z",
      "events": [{"id": "event:release", "kind": "custom",
        "title": {"en": "Release"}, "details": {"name": "release"},
        "time_rule": {"anchor_event": "event:signing", "rule": "later",
                      "count": 14, "sense": "within"}}]})");
    db.import_json(dependent);
    CHECK(time_of(db, "event:release") == "2017-02-16/2017-03-02");

    auto signing = *db.event(parley::EventId{"event:signing"});
    signing.time = parley::Edtf::parse("2017-02-20");
    db.update(signing, at("2017-02-01T00:00:00Z"));  // R2, before R3
    // 02-20 + 14 days is 03-06.
    CHECK(time_of(db, "event:release") == "2017-02-20/2017-03-06");
    CHECK(time_of(db, "event:release",
                  {parley::parse_record_time("2017-03-01T00:00:00Z")}) ==
          "2017-02-20/2017-03-06");
    // Before R3 the release was not known; the signing's history is kept.
    CHECK_FALSE(db.event(parley::EventId{"event:release"},
                         {parley::parse_record_time("2017-02-15")}));
    CHECK(time_of(db, "event:signing",
                  {parley::parse_record_time("2017-01-15")}) == "2017-02-16");

    // A dependent recorded between R1 and R2, written last: v1 then, v2
    // from R2 on.
    dependent["recorded"] = "2017-01-15T00:00:00Z";
    dependent["events"][0]["id"] = "event:exchange";
    db.import_json(dependent);
    CHECK(time_of(db, "event:exchange",
                  {parley::parse_record_time("2017-01-20")}) ==
          "2017-02-16/2017-03-02");
    CHECK(time_of(db, "event:exchange") == "2017-02-20/2017-03-06");
  });
}

// 06:00 in New York on 2017-03-10 (EST); 72 hours on the clock end at
// 06:00 on 03-13 (EDT, after the change on 03-12); 48 hours at 06:00 on
// 03-12 (EDT: the change is at 02:00).
TEST_CASE(
    "postgres backend: time rules: hours from an anchor with a clock time") {
  parley::test::on_each_backend([&](parley::Database& db, const std::string&) {
    nlohmann::json doc = nlohmann::json::parse(R"({
      "format": "parley", "version": 1,
      "actors": [{"id": "actor:a", "kind": "state", "names": {"en": "A"}}],
      "events": [
        {"id": "event:truce", "kind": "ceasefire", "title": {"en": "Truce"},
         "time": "2017-03-10",
         "time_of_day": {"start": "06:00", "zone": "America/New_York"},
         "details": {"state": "in_force"}},
        {"id": "event:withdraw", "kind": "custom", "title": {"en": "Withdraw"},
         "time_rule": {"anchor_event": "event:truce", "rule": "later",
                       "count": 72, "unit": "hour", "sense": "within"},
         "details": {"name": "withdrawal"}},
        {"id": "event:pledge", "kind": "pledge", "title": {"en": "Hand over"},
         "time": "2017-03-10",
         "details": {"pledger": "actor:a", "status": "made",
                     "deadline_rule": {"anchor_event": "event:truce",
                                       "phrase": "no later than 48 hours after",
                                       "rule": "later"}}}]})");
    db.import_json(doc);
    CHECK(time_of(db, "event:withdraw") ==
          "2017-03-10T06:00:00-05:00/2017-03-13T06:00:00-04:00");
    const auto pledge = db.event(parley::EventId{"event:pledge"});
    CHECK(std::get<parley::Pledge>(pledge->payload).deadline->str() ==
          "../2017-03-12T06:00:00-04:00");
    // parley resolve's offset for hours is stored as is.
    const auto rule = nlohmann::json::parse(R"({"anchor_event": "event:truce",
        "rule": "later", "offset": "PT72H", "sense": "within"})")
                          .get<parley::TimeRule>();
    CHECK(rule.expression.unit == parley::Unit::hour);
    CHECK(rule.expression.count == 72);
    // Against the day alone (no clock), 72 hours are the third day after.
    CHECK(parley::derive(rule, parley::Edtf::parse("2017-03-10")).str() ==
          "2017-03-10/2017-03-13");
  });
}
