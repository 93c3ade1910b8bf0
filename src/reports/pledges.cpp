#include <algorithm>
#include <map>
#include <set>

#include "parley/reports.hpp"

#include "reports/accounts.hpp"
#include "store/related.hpp"

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

// True when the pledge's deadline may fall on a day in [from, to].
bool due_within(const Event& pledge, const PledgeFilter& filter) {
  if (!filter.due_from && !filter.due_to) return true;
  const auto& deadline = std::get<Pledge>(pledge.payload).deadline;
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

// The events that fulfil or violate a pledge through `links`, by id, as
// known at `read`: one read.
std::map<EventId, Event> linking_events(const Database& db,
                                        const std::vector<Link>& links,
                                        const ReadOptions& read) {
  std::set<EventId> ids;
  for (const Link& l : links) {
    if (l.kind == LinkKind::fulfils || l.kind == LinkKind::violates) {
      ids.insert(l.from);
    }
  }
  std::map<EventId, Event> out;
  for (Event& e : detail::read_by_id<Event>(detail::DatabaseAccess::store(db),
                                            "event", ids, read)) {
    EventId id = e.id;
    out.emplace(std::move(id), std::move(e));
  }
  return out;
}

// The entry of `pledge` with its accounts and the status `links` give it,
// their linking events read by linking_events().
PledgeEntry entry_of(Event pledge, const std::vector<Link>& links,
                     const std::map<EventId, Event>& linking,
                     std::vector<Account> told) {
  const PledgeStatus recorded = std::get<Pledge>(pledge.payload).status;
  PledgeEntry entry{std::move(pledge), {}, {}, recorded,
                    recorded,          {}, {}, std::move(told)};
  add_pledgers(entry);
  for (const Link& l : links) {
    if (l.to != entry.pledge.id) continue;
    if (l.kind != LinkKind::fulfils && l.kind != LinkKind::violates) continue;
    const auto by = linking.find(l.from);
    if (by == linking.end()) continue;
    (l.kind == LinkKind::fulfils ? entry.fulfilled_by : entry.violated_by)
        .push_back(by->second);
  }
  entry.status = linked_status(entry);
  return entry;
}

// The query of the pledges `query` selects: its kinds replaced.
Query pledges_of(const Query& query) {
  Query pledges = query;
  pledges.kinds = {"pledge"};
  return pledges;
}

// The entries of `pledges`, in their order, with their accounts and the
// links that give them their status, as known at `read`. Reads the claims
// on these pledges and the links to them only.
std::vector<PledgeEntry> entries_of(const Database& db,
                                    std::vector<Event> pledges,
                                    const ReadOptions& read) {
  std::map<EventId, std::vector<Account>> told;
  for (Account& a : detail::accounts_of(db, pledges, read)) {
    told[a.event.id].push_back(std::move(a));
  }
  const std::vector<Link> links =
      detail::links_to(db, detail::ids_of(pledges), read);
  const std::map<EventId, Event> linking = linking_events(db, links, read);
  std::vector<PledgeEntry> out;
  for (Event& e : pledges) {
    std::vector<Account> accounts_of = std::move(told[e.id]);
    out.push_back(
        entry_of(std::move(e), links, linking, std::move(accounts_of)));
  }
  return out;
}

}  // namespace

std::vector<PledgeEntry> pledge_tracker(const Database& db,
                                        const Query& query) {
  Query pledges = pledges_of(query);
  pledges.limit = 0;
  pledges.after.reset();
  return entries_of(db, db.query(pledges).events, ReadOptions{query.as_of});
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

namespace {

// Reads pages of pledges and keeps those that pass a filter.
class PledgePager {
 public:
  PledgePager(const Database& db, const Query& query,
              const PledgeFilter& filter)
      : db_(db),
        query_(pledges_of(query)),
        filter_(filter),
        read_{query.as_of} {}

  PledgePage run() {
    PledgePage out;
    const std::size_t limit = query_.limit;
    // Pages as large as the caller's, or a hundred pledges without one.
    Query page_query = query_;
    page_query.limit = limit ? limit : 100;
    for (;;) {
      Page page = db_.query(page_query);
      const std::size_t read = page.events.size();
      // Where each candidate lies in the page; the others are not read
      // further (no claims, no links).
      std::vector<std::size_t> at;
      std::vector<Event> candidates;
      for (std::size_t i = 0; i < read; ++i) {
        if (!due_within(page.events[i], filter_)) continue;
        at.push_back(i);
        candidates.push_back(std::move(page.events[i]));
      }
      if (filter_.overdue_as_of) overdue_then_ = overdue_then(candidates);
      std::vector<PledgeEntry> entries =
          entries_of(db_, std::move(candidates), read_);
      for (std::size_t c = 0; c < entries.size(); ++c) {
        if (!passes(entries[c])) continue;
        out.entries.push_back(std::move(entries[c]));
        if (limit && out.entries.size() == limit) {
          out.next = cursor_after(page_query, at[c], read, page.next);
          return out;
        }
      }
      if (!page.next) return out;
      page_query.after = page.next;
    }
  }

 private:
  // The cursor after the i-th of the `read` events of a page read with `q`
  // (whose own cursor is `next`): `next` at its end, else that of the page
  // read again up to it. Empty when nothing follows.
  std::optional<std::string> cursor_after(
      Query q, std::size_t i, std::size_t read,
      const std::optional<std::string>& next) const {
    if (i + 1 == read) return next;
    q.limit = i + 1;
    return db_.query(q).next;
  }

  // The filters other than the deadline's (checked before).
  bool passes(const PledgeEntry& e) const {
    if (filter_.violated && e.violated_by.empty()) return false;
    if (!filter_.statuses.empty() &&
        std::find(filter_.statuses.begin(), filter_.statuses.end(), e.status) ==
            filter_.statuses.end()) {
      return false;
    }
    return !filter_.overdue_as_of || overdue_then_.count(e.pledge.id);
  }

  // The `candidates` that are overdue() as known at filter.overdue_as_of:
  // each one's version then, with the links and the linking events known
  // then. Three reads, whatever the number of candidates.
  std::set<EventId> overdue_then(const std::vector<Event>& candidates) const {
    const ReadOptions then{filter_.overdue_as_of};
    const std::set<EventId> ids = detail::ids_of(candidates);
    const std::vector<Link> links = detail::links_to(db_, ids, then);
    const std::map<EventId, Event> linking = linking_events(db_, links, then);
    std::set<EventId> out;
    for (Event& pledge : detail::read_by_id<Event>(
             detail::DatabaseAccess::store(db_), "event", ids, then)) {
      if (!std::holds_alternative<Pledge>(pledge.payload)) continue;
      EventId id = pledge.id;
      if (overdue(entry_of(std::move(pledge), links, linking, {}),
                  *filter_.overdue_as_of)) {
        out.insert(std::move(id));
      }
    }
    return out;
  }

  const Database& db_;
  Query query_;
  const PledgeFilter& filter_;
  ReadOptions read_;
  std::set<EventId> overdue_then_;  // of the current page's candidates
};

}  // namespace

PledgePage pledge_page(const Database& db, const Query& query,
                       const PledgeFilter& filter) {
  return PledgePager(db, query, filter).run();
}

std::vector<PledgeEntry> pledge_tracker(const Database& db, const Query& query,
                                        const PledgeFilter& filter) {
  Query all = query;
  all.limit = 0;
  all.after.reset();
  return pledge_page(db, all, filter).entries;
}

}  // namespace parley
