// Clock times (parley/clock.hpp). Expected UTC instants are worked out from
// the zones' offsets: Asia/Damascus is UTC+2 in February 2017 (EET),
// Asia/Almaty UTC+6 then and UTC+5 from 2024-03-01.
#include "parley/clock.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "parley/error.hpp"

namespace {

parley::Day day(int y, unsigned m, unsigned d) {
  return parley::Day{date::sys_days{date::year{y} / m / d}};
}

std::string utc(const parley::ZonedInstant& at) {
  return date::format("%FT%H:%MZ", at.utc);
}

parley::ClockedTime at(const char* time, const char* start, const char* end,
                       const char* zone) {
  return {parley::Edtf::parse(time), parley::TimeOfDay{start, end, zone, ""}};
}

}  // namespace

TEST_CASE("parse_clock reads HH:MM and nothing else") {
  CHECK(parley::parse_clock("00:00") == 0);
  CHECK(parley::parse_clock("06:00") == 360);
  CHECK(parley::parse_clock("23:59") == 1439);
  CHECK_FALSE(parley::parse_clock("24:00"));
  CHECK_FALSE(parley::parse_clock("12:60"));
  CHECK_FALSE(parley::parse_clock("6:00"));
  CHECK_FALSE(parley::parse_clock("morning"));
}

TEST_CASE("clock bounds: exact, across midnight, a start only, approximate") {
  using B = parley::ClockBounds;
  CHECK(parley::clock_bounds({"09:00", "12:00", "Asia/Almaty", ""}) ==
        B{540, 540, 720, 720});
  // 20:00 to 02:00 the next day: 26 hours after the first midnight.
  CHECK(parley::clock_bounds({"20:00", "02:00", "Asia/Damascus", ""}) ==
        B{1200, 1200, 1560, 1560});
  CHECK(parley::clock_bounds({"06:00", "", "Asia/Damascus", ""}) ==
        B{360, 360, 361, 361});
  CHECK(parley::clock_bounds({"18:00", "22:00", "Asia/Damascus", "", true}) ==
        B{1080, 1319, 1081, 1320});
  CHECK_THROWS_AS(parley::clock_bounds({"10:00", "10:00", "UTC", ""}),
                  parley::Error);
  CHECK_THROWS_AS(parley::clock_bounds({"morning", "", "UTC", ""}),
                  parley::Error);
}

TEST_CASE("approximate words give the bounds they imply") {
  auto evening = parley::approximate_time("in the evening", "Asia/Damascus");
  REQUIRE(evening);
  CHECK(evening->start == "18:00");
  CHECK(evening->end == "22:00");
  CHECK(evening->approximate);
  CHECK(evening->label == "in the evening");
  CHECK(evening->zone == "Asia/Damascus");
  auto masa = parley::approximate_time("مساءً", "Asia/Damascus");
  REQUIRE(masa);
  CHECK(masa->start == "18:00");
  auto night = parley::approximate_time("at night", "UTC");
  REQUIRE(night);
  CHECK(night->start == "20:00");
  CHECK(night->end == "06:00");  // the next morning
  auto small = parley::approximate_time("in the early hours", "UTC");
  REQUIRE(small);
  CHECK(small->start == "00:00");
  CHECK(small->end == "06:00");
  auto about = parley::approximate_time("about 16 hours", "UTC");
  REQUIRE(about);
  CHECK(about->start == "15:30");
  CHECK(about->end == "16:30");
  auto around = parley::approximate_time("حوالي الساعة ١٦", "UTC");
  REQUIRE(around);
  CHECK(around->start == "15:30");
  CHECK(around->end == "16:30");
  auto midnight = parley::approximate_time("around 00:10", "UTC");
  REQUIRE(midnight);
  CHECK(midnight->start == "23:40");  // the day before's clock
  CHECK(midnight->end == "00:40");
  CHECK_FALSE(parley::approximate_time("on Thursday", "UTC"));
}

TEST_CASE("UTC bounds follow the zone's rules on that day") {
  const auto talks = parley::utc_bounds(
      day(2017, 2, 3), {"20:00", "02:00", "Asia/Damascus", ""});
  CHECK(utc(talks.start) == "2017-02-03T18:00Z");
  REQUIRE(talks.end);
  CHECK(utc(*talks.end) == "2017-02-04T00:00Z");
  CHECK(parley::to_string(talks) == "2017-02-03T18:00Z/2017-02-04T00:00Z");
  // Almaty moved from +06 to +05 on 2024-03-01.
  const parley::TimeOfDay ten{"10:00", "", "Asia/Almaty", ""};
  CHECK(utc(parley::utc_bounds(day(2017, 2, 16), ten).start) ==
        "2017-02-16T04:00Z");
  CHECK(utc(parley::utc_bounds(day(2024, 3, 5), ten).start) ==
        "2024-03-05T05:00Z");
  CHECK(parley::to_string(parley::utc_bounds(day(2017, 2, 16), ten)) ==
        "2017-02-16T04:00Z");
  CHECK_THROWS_AS(
      parley::utc_bounds(day(2017, 2, 16), {"10:00", "", "Mars/Base", ""}),
      parley::Error);
}

TEST_CASE("Allen in minutes: the overnight meeting overlaps its second day") {
  const auto meeting = at("2017-02-03", "20:00", "02:00", "Asia/Damascus");
  const parley::ClockedTime second{parley::Edtf::parse("2017-02-04"), {}};
  const parley::ClockedTime first{parley::Edtf::parse("2017-02-03"), {}};
  CHECK(parley::possible_relations(meeting, second) ==
        parley::Relations{parley::Allen::overlaps});
  CHECK(parley::possible_relations(second, meeting) ==
        parley::Relations{parley::Allen::overlapped_by});
  // It starts inside its first day and ends after it.
  CHECK(parley::possible_relations(meeting, first) ==
        parley::Relations{parley::Allen::overlapped_by});
  // In days (no clock) the same two days give finished-by, as before.
  CHECK(
      parley::possible_relations(
          parley::ClockedTime{parley::Edtf::parse("2017-02-03/2017-02-04"), {}},
          second) == parley::Relations{parley::Allen::finished_by});
  // The same meeting written as a two-day interval with its clock.
  CHECK(parley::possible_relations(
            at("2017-02-03/2017-02-04", "20:00", "02:00", "Asia/Damascus"),
            second) == parley::Relations{parley::Allen::overlaps});
}

TEST_CASE("Allen in minutes: a truce at 06:00 is before an attack at 09:00") {
  const auto truce = at("2017-02-16", "06:00", "", "Asia/Damascus");
  const auto attack = at("2017-02-16", "09:00", "", "Asia/Damascus");
  CHECK(parley::possible_relations(truce, attack) ==
        parley::Relations{parley::Allen::before});
  // 09:00 in Almaty (+06) is 03:00 UTC, an hour before the truce (04:00).
  const auto far = at("2017-02-16", "09:00", "", "Asia/Almaty");
  CHECK(parley::possible_relations(truce, far) ==
        parley::Relations{parley::Allen::after});
  // Without clocks: two events on one day, exactly as in days.
  const parley::ClockedTime a{parley::Edtf::parse("2017-02-16"), {}};
  CHECK(parley::possible_relations(a, a) ==
        parley::possible_relations(parley::Edtf::parse("2017-02-16"),
                                   parley::Edtf::parse("2017-02-16")));
  // A clock on a month is ignored: days as before.
  const auto month = at("2017-02", "06:00", "", "Asia/Damascus");
  CHECK(parley::possible_relations(month, attack) ==
        parley::possible_relations(parley::Edtf::parse("2017-02"),
                                   parley::Edtf::parse("2017-02-16")));
}

TEST_CASE("Allen in minutes: an approximate evening and a 19:00 statement") {
  parley::ClockedTime evening{
      parley::Edtf::parse("2017-02-16"),
      parley::TimeOfDay{"18:00", "22:00", "Asia/Damascus", "evening", true}};
  const auto seven = at("2017-02-16", "19:00", "", "Asia/Damascus");
  const auto r = parley::possible_relations(evening, seven);
  CHECK(r.has(parley::Allen::before));
  CHECK(r.has(parley::Allen::contains));
  CHECK(r.has(parley::Allen::after));
  CHECK_FALSE(r.has(parley::Allen::during));  // a minute holds no evening
}

TEST_CASE("TimeOfDay JSON: round trip, approximate, UTC beside local") {
  const parley::TimeOfDay t{"20:00", "02:00", "Asia/Damascus", "overnight",
                            true};
  const nlohmann::json j = t;
  CHECK(j.at("approximate") == true);
  CHECK(j.get<parley::TimeOfDay>() == t);
  const nlohmann::json shown =
      parley::time_of_day_json(t, parley::Edtf::parse("2017-02-03"));
  CHECK(shown.at("utc") == "2017-02-03T18:00Z/2017-02-04T00:00Z");
  CHECK(shown.get<parley::TimeOfDay>() == t);  // "utc" is derived
  CHECK_FALSE(parley::time_of_day_json(t, parley::Edtf::parse("2017-02"))
                  .contains("utc"));
}
