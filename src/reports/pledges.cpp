#include <algorithm>
#include <map>
#include <set>

#include "parley/reports.hpp"

namespace parley {
namespace {

// The payload's pledger, then the other parties; and the guarantors.
void add_pledgers(PledgeEntry& entry) {
  entry.pledgers.push_back(std::get<Pledge>(entry.pledge.payload).pledger);
  for (const Participant& p : entry.pledge.participants) {
    auto& list = p.role == Role::guarantor ? entry.guarantors : entry.pledgers;
    if (p.role != Role::party && p.role != Role::guarantor) continue;
    if (std::find(list.begin(), list.end(), p.actor) == list.end()) {
      list.push_back(p.actor);
    }
  }
}

// The status the links imply: fulfilled when an event fulfils the pledge
// and none violates it, broken for the converse, partly_fulfilled for
// both; otherwise the recorded one.
PledgeStatus linked_status(const PledgeEntry& entry) {
  const bool kept = !entry.fulfilled_by.empty();
  const bool broken = !entry.violated_by.empty();
  if (kept && broken) return PledgeStatus::partly_fulfilled;
  if (kept) return PledgeStatus::fulfilled;
  if (broken) return PledgeStatus::broken;
  return entry.recorded;
}

// True when the deadline may fall on a day in [from, to].
bool due_within(const PledgeEntry& entry, const PledgeFilter& filter) {
  if (!filter.due_from && !filter.due_to) return true;
  const auto& deadline = std::get<Pledge>(entry.pledge.payload).deadline;
  if (!deadline) return false;
  const Bounds b = deadline->bounds();
  if (filter.due_to && b.earliest_start && *b.earliest_start > *filter.due_to) {
    return false;
  }
  if (filter.due_from && b.latest_end && *b.latest_end <= *filter.due_from) {
    return false;
  }
  return true;
}

}  // namespace

std::vector<PledgeEntry> pledge_tracker(const Database& db,
                                        const Query& query) {
  Query pledges = query;
  pledges.kinds = {"pledge"};
  pledges.limit = 0;
  pledges.after.reset();
  const ReadOptions read{query.as_of};

  std::map<EventId, std::vector<Account>> told;
  for (Account& a : accounts(db, pledges)) {
    told[a.event.id].push_back(std::move(a));
  }
  const std::vector<Link> links = db.links(read);

  std::vector<PledgeEntry> out;
  for (Event& e : db.query(pledges).events) {
    const PledgeStatus recorded = std::get<Pledge>(e.payload).status;
    std::vector<Account>& accounts_of = told[e.id];
    PledgeEntry entry{std::move(e), {}, {}, recorded,
                      recorded,     {}, {}, std::move(accounts_of)};
    add_pledgers(entry);
    for (const Link& l : links) {
      if (l.to != entry.pledge.id) continue;
      if (l.kind != LinkKind::fulfils && l.kind != LinkKind::violates) {
        continue;
      }
      auto by = db.event(l.from, read);
      if (!by) continue;
      (l.kind == LinkKind::fulfils ? entry.fulfilled_by : entry.violated_by)
          .push_back(std::move(*by));
    }
    entry.status = linked_status(entry);
    out.push_back(std::move(entry));
  }
  return out;
}

bool overdue(const PledgeEntry& entry, RecordTime known_at) {
  const auto& deadline = std::get<Pledge>(entry.pledge.payload).deadline;
  if (!deadline) return false;
  const Bounds b = deadline->bounds();
  if (b.end_open || b.end_unknown || !b.latest_end) return false;
  const Day today{date::floor<date::days>(known_at).time_since_epoch()};
  if (today < *b.latest_end) return false;
  return entry.status != PledgeStatus::fulfilled &&
         entry.status != PledgeStatus::partly_fulfilled &&
         entry.status != PledgeStatus::withdrawn;
}

std::vector<PledgeEntry> pledge_tracker(const Database& db, const Query& query,
                                        const PledgeFilter& filter) {
  std::set<EventId> late;
  if (filter.overdue_as_of) {
    Query then = query;
    then.as_of = filter.overdue_as_of;
    for (const PledgeEntry& e : pledge_tracker(db, then)) {
      if (overdue(e, *filter.overdue_as_of)) late.insert(e.pledge.id);
    }
  }
  std::vector<PledgeEntry> out;
  for (PledgeEntry& e : pledge_tracker(db, query)) {
    if (!due_within(e, filter)) continue;
    if (filter.overdue_as_of && !late.count(e.pledge.id)) continue;
    if (filter.violated && e.violated_by.empty()) continue;
    if (!filter.statuses.empty() &&
        std::find(filter.statuses.begin(), filter.statuses.end(), e.status) ==
            filter.statuses.end()) {
      continue;
    }
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace parley
