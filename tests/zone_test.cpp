// Tests for parley/zone.hpp. Expected instants are worked out by hand from
// the zones' rules in 2017 and 2022 (notes/time.md, "Time of day and
// zones").
#include "parley/zone.hpp"

#include <chrono>
#include <string>

#include <date/date.h>
#include <doctest/doctest.h>

#include "parley/error.hpp"

namespace {

using std::chrono::hours;
using std::chrono::minutes;

date::local_seconds local(date::year_month_day day, hours h,
                          minutes m = minutes{0}) {
  return date::local_days{day} + h + m;
}

date::sys_seconds utc(date::year_month_day day, hours h,
                      minutes m = minutes{0}) {
  return date::sys_days{day} + h + m;
}

std::string day_text(date::year_month_day d) { return date::format("%F", d); }

parley::Errc code_of(auto&& call) {
  try {
    call();
  } catch (const parley::Error& e) {
    return e.code();
  }
  FAIL("no parley::Error thrown");
  return parley::Errc::unsupported;
}

constexpr auto feb16 = date::year{2017} / 2 / 16;

}  // namespace

TEST_CASE("zone: Astana 10:00 on 2017-02-16 is 04:00 UTC and 05:00 Geneva") {
  const parley::ZonedInstant astana =
      parley::to_utc(local(feb16, hours{10}), "Asia/Almaty");
  CHECK(astana.utc == utc(feb16, hours{4}));
  CHECK(astana.zone == "Asia/Almaty");
  CHECK(astana.offset == hours{6});
  CHECK(parley::offset_string(astana.offset) == "+06:00");
  CHECK(parley::to_string(astana) == "2017-02-16T10:00:00+06:00");
  CHECK(astana.local() == local(feb16, hours{10}));

  const parley::ZonedInstant geneva =
      parley::in_zone(astana.utc, "Europe/Zurich");
  CHECK(geneva.local() == local(feb16, hours{5}));
  CHECK(geneva.offset == hours{1});
  CHECK(parley::to_string(geneva) == "2017-02-16T05:00:00+01:00");

  const parley::ZonedInstant moscow =
      parley::in_zone(astana.utc, "Europe/Moscow");
  CHECK(moscow.local() == local(feb16, hours{7}));
}

TEST_CASE("zone: Almaty moved from +06 to +05 on 2024-03-01") {
  const auto t =
      parley::to_utc(local(date::year{2024} / 6 / 1, hours{10}), "Asia/Almaty");
  CHECK(t.offset == hours{5});
  CHECK(t.utc == utc(date::year{2024} / 6 / 1, hours{5}));
}

TEST_CASE("zone: Astana 02:00 on 2017-02-16 is still 2017-02-15 in UTC") {
  const auto t = parley::to_utc(local(feb16, hours{2}), "Asia/Almaty");
  CHECK(t.utc == utc(date::year{2017} / 2 / 15, hours{20}));
  CHECK(day_text(parley::local_day(t.utc, "Etc/UTC")) == "2017-02-15");
  CHECK(day_text(parley::local_day(t.utc, "Asia/Almaty")) == "2017-02-16");
  CHECK(day_text(parley::local_day(t.utc, "Europe/Zurich")) == "2017-02-15");
}

TEST_CASE("zone: Damascus 2022-03-25 00:30 does not exist") {
  const auto when = local(date::year{2022} / 3 / 25, hours{0}, minutes{30});
  try {
    (void)parley::to_utc(when, "Asia/Damascus");
    FAIL("expected an error");
  } catch (const parley::Error& e) {
    CHECK(e.code() == parley::Errc::bad_time);
    const std::string what = e.what();
    CHECK(what.find("2022-03-25 00:30:00") != std::string::npos);
    CHECK(what.find("Asia/Damascus") != std::string::npos);
    CHECK(what.find("does not exist") != std::string::npos);
  }
  // With a policy: the instant of the transition, 00:00 at +02 = 22:00 UTC
  // the day before, shown as 01:00 at +03.
  for (auto policy :
       {parley::LocalTimePolicy::earliest, parley::LocalTimePolicy::latest}) {
    const auto t = parley::to_utc(when, "Asia/Damascus", {policy});
    CHECK(t.utc == utc(date::year{2022} / 3 / 24, hours{22}));
    CHECK(t.offset == hours{3});
    CHECK(t.local() == local(date::year{2022} / 3 / 25, hours{1}));
  }
}

TEST_CASE("zone: Zurich 2017-10-29 02:30 is ambiguous") {
  const auto when = local(date::year{2017} / 10 / 29, hours{2}, minutes{30});
  try {
    (void)parley::to_utc(when, "Europe/Zurich");
    FAIL("expected an error");
  } catch (const parley::Error& e) {
    CHECK(e.code() == parley::Errc::bad_time);
    const std::string what = e.what();
    CHECK(what.find("2017-10-29 02:30:00") != std::string::npos);
    CHECK(what.find("Europe/Zurich") != std::string::npos);
    CHECK(what.find("ambiguous") != std::string::npos);
  }
  // Earliest: still summer time (+02), 00:30 UTC. Latest: winter time
  // (+01), 01:30 UTC.
  const auto first = parley::to_utc(when, "Europe/Zurich",
                                    {parley::LocalTimePolicy::earliest});
  CHECK(first.utc == utc(date::year{2017} / 10 / 29, hours{0}, minutes{30}));
  CHECK(first.offset == hours{2});
  CHECK(first.abbrev == "CEST");
  const auto second =
      parley::to_utc(when, "Europe/Zurich", {parley::LocalTimePolicy::latest});
  CHECK(second.utc == utc(date::year{2017} / 10 / 29, hours{1}, minutes{30}));
  CHECK(second.offset == hours{1});
  CHECK(second.abbrev == "CET");
  CHECK(parley::to_string(second) == "2017-10-29T02:30:00+01:00");
}

TEST_CASE("zone: an unknown zone name is a bad_value error") {
  CHECK(code_of([] {
          (void)parley::to_utc(local(feb16, hours{10}), "Asia/Astana_City");
        }) == parley::Errc::bad_value);
  CHECK(code_of([] {
          (void)parley::in_zone(utc(feb16, hours{4}), "Nowhere/Atlantis");
        }) == parley::Errc::bad_value);
  CHECK(code_of([] { (void)parley::local_day(utc(feb16, hours{4}), ""); }) ==
        parley::Errc::bad_value);
  CHECK_FALSE(parley::is_known_zone("Mars/Olympus"));
  CHECK(parley::is_known_zone("Asia/Almaty"));
}

TEST_CASE("zone: offsets print as ISO 8601") {
  CHECK(parley::offset_string(std::chrono::seconds{0}) == "+00:00");
  CHECK(parley::offset_string(-hours{3} - minutes{30}) == "-03:30");
  CHECK(parley::offset_string(hours{5} + minutes{45}) == "+05:45");
}
