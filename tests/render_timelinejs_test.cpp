// parley/render/timelinejs.hpp: TimelineJS3 JSON, read back with nlohmann
// and compared field by field with the data it came from.
#include <sstream>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "parley/database.hpp"
#include "parley/error.hpp"
#include "parley/render/timelinejs.hpp"

#include "render_support.hpp"

namespace {

using nlohmann::json;

json render(const parley::Timeline& t, const parley::RenderOptions& o = {}) {
  std::ostringstream out;
  parley::write_timelinejs(t, out, o);
  return json::parse(out.str());
}

const json& by_id(const json& doc, const std::string& id) {
  for (const json& e : doc.at("events")) {
    if (e.at("unique_id") == id) return e;
  }
  FAIL("no event " << id);
  static const json none;
  return none;
}

json without_display(json date) {
  date.erase("display_date");
  return date;
}

}  // namespace

TEST_CASE("timelinejs: every Astana event, by id, with its process as group") {
  const parley::Timeline t = parley::test::astana_timeline();
  const json doc = render(t);
  REQUIRE(doc.at("events").size() == t.events.size());
  CHECK(doc.at("title").at("text").at("headline").is_string());
  for (const parley::Event& e : t.events) {
    CAPTURE(e.id.value);
    const json& out = by_id(doc, e.id.value);
    const std::string group =
        e.process ? parley::best(t.process(*e.process)->names) : "Other";
    CHECK(out.at("group") == group);
    CHECK(out.at("text").at("headline") == parley::best(e.title));
    // Every date part is a string, and numeric.
    for (const char* side : {"start_date", "end_date"}) {
      if (!out.contains(side)) continue;
      for (const auto& [key, value] : out.at(side).items()) {
        if (key == "display_date") continue;
        REQUIRE(value.is_string());
        CHECK_NOTHROW(std::stoll(value.get<std::string>()));
      }
    }
    // No end_date equal to the start.
    if (out.contains("end_date")) {
      CHECK(without_display(out.at("end_date")) !=
            without_display(out.at("start_date")));
    }
    // The start is the value's first known day.
    const parley::Bounds b = e.time.bounds();
    const auto first = b.earliest_start ? b.earliest_start : b.latest_start;
    REQUIRE(first);
    const date::year_month_day ymd{date::sys_days{
        date::days{static_cast<int>(first->time_since_epoch().count())}}};
    CHECK(out.at("start_date").at("year") ==
          std::to_string(static_cast<int>(ymd.year())));
  }
}

TEST_CASE("timelinejs: the slip, the claims and the Arabic title in the text") {
  const json doc = render(parley::test::astana_timeline());
  const std::string text =
      by_id(doc, "event:astana-2").at("text").at("text").get<std::string>();
  CHECK(text.find("1 day late") != std::string::npos);
  CHECK(by_id(doc, "event:astana-2").at("display_date") ==
        "16 Feb 2017 (planned 15 Feb 2017, 1 day late)");
  CHECK(text.find("lang=\"ar\"") != std::string::npos);
  CHECK(text.find("الجولة الثانية من اجتماع أستانا") != std::string::npos);
  const std::string denied = by_id(doc, "event:ceasefire-committee-agreement")
                                 .at("text")
                                 .at("text")
                                 .get<std::string>();
  CHECK(denied.find("Mohammed Alloush denies") != std::string::npos);
}

TEST_CASE("timelinejs: only the known parts of imprecise dates, approx.") {
  parley::Timeline t;
  t.events = {
      parley::test::make_event("e:month", "2017-02~", "Month"),
      parley::test::make_event("e:year", "2017", "Year"),
      parley::test::make_event("e:span", "2017-02-15/2017-02-16", "Span"),
      parley::test::make_event("e:open", "[..2017-02-16]", "Open")};
  const json doc = render(t);
  const json& month = by_id(doc, "e:month");
  CHECK(without_display(month.at("start_date")) ==
        json{{"year", "2017"}, {"month", "2"}});
  CHECK_FALSE(month.contains("end_date"));
  CHECK(month.at("display_date").get<std::string>().find("approx.") !=
        std::string::npos);
  CHECK(without_display(by_id(doc, "e:year").at("start_date")) ==
        json{{"year", "2017"}});
  const json& span = by_id(doc, "e:span");
  CHECK(span.at("start_date").at("day") == "15");
  CHECK(span.at("end_date").at("day") == "16");
  const json& open = by_id(doc, "e:open");
  CHECK(open.at("start_date").at("day") == "16");
  CHECK(open.at("display_date") == "on or before 16 Feb 2017");
}

TEST_CASE("timelinejs: hours as strings, the zone in display_date") {
  parley::Timeline t;
  auto e = parley::test::make_event("e:s", "2017-02-16", "Session");
  e.time_of_day = parley::TimeOfDay{"06:00", "12:00", "Asia/Almaty", "morning"};
  t.events = {e};
  const json out = render(t).at("events").at(0);
  CHECK(out.at("start_date").at("hour") == "6");
  CHECK(out.at("start_date").at("minute") == "0");
  CHECK(out.at("end_date").at("hour") == "12");
  CHECK(out.at("display_date").get<std::string>().find("Asia/Almaty") !=
        std::string::npos);
}

TEST_CASE("timelinejs: BCE years skip year 0") {
  parley::Timeline t;
  t.events = {
      parley::test::make_event("e:ides", "-0043-03-15", "Ides of March"),
      parley::test::make_event("e:zero", "0000", "Year 0")};
  const json doc = render(t);
  CHECK(by_id(doc, "e:ides").at("start_date").at("year") == "-44");
  CHECK(by_id(doc, "e:zero").at("start_date").at("year") == "-1");
}

TEST_CASE("timelinejs: HTML in titles is escaped, a failed stream throws") {
  parley::Timeline t;
  t.events = {
      parley::test::make_event("e:x", "2017-02-16", "<b>bold</b> & co")};
  CHECK(render(t).at("events").at(0).at("text").at("headline") ==
        "&lt;b&gt;bold&lt;/b&gt; &amp; co");
  std::ostringstream bad;
  bad.setstate(std::ios::badbit);
  try {
    parley::write_timelinejs(t, bad);
    FAIL("no exception");
  } catch (const parley::Error& e) {
    CHECK(e.code() == parley::Errc::io);
  }
}

TEST_CASE("timelinejs: a date-time keeps its written day, clock and offset") {
  parley::Timeline t;
  t.events = {parley::test::make_event("e:t", "2017-02-16T02:00:00+06:00",
                                       "Late call")};
  const json out = render(t).at("events").at(0);
  // Its bounds lie on the UTC day 2017-02-15; the page shows what was said.
  CHECK(out.at("start_date").at("day") == "16");
  CHECK(out.at("start_date").at("hour") == "2");
  CHECK(out.at("display_date").get<std::string>().find("+06:00") !=
        std::string::npos);
  CHECK_FALSE(out.contains("end_date"));
}

TEST_CASE("timelinejs: an empty timeline is a title slide only") {
  const json doc = render(parley::Timeline{});
  CHECK(doc.at("events").empty());
  CHECK(doc.at("title").at("text").at("headline") == "Timeline");
}
