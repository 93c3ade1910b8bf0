// Internal: reading the documents related to a set of entities — the claims
// on some events, the links to them, actors and sources by id — for
// make_timeline and the reports, so that their cost follows the events
// they were given, never the size of the database. Not part of the public
// API.
#ifndef PARLEY_SRC_STORE_RELATED_HPP
#define PARLEY_SRC_STORE_RELATED_HPP

#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "parley/database.hpp"

#include "store/access.hpp"

namespace parley::detail {

// Reads the documents of the versions of `table` (alias t) visible at
// `options` that meet `filter` (SQL over t, parameters `params`), in
// recorded order: one statement.
template <class T>
std::vector<T> read_docs(Backend& backend, const char* table,
                         const std::string& filter,
                         const std::vector<Value>& params,
                         const ReadOptions& options) {
  std::vector<Value> all;
  const std::string sql = std::string("SELECT t.doc FROM ") + table +
                          " t WHERE " + visible("t", options.as_of, all) +
                          " AND " + filter + " ORDER BY t.version";
  all.insert(all.end(), params.begin(), params.end());
  const auto rows = backend.run(sql, all);
  std::vector<T> out;
  while (rows->next()) {
    out.push_back(nlohmann::json::parse(rows->text(0)).get<T>());
  }
  return out;
}

// The ids as the dialect binds a list.
template <class Id>
Value list_of(const Dialect& dialect, const std::set<Id>& ids) {
  std::vector<std::string> texts;
  texts.reserve(ids.size());
  for (const Id& id : ids) texts.push_back(id.value);
  return dialect.list(texts);
}

// The documents of `table` (alias t) whose id is in `ids`, visible at
// `options`, in recorded order: one statement, by the table's id index.
template <class T, class Id>
std::vector<T> read_by_id(Store store, const char* table,
                          const std::set<Id>& ids, const ReadOptions& options) {
  if (ids.empty()) return {};
  return read_docs<T>(store.backend, table, store.dialect.in_list("t.id"),
                      {list_of(store.dialect, ids)}, options);
}

// The ids of `events`.
inline std::set<EventId> ids_of(const std::vector<Event>& events) {
  std::set<EventId> ids;
  for (const Event& e : events) ids.insert(e.id);
  return ids;
}

// The claims on `events` visible at `options`, in recorded order. Reads
// those claims only (index claim_event; as of a time, claim_event_history).
std::vector<Claim> claims_on(const Database& db,
                             const std::set<EventId>& events,
                             const ReadOptions& options);

// The links to `events` from any event, visible at `options`, in recorded
// order. Reads those links only (index link_to; as of a time, every version
// of the links table: no history index ends at to_event).
std::vector<Link> links_to(const Database& db, const std::set<EventId>& events,
                           const ReadOptions& options);

// The links whose two ends are both among `events`.
std::vector<Link> links_among(const Database& db,
                              const std::set<EventId>& events,
                              const ReadOptions& options);

}  // namespace parley::detail

#endif  // PARLEY_SRC_STORE_RELATED_HPP
