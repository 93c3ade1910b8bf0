// The pledge tracker's filters on tests/report/calendar.json. Expected
// values are worked out by hand from that file:
//   stop-shelling  deadline 2017-02-20, violated (link recorded 02-22)
//   release        deadline 2017-03-01, fulfilled (link recorded 03-04)
//   lift-siege     deadline 2017-02-25, no link
//   open           no deadline
#include <algorithm>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "parley/database.hpp"
#include "parley/record_time.hpp"
#include "parley/reports.hpp"

namespace {

parley::Database& calendar() {
  static parley::Database db = [] {
    parley::Database d(":memory:");
    d.import_file(std::string(PARLEY_SOURCE_DIR) +
                  "/tests/report/calendar.json");
    return d;
  }();
  return db;
}

parley::Day day(int y, unsigned m, unsigned d) {
  return parley::Day{date::sys_days{date::year{y} / m / d}};
}

std::vector<std::string> ids(const std::vector<parley::PledgeEntry>& list) {
  std::vector<std::string> out;
  for (const auto& e : list) out.push_back(e.pledge.id.value);
  std::sort(out.begin(), out.end());
  return out;
}

// The end of a UTC day, as `--overdue-as-of DAY` reads it.
parley::RecordTime end_of(const char* day) {
  return parley::parse_record_time(std::string(day) + "T23:59:59Z");
}

}  // namespace

TEST_CASE("pledge tracker: several pledgers and a guarantor") {
  const auto all = parley::pledge_tracker(calendar(), {});
  REQUIRE(all.size() == 4);
  const auto it = std::find_if(all.begin(), all.end(), [](const auto& e) {
    return e.pledge.id.value == "event:pledge-stop-shelling";
  });
  REQUIRE(it != all.end());
  CHECK(it->pledgers ==
        std::vector<parley::ActorId>{parley::ActorId{"actor:russia"},
                                     parley::ActorId{"actor:turkey"}});
  CHECK(it->guarantors ==
        std::vector<parley::ActorId>{parley::ActorId{"actor:iran"}});
  CHECK(it->status == parley::PledgeStatus::broken);
  REQUIRE(it->violated_by.size() == 1);
  CHECK(it->violated_by[0].id.value == "event:shelling-douma");
}

TEST_CASE("pledge tracker keeps links from events outside the filter") {
  parley::Query only_the_16th;
  only_the_16th.time = parley::TimeFilter{parley::Edtf::parse("2017-02-16")};
  const auto some = parley::pledge_tracker(calendar(), only_the_16th);
  REQUIRE(some.size() == 4);
  for (const auto& e : some) {
    if (e.pledge.id.value == "event:pledge-stop-shelling") {
      CHECK(e.violated_by.size() == 1);
    }
    if (e.pledge.id.value == "event:pledge-release") {
      CHECK(e.fulfilled_by.size() == 1);
      CHECK(e.status == parley::PledgeStatus::fulfilled);
    }
  }
}

TEST_CASE("pledge tracker: overdue as known at a record time") {
  parley::PledgeFilter f;
  f.overdue_as_of = end_of("2017-02-24");
  // lift-siege is due through 02-25; stop-shelling's deadline passed.
  CHECK(ids(parley::pledge_tracker(calendar(), {}, f)) ==
        std::vector<std::string>{"event:pledge-stop-shelling"});
  f.overdue_as_of = end_of("2017-02-26");
  CHECK(ids(parley::pledge_tracker(calendar(), {}, f)) ==
        std::vector<std::string>{"event:pledge-lift-siege",
                                 "event:pledge-stop-shelling"});
  // On 03-03 the release was due (by 03-01) and not yet known to be done.
  f.overdue_as_of = end_of("2017-03-03");
  CHECK(ids(parley::pledge_tracker(calendar(), {}, f)) ==
        std::vector<std::string>{"event:pledge-lift-siege",
                                 "event:pledge-release",
                                 "event:pledge-stop-shelling"});
  // The fulfils link was recorded on 03-04.
  f.overdue_as_of = end_of("2017-03-05");
  CHECK(ids(parley::pledge_tracker(calendar(), {}, f)) ==
        std::vector<std::string>{"event:pledge-lift-siege",
                                 "event:pledge-stop-shelling"});
}

TEST_CASE("pledge tracker: due between two days, and by status") {
  parley::PledgeFilter f;
  f.due_from = day(2017, 2, 20);
  f.due_to = day(2017, 2, 25);
  CHECK(ids(parley::pledge_tracker(calendar(), {}, f)) ==
        std::vector<std::string>{"event:pledge-lift-siege",
                                 "event:pledge-stop-shelling"});
  f.due_from = day(2017, 2, 26);
  f.due_to.reset();
  CHECK(ids(parley::pledge_tracker(calendar(), {}, f)) ==
        std::vector<std::string>{"event:pledge-release"});

  parley::PledgeFilter broken;
  broken.statuses = {parley::PledgeStatus::broken};
  CHECK(ids(parley::pledge_tracker(calendar(), {}, broken)) ==
        std::vector<std::string>{"event:pledge-stop-shelling"});
  parley::PledgeFilter made;
  made.statuses = {parley::PledgeStatus::made};
  CHECK(
      ids(parley::pledge_tracker(calendar(), {}, made)) ==
      std::vector<std::string>{"event:pledge-lift-siege", "event:pledge-open"});
}

TEST_CASE("overdue: no deadline, a deadline not yet passed, fulfilled") {
  const auto all = parley::pledge_tracker(calendar(), {});
  for (const auto& e : all) {
    const bool late = parley::overdue(e, end_of("2017-03-10"));
    if (e.pledge.id.value == "event:pledge-open") CHECK_FALSE(late);
    if (e.pledge.id.value == "event:pledge-release") CHECK_FALSE(late);
    if (e.pledge.id.value == "event:pledge-lift-siege") CHECK(late);
    if (e.pledge.id.value == "event:pledge-lift-siege") {
      CHECK_FALSE(parley::overdue(e, end_of("2017-02-25")));
      CHECK(parley::overdue(e, parley::parse_record_time("2017-02-26")));
    }
  }
}
