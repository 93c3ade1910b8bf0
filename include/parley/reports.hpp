// parley/reports.hpp — the domain reports: competing accounts, pledges,
// schedules. Each takes a Query that selects the events it reports on.
//
//   parley::Query round;
//   round.processes = {parley::ProcessId{"process:astana"}};
//   for (const auto& c : parley::contradictions(db, round)) {
//     std::cout << c.reason << '\n';
//   }
//   for (const auto& p : parley::pledge_tracker(db, {})) { ... }
//   auto next = parley::upcoming(db, parley::parse_record_time("2017-02-16"));
//
// Every function reads the database as of the query's `as_of` and throws
// parley::Error as Database::query does.
#ifndef PARLEY_REPORTS_HPP
#define PARLEY_REPORTS_HPP

#include <optional>
#include <string>
#include <vector>

#include "parley/database.hpp"
#include "parley/query.hpp"
#include "parley/slip.hpp"

namespace parley {

// One account of an event: the claim, who made it, and where it appeared.
struct Account {
  Event event;
  Claim claim;
  std::optional<Actor> claimant;  // empty: the source itself says so
  std::optional<Source> source;
};

// Every claim on the events the query selects, by event in chronological
// order, then in recorded order. Reads those events and the claims on
// them, with each claim's source and claimant.
std::vector<Account> accounts(const Database& db, const Query& query);

enum class ContradictionKind {
  // One claimant asserts the event, another denies it.
  assert_deny,
  // Two asserted outcomes of the same event that exclude each other: a
  // pledge or agreement obtained, and "no agreement" in general (a
  // no_agreement whose topic is empty or begins with "any"), both parts of
  // one parent event and told by different claimants.
  exclusive_outcomes,
};

struct Contradiction {
  ContradictionKind kind;
  Account first;
  Account second;
  std::string reason;  // a sentence for people
};

std::vector<Contradiction> contradictions(const Database& db,
                                          const Query& query);

// A pledge and its life: the status recorded with it, the status its links
// imply, and the events that fulfil or violate it.
struct PledgeEntry {
  Event pledge;
  // Who pledged: the payload's pledger first, then the participants with
  // role party (a joint pledge); and the participants with role guarantor.
  std::vector<ActorId> pledgers;
  std::vector<ActorId> guarantors;
  PledgeStatus recorded;  // the payload's status
  // fulfilled when an event fulfils it and none violates it; broken when an
  // event violates it and none fulfils it; partly_fulfilled when both;
  // otherwise the recorded status.
  PledgeStatus status;
  std::vector<Event> fulfilled_by;
  std::vector<Event> violated_by;
  std::vector<Account> accounts;
};

// The pledges among the events the query selects (its kinds are ignored).
// The links that give a pledge its status count even when the linking
// event lies outside the query. Reads the selected pledges, the claims on
// them and the links to them as of the query's as_of.
std::vector<PledgeEntry> pledge_tracker(const Database& db, const Query& query);

// True when `entry`'s deadline has certainly passed on the UTC day of
// `known_at` (that day is on or after the deadline's latest end: a deadline
// of 2017-02-20 has passed on 2017-02-21) and nothing fulfils it: its
// status is neither fulfilled, partly_fulfilled nor withdrawn. A pledge
// without a deadline is never overdue. For "as known at", `entry` must be
// read as of `known_at`. Pure.
bool overdue(const PledgeEntry& entry, RecordTime known_at);

// Which pledges pledge_tracker keeps. Every set field must hold.
struct PledgeFilter {
  // Deadlines that may fall on a day from `due_from` to `due_to`
  // (inclusive; an empty side is open). When either is set, a pledge
  // without a deadline is left out.
  std::optional<Day> due_from;
  std::optional<Day> due_to;
  // Pledges overdue as known at this record time (overdue() of the
  // pledge's version then, with the links known then).
  std::optional<RecordTime> overdue_as_of;
  // The entry's status is one of these; empty: any.
  std::vector<PledgeStatus> statuses;
  // Only pledges that an event violates (a `violates` link). Default: false.
  bool violated = false;
};

// The tracker's entries that pass `filter`, in the same order:
// pledge_page() with no limit.
std::vector<PledgeEntry> pledge_tracker(const Database& db, const Query& query,
                                        const PledgeFilter& filter);

// One page of the pledges that pass `filter`: at most query.limit of them
// (0: all), continuing after query.after, and the cursor of the next page
// (empty on the last). Concatenated pages equal pledge_tracker(db, query,
// filter); a cursor is one Database::query gives, so it also continues a
// plain query of pledges.
struct PledgePage {
  std::vector<PledgeEntry> entries;
  std::optional<std::string> next;
};

// Cost: reads the pledges the query selects page by page (query.limit at a
// time, so a page that many filtered out is followed by the next, and one
// more read of a page to find the cursor when the last page is cut short),
// never the other events; plus, for each page read, the claims on its
// pledges (their accounts) and the links to them as of the query's as_of
// (and as of filter.overdue_as_of, with the version of each candidate
// pledge then) — never the claims and links of other events.
// Throws as Database::query does.
PledgePage pledge_page(const Database& db, const Query& query,
                       const PledgeFilter& filter);

// The entries counted as Database::count counts events: by the period of
// the pledge's earliest start, and by kind, actor (each actor a pledge
// names, as participant or in its payload), place, process or none; sorted
// by period, then key. Pledges carry no deaths. Pure.
std::vector<Count> count_pledges(const std::vector<PledgeEntry>& entries,
                                 Period period, GroupBy group);

// A scheduled event: planned versus actual.
struct ScheduleEntry {
  Event event;
  Edtf planned;
  // The possible slips in days (parley::slip): one number when both times
  // are single days, a range when either is imprecise; empty without a
  // known bound or when cancelled. Word it with parley::slip_words.
  std::optional<Slip> slip;
  // The slip when it is exact (slip->exact()); empty when it is a range or
  // unknown, so no single number is claimed that the dates do not give.
  // Negative: early.
  std::optional<long long> days_late;
  // True when the slip is one exact number of days (days_late is set).
  bool exact = false;
  // The reasons of the links that delay it ("the opposition arrived late").
  std::vector<std::string> reasons;
};

// The events with a planned time among those the query selects.
std::vector<ScheduleEntry> schedule(const Database& db, const Query& query);

// What was scheduled after `known_at`, as known then: events with status
// `scheduled` that may start on or after the day of `known_at`, read as of
// `known_at`, in chronological order.
std::vector<ScheduleEntry> upcoming(const Database& db, RecordTime known_at,
                                    Query query = {});

// Slippage summed per process, from each entry's slip: a range counts
// with what is certain of it, so imprecise plans never inflate the totals.
struct Slippage {
  std::optional<ProcessId> process;
  int events = 0;           // scheduled events with a known slip (or range)
  int late = 0;             // of which certainly late (least slip > 0)
  long long days_late = 0;  // total certain days late (least slip, if > 0)
  long long worst = 0;      // the largest certain slip (the least slips')
};
std::vector<Slippage> slippage(const std::vector<ScheduleEntry>& entries);

}  // namespace parley

PARLEY_ENUM_NAMES(parley::ContradictionKind,
                  {parley::ContradictionKind::assert_deny, "assert_deny"},
                  {parley::ContradictionKind::exclusive_outcomes,
                   "exclusive_outcomes"});

#endif  // PARLEY_REPORTS_HPP
