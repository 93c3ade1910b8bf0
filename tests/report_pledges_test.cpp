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
#include <nlohmann/json.hpp>

#include "parley/database.hpp"
#include "parley/record_time.hpp"
#include "parley/reports.hpp"

#include "backends.hpp"

namespace {

void calendar(parley::Database& db) {
  db.import_file(std::string(PARLEY_SOURCE_DIR) +
                 "/tests/report/calendar.json");
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

TEST_CASE(
    "postgres backend: pledge tracker: several pledgers and a guarantor") {
  parley::test::on_each_kept(
      "calendar", calendar,
      [&](const parley::Database& db, const std::string&) {
        const auto all = parley::pledge_tracker(db, {});
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
      });
}

TEST_CASE(
    "postgres backend: pledge tracker keeps links from events outside the "
    "filter") {
  parley::test::on_each_kept(
      "calendar", calendar,
      [&](const parley::Database& db, const std::string&) {
        parley::Query only_the_16th;
        only_the_16th.time =
            parley::TimeFilter{parley::Edtf::parse("2017-02-16")};
        const auto some = parley::pledge_tracker(db, only_the_16th);
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
      });
}

TEST_CASE(
    "postgres backend: pledge tracker: overdue as known at a record time") {
  parley::test::on_each_kept(
      "calendar", calendar,
      [&](const parley::Database& db, const std::string&) {
        parley::PledgeFilter f;
        f.overdue_as_of = end_of("2017-02-24");
        // lift-siege is due through 02-25; stop-shelling's deadline passed.
        CHECK(ids(parley::pledge_tracker(db, {}, f)) ==
              std::vector<std::string>{"event:pledge-stop-shelling"});
        f.overdue_as_of = end_of("2017-02-26");
        CHECK(ids(parley::pledge_tracker(db, {}, f)) ==
              std::vector<std::string>{"event:pledge-lift-siege",
                                       "event:pledge-stop-shelling"});
        // On 03-03 the release was due (by 03-01) and not yet known to be done.
        f.overdue_as_of = end_of("2017-03-03");
        CHECK(ids(parley::pledge_tracker(db, {}, f)) ==
              std::vector<std::string>{"event:pledge-lift-siege",
                                       "event:pledge-release",
                                       "event:pledge-stop-shelling"});
        // The fulfils link was recorded on 03-04.
        f.overdue_as_of = end_of("2017-03-05");
        CHECK(ids(parley::pledge_tracker(db, {}, f)) ==
              std::vector<std::string>{"event:pledge-lift-siege",
                                       "event:pledge-stop-shelling"});
      });
}

TEST_CASE(
    "postgres backend: pledge tracker: due between two days, and by status") {
  parley::test::on_each_kept(
      "calendar", calendar,
      [&](const parley::Database& db, const std::string&) {
        parley::PledgeFilter f;
        f.due_from = day(2017, 2, 20);
        f.due_to = day(2017, 2, 25);
        CHECK(ids(parley::pledge_tracker(db, {}, f)) ==
              std::vector<std::string>{"event:pledge-lift-siege",
                                       "event:pledge-stop-shelling"});
        f.due_from = day(2017, 2, 26);
        f.due_to.reset();
        CHECK(ids(parley::pledge_tracker(db, {}, f)) ==
              std::vector<std::string>{"event:pledge-release"});

        parley::PledgeFilter broken;
        broken.statuses = {parley::PledgeStatus::broken};
        CHECK(ids(parley::pledge_tracker(db, {}, broken)) ==
              std::vector<std::string>{"event:pledge-stop-shelling"});
        parley::PledgeFilter made;
        made.statuses = {parley::PledgeStatus::made};
        CHECK(ids(parley::pledge_tracker(db, {}, made)) ==
              std::vector<std::string>{"event:pledge-lift-siege",
                                       "event:pledge-open"});
      });
}

TEST_CASE(
    "postgres backend: overdue: no deadline, a deadline not yet passed, "
    "fulfilled") {
  parley::test::on_each_kept(
      "calendar", calendar,
      [&](const parley::Database& db, const std::string&) {
        const auto all = parley::pledge_tracker(db, {});
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
      });
}

namespace {

// Eight pledges made on 2017-01-01..08 with deadlines 2017-02-01..08, each
// beside a meeting on its day; the meetings on the 2nd and 5th fulfil the
// pledges of those days. Overdue as of 2017-02-10: every deadline has
// passed, so the six unfulfilled pledges 1, 3, 4, 6, 7, 8, in that order.
void eight_pledges(parley::Database& db) {
  nlohmann::json doc = {{"format", "parley"},
                        {"version", 1},
                        {"recorded", "2017-01-01T00:00:00Z"}};
  doc["actors"] = {
      {{"id", "actor:a"}, {"kind", "state"}, {"names", {{"en", "A"}}}}};
  for (int k = 1; k <= 8; ++k) {
    const std::string n = std::to_string(k);
    doc["events"].push_back({{"id", "event:p" + n},
                             {"kind", "pledge"},
                             {"title", {{"en", "Pledge " + n}}},
                             {"time", "2017-01-0" + n},
                             {"details",
                              {{"pledger", "actor:a"},
                               {"status", "made"},
                               {"deadline", "2017-02-0" + n}}}});
    doc["events"].push_back({{"id", "event:m" + n},
                             {"kind", "meeting"},
                             {"title", {{"en", "Meeting " + n}}},
                             {"time", "2017-01-0" + n}});
  }
  for (const char* k : {"2", "5"}) {
    doc["links"].push_back({{"from", std::string("event:m") + k},
                            {"kind", "fulfils"},
                            {"to", std::string("event:p") + k}});
  }
  db.import_json(doc);
}

// The ids of every page of `filter` with `limit` per page, in order.
std::vector<std::string> paged(const parley::Database& db,
                               const parley::PledgeFilter& filter,
                               std::size_t limit, std::size_t& pages) {
  std::vector<std::string> out;
  parley::Query q;
  q.limit = limit;
  pages = 0;
  for (;;) {
    const parley::PledgePage page = parley::pledge_page(db, q, filter);
    CHECK(page.entries.size() <= limit);
    ++pages;
    for (const auto& e : page.entries) out.push_back(e.pledge.id.value);
    if (!page.next) break;
    CHECK(page.entries.size() == limit);  // only the last page is short
    q.after = page.next;
    REQUIRE(pages < 20);
  }
  return out;
}

}  // namespace

TEST_CASE(
    "postgres backend: pledge filters page: pages concatenated are the whole "
    "list") {
  parley::test::on_each_kept(
      "eight pledges", eight_pledges,
      [&](const parley::Database& db, const std::string&) {
        parley::PledgeFilter overdue;
        overdue.overdue_as_of = end_of("2017-02-10");
        const std::vector<std::string> six = {"event:p1", "event:p3",
                                              "event:p4", "event:p6",
                                              "event:p7", "event:p8"};
        std::vector<std::string> unpaged;
        for (const auto& e :
             parley::pledge_tracker(db, parley::Query{}, overdue)) {
          unpaged.push_back(e.pledge.id.value);
        }
        CHECK(unpaged == six);
        for (std::size_t limit : {1, 2, 4, 5, 6, 10}) {
          CAPTURE(limit);
          std::size_t pages = 0;
          CHECK(paged(db, overdue, limit, pages) == six);
          CHECK(pages >= (6 + limit - 1) / limit);
        }
        // The first page of two: pledges 1 and 3 (2 is fulfilled).
        parley::Query two;
        two.limit = 2;
        const parley::PledgePage first = parley::pledge_page(db, two, overdue);
        CHECK(ids(first.entries) ==
              std::vector<std::string>{"event:p1", "event:p3"});
        REQUIRE(first.next);
        // Deadlines due by 02-03: pledges 1, 2, 3, paged one at a time.
        parley::PledgeFilter due;
        due.due_to = day(2017, 2, 3);
        std::size_t pages = 0;
        CHECK(paged(db, due, 1, pages) ==
              std::vector<std::string>{"event:p1", "event:p2", "event:p3"});
      });
}

TEST_CASE("postgres backend: pledge filters count: as many as listed") {
  parley::test::on_each_kept(
      "eight pledges", eight_pledges,
      [&](const parley::Database& db, const std::string&) {
        parley::PledgeFilter overdue;
        overdue.overdue_as_of = end_of("2017-02-10");
        const auto entries =
            parley::pledge_tracker(db, parley::Query{}, overdue);
        const auto counts = parley::count_pledges(
            entries, parley::Period::month, parley::GroupBy::kind);
        // Six overdue pledges, all made in January 2017.
        REQUIRE(counts.size() == 1);
        CHECK(counts[0].period == "2017-01");
        CHECK(counts[0].key == "pledge");
        CHECK(counts[0].count == 6);
        const auto by_day = parley::count_pledges(entries, parley::Period::day,
                                                  parley::GroupBy::actor);
        REQUIRE(by_day.size() == 6);
        CHECK(by_day[1].period == "2017-01-03");
        CHECK(by_day[1].key == "actor:a");
      });
}
