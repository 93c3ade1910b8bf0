#include "reports/accounts.hpp"

#include <map>

#include "store/related.hpp"

namespace parley {

namespace detail {

std::vector<Account> accounts_of(const Database& db,
                                 const std::vector<Event>& events,
                                 const ReadOptions& read) {
  std::map<EventId, std::vector<Claim>> claims;
  for (Claim& c : claims_on(db, ids_of(events), read)) {
    claims[c.event].push_back(std::move(c));
  }
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

}  // namespace detail

std::vector<Account> accounts(const Database& db, const Query& query) {
  Query all = query;
  all.limit = 0;
  all.after.reset();
  return detail::accounts_of(db, db.query(all).events,
                             ReadOptions{query.as_of});
}

}  // namespace parley
