#include "store/related.hpp"

namespace parley::detail {

std::vector<Claim> claims_on(const Database& db,
                             const std::set<EventId>& events,
                             const ReadOptions& options) {
  if (events.empty()) return {};
  const Store store = DatabaseAccess::store(db);
  return guard([&] {
    return read_docs<Claim>(store.backend, "claim",
                            store.dialect.in_list("t.event"),
                            {list_of(store.dialect, events)}, options);
  });
}

std::vector<Link> links_to(const Database& db, const std::set<EventId>& events,
                           const ReadOptions& options) {
  if (events.empty()) return {};
  const Store store = DatabaseAccess::store(db);
  return guard([&] {
    return read_docs<Link>(store.backend, "link",
                           store.dialect.in_list("t.to_event"),
                           {list_of(store.dialect, events)}, options);
  });
}

std::vector<Link> links_among(const Database& db,
                              const std::set<EventId>& events,
                              const ReadOptions& options) {
  if (events.empty()) return {};
  const Store store = DatabaseAccess::store(db);
  const Value ids = list_of(store.dialect, events);
  return guard([&] {
    return read_docs<Link>(store.backend, "link",
                           store.dialect.in_list("t.from_event") + " AND " +
                               store.dialect.in_list("t.to_event"),
                           {ids, ids}, options);
  });
}

}  // namespace parley::detail
