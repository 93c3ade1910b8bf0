#include <algorithm>
#include <map>
#include <set>

#include "parley/reports.hpp"

namespace parley {

std::vector<Account> accounts(const Database& db, const Query& query) {
  Query all = query;
  all.limit = 0;
  all.after.reset();
  const ReadOptions read{query.as_of};
  std::vector<Event> events = db.query(all).events;
  std::map<EventId, std::vector<Claim>> claims;
  for (Claim& c : db.claims(read)) claims[c.event].push_back(std::move(c));

  std::vector<Account> out;
  for (const Event& e : events) {
    for (const Claim& c : claims[e.id]) {
      Account a{e, c, std::nullopt, db.source(c.source, read)};
      if (c.claimant) a.claimant = db.actor(*c.claimant, read);
      out.push_back(std::move(a));
    }
  }
  return out;
}

}  // namespace parley
