// parley/slip.hpp: the slip between plan and actual, as a range of days
// when either is imprecise, and its one wording.
#include "parley/slip.hpp"

#include <doctest/doctest.h>

#include "parley/database.hpp"
#include "parley/reports.hpp"
#include "parley/time.hpp"

#include "support.hpp"

namespace {

// An event planned for `planned` that happened (or is set) at `actual`.
parley::Event planned_event(const char* planned, const char* actual,
                            parley::Status status = parley::Status::held) {
  parley::Event event = parley::test::make_event("event:planned", actual);
  event.planned = parley::Edtf::parse(planned);
  event.status = status;
  return event;
}

parley::Day day(int y, unsigned m, unsigned d) {
  return date::sys_days{date::year{y} / m / d};
}

}  // namespace

TEST_CASE("slip: single days give one exact number of days") {
  const auto late = parley::slip(planned_event("2017-02-15", "2017-02-16"));
  REQUIRE(late);
  CHECK(late->exact());
  CHECK(*late->least == 1);
  CHECK(parley::slip_words(*late) == "1 day late");
  CHECK(parley::slipped(*late));

  const auto early = parley::slip(planned_event("2017-02-15", "2017-02-12"));
  REQUIRE(early);
  CHECK(parley::slip_words(*early) == "3 days early");

  const auto kept = parley::slip(planned_event("2017-02-23", "2017-02-23"));
  REQUIRE(kept);
  CHECK(parley::slip_words(*kept) == "as planned");
  CHECK_FALSE(parley::slipped(*kept));
}

TEST_CASE("slip: a month's plan held on one day is a range, within the plan") {
  // The premises, from the bounds of "2017-02": it may have been planned
  // for any day from 1 to 28 February.
  const parley::Bounds month = parley::Edtf::parse("2017-02").bounds();
  REQUIRE(month.earliest_start == day(2017, 2, 1));
  REQUIRE(month.latest_start == day(2017, 2, 28));
  // Held on the 16th: 16 - 28 = -12 (planned for the 28th) up to
  // 16 - 1 = +15 (planned for the 1st).
  const auto moved = parley::slip(planned_event("2017-02", "2017-02-16"));
  REQUIRE(moved);
  CHECK(*moved->least == -12);
  CHECK(*moved->most == 15);
  CHECK_FALSE(moved->exact());
  CHECK(moved->within_plan);
  CHECK(parley::slip_words(*moved) ==
        "from 12 days early to 15 days late (within the planned month)");
  CHECK(parley::slipped(*moved));
}

TEST_CASE("slip: ranges on one side of the plan, and open bounds") {
  // Planned for one of 1-3 March, held 10 March: 10-3 = 7 to 10-1 = 9
  // days late.
  const auto late =
      parley::slip(planned_event("[2017-03-01..2017-03-03]", "2017-03-10"));
  REQUIRE(late);
  CHECK(parley::slip_words(*late) == "7 to 9 days late");
  // Planned 10 March, held one of 1-7 March: 3 to 9 days early.
  const auto early =
      parley::slip(planned_event("2017-03-10", "[2017-03-01..2017-03-07]"));
  REQUIRE(early);
  CHECK(*early->least == -9);
  CHECK(*early->most == -3);
  CHECK(parley::slip_words(*early) == "3 to 9 days early");
  // Held on or after 12 March, planned for the 10th: no latest start.
  const auto open = parley::slip(planned_event("2017-03-10", "[2017-03-12..]"));
  REQUIRE(open);
  CHECK(*open->least == 2);
  CHECK_FALSE(open->most);
  CHECK(parley::slip_words(*open) == "at least 2 days late");
}

TEST_CASE("slip: none without a plan, or for a cancelled event") {
  parley::Event unplanned = planned_event("2017-02-15", "2017-02-16");
  unplanned.planned.reset();
  CHECK_FALSE(parley::slip(unplanned));
  CHECK_FALSE(parley::slip(
      planned_event("2017-02-15", "2017-02-16", parley::Status::cancelled)));
}

TEST_CASE("slip: schedule() and slippage() read the same slip") {
  parley::Database db{":memory:"};
  parley::Event exact = planned_event("2017-02-15", "2017-02-16");
  exact.id = parley::EventId{"event:exact"};
  parley::Event month = planned_event("2017-02", "2017-02-16");
  month.id = parley::EventId{"event:month"};
  parley::Event later = planned_event("[2017-03-01..2017-03-03]", "2017-03-10");
  later.id = parley::EventId{"event:later"};
  for (const auto& event : {exact, month, later}) db.add(event);

  const auto entries = parley::schedule(db, parley::Query{});
  REQUIRE(entries.size() == 3);
  for (const auto& entry : entries) {
    CAPTURE(entry.event.id.value);
    CHECK(entry.slip == parley::slip(entry.event));
    CHECK(entry.exact == entry.slip->exact());
  }
  // Only the exact slip is a single number of days.
  const auto by_id = [&](const char* id) {
    for (const auto& entry : entries) {
      if (entry.event.id.value == id) return entry;
    }
    FAIL("no entry " << id);
    return entries[0];
  };
  CHECK(by_id("event:exact").days_late == 1);
  CHECK_FALSE(by_id("event:month").days_late);
  CHECK_FALSE(by_id("event:later").days_late);

  // Totals count what is certain: 1 day (exact) + 7 days (the least of
  // 7..9); the month's -12..15 is not certainly late.
  const auto sums = parley::slippage(entries);
  REQUIRE(sums.size() == 1);
  CHECK(sums[0].events == 3);
  CHECK(sums[0].late == 2);
  CHECK(sums[0].days_late == 8);
  CHECK(sums[0].worst == 7);
}
