#include <map>

#include "parley/reports.hpp"

namespace parley {

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
    PledgeEntry entry{e, recorded, recorded, {}, {}, told[e.id]};
    for (const Link& l : links) {
      if (l.to != e.id) continue;
      if (l.kind != LinkKind::fulfils && l.kind != LinkKind::violates) {
        continue;
      }
      auto by = db.event(l.from, read);
      if (!by) continue;
      (l.kind == LinkKind::fulfils ? entry.fulfilled_by : entry.violated_by)
          .push_back(std::move(*by));
    }
    const bool kept = !entry.fulfilled_by.empty();
    const bool broken = !entry.violated_by.empty();
    if (kept && broken) {
      entry.status = PledgeStatus::partly_fulfilled;
    } else if (kept) {
      entry.status = PledgeStatus::fulfilled;
    } else if (broken) {
      entry.status = PledgeStatus::broken;
    }
    entry.pledge = std::move(e);
    out.push_back(std::move(entry));
  }
  return out;
}

}  // namespace parley
