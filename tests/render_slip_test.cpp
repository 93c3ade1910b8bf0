// Every output words the slip of an imprecise plan the same way: the one
// of parley::slip_words (parley/slip.hpp), never a number of its own.
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "parley/render/render.hpp"
#include "parley/slip.hpp"

#include "render_support.hpp"

namespace {

using parley::test::count;
using parley::test::rendered;

// Planned for February 2017, held on the 16th.
parley::Timeline imprecise_plan() {
  parley::Event event =
      parley::test::make_event("event:talks", "2017-02-16", "Talks in Geneva");
  event.planned = parley::Edtf::parse("2017-02");
  event.status = parley::Status::held;
  parley::Timeline timeline;
  timeline.events = {event};
  return timeline;
}

}  // namespace

TEST_CASE("slip: every format says the same about an imprecise plan") {
  const parley::Timeline timeline = imprecise_plan();
  const auto moved = parley::slip(timeline.events[0]);
  REQUIRE(moved);
  // By hand: planned for any of 1..28 February, held on the 16th.
  const std::string expected =
      "from 12 days early to 15 days late (within the planned month)";
  REQUIRE(parley::slip_words(*moved) == expected);

  for (const auto format :
       {parley::Format::text, parley::Format::md, parley::Format::html,
        parley::Format::timelinejs, parley::Format::vis,
        parley::Format::mermaid, parley::Format::gantt, parley::Format::ics,
        parley::Format::csv, parley::Format::geojson}) {
    const std::string name(parley::to_string(format));
    CAPTURE(name);
    const std::string text = rendered(timeline, format);
    const std::size_t said = count(text, expected);
    CHECK(said >= 1);
    // No other wording of the slip: every "days late" or "days early" is
    // the one above ("15 days late" alone was vis's before).
    CHECK(count(text, "days late") == said);
    CHECK(count(text, "days early") == said);
    CHECK(count(text, "day late") == 0);  // nor "1 day late" and the like
    CHECK(count(text, "day early") == 0);
  }
}

TEST_CASE("slip: the JSON outputs carry it in their text fields") {
  const parley::Timeline timeline = imprecise_plan();
  const std::string expected =
      parley::slip_words(*parley::slip(timeline.events[0]));
  const auto geojson =
      nlohmann::json::parse(rendered(timeline, parley::Format::geojson));
  CHECK(geojson["features"][0]["properties"]["slip"] == expected);
  const auto timelinejs =
      nlohmann::json::parse(rendered(timeline, parley::Format::timelinejs));
  const std::string display = timelinejs["events"][0]["display_date"];
  CHECK(display.find(expected) != std::string::npos);
  const auto vis =
      nlohmann::json::parse(rendered(timeline, parley::Format::vis));
  const std::string tooltip = vis["items"][0]["title"];
  CHECK(tooltip.find(expected) != std::string::npos);
}
