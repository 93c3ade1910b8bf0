// Bidi control characters in the data (U+202A..U+202E, U+2066..U+2069) are
// kept but cannot reorder the text around them (Trojan Source): escaped as
// "<U+202E>" in text and CSV, isolated everywhere else (<bdi> in HTML,
// U+2068 FSI .. U+2069 PDI in Markdown, JSON, Mermaid and iCalendar).
#include <sstream>
#include <string>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "parley/render/render.hpp"

#include "render_support.hpp"

namespace {

using parley::test::count;
using parley::test::rendered;

// "abc", RIGHT-TO-LEFT OVERRIDE, "def": unisolated, everything after the
// override on the line would show reversed.
const std::string kHostile = "abc\u202Edef";
const std::string kIsolated = "\u2068" + kHostile + "\u2069";
const std::string kOverride = "\u202E";

parley::Timeline hostile_timeline() {
  parley::Event event =
      parley::test::make_event("event:x", "2017-02-16", kHostile);
  event.planned = parley::Edtf::parse("2017-02-15");
  event.status = parley::Status::held;
  parley::Timeline timeline;
  timeline.events = {event};
  return timeline;
}

}  // namespace

TEST_CASE("bidi: text and CSV show the controls escaped") {
  for (const auto format : {parley::Format::text, parley::Format::csv}) {
    const std::string text = rendered(hostile_timeline(), format);
    CHECK(count(text, kOverride) == 0);
    CHECK(count(text, "abc<U+202E>def") >= 1);
  }
}

TEST_CASE("bidi: Markdown, Mermaid and iCalendar isolate every occurrence") {
  for (const auto format : {parley::Format::md, parley::Format::mermaid,
                            parley::Format::gantt, parley::Format::ics}) {
    const std::string name(parley::to_string(format));
    CAPTURE(name);
    const std::string text = rendered(hostile_timeline(), format);
    CHECK(count(text, kIsolated) >= 1);
    // Every override is inside an isolate that closes right after it.
    CHECK(count(text, kOverride) == count(text, kIsolated));
  }
}

TEST_CASE("bidi: HTML puts data text in <bdi> or, in attributes, isolates") {
  const std::string page = rendered(hostile_timeline(), parley::Format::html);
  const std::size_t in_bdi = count(page, ">" + kHostile + "</bdi>");
  const std::size_t isolated = count(page, kIsolated);
  CHECK(in_bdi >= 2);    // the row label and the details heading
  CHECK(isolated >= 1);  // the SVG tooltip
  CHECK(count(page, kOverride) == in_bdi + isolated);
}

TEST_CASE("bidi: the JSON outputs isolate the title in their text fields") {
  const auto vis =
      nlohmann::json::parse(rendered(hostile_timeline(), parley::Format::vis));
  CHECK(vis["items"][0]["content"] == kIsolated);
  const auto timelinejs = nlohmann::json::parse(
      rendered(hostile_timeline(), parley::Format::timelinejs));
  CHECK(timelinejs["events"][0]["text"]["headline"] == kIsolated);
  const auto geojson = nlohmann::json::parse(
      rendered(hostile_timeline(), parley::Format::geojson));
  CHECK(geojson["features"][0]["properties"]["title"] == kIsolated);
  for (const auto format : {parley::Format::vis, parley::Format::timelinejs,
                            parley::Format::geojson}) {
    const std::string text = rendered(hostile_timeline(), format);
    CHECK(count(text, kOverride) == count(text, kIsolated));
  }
}
