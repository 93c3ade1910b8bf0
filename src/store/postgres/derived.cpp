#include "store/postgres/derived.hpp"

#include "store/postgres/backend.hpp"
#include "store/postgres/values.hpp"

namespace parley::detail {
namespace {

// The function of schema/postgres/009 for `change`, and the rows it takes:
// those of `table` whose key is in the three arrays.
std::string derive_call(EventChange change) {
  const bool versions = change != EventChange::actors_inserted;
  const std::string function =
      change == EventChange::inserted ? "parley_event_versions_added"
      : change == EventChange::closed ? "parley_event_versions_closed"
                                      : "parley_event_actor_rows_added";
  const std::string table = versions ? "event" : "event_actor";
  const std::string id = versions ? "id" : "event";
  return "SELECT " + function + "(array(SELECT r FROM " + table +
         " r WHERE (r." + id +
         ", r.lo, r.version) IN (SELECT * FROM unnest(?::text[], "
         "?::bigint[], ?::bigint[]))))";
}

}  // namespace

void EventKeys::add(std::string_view id, std::int64_t lo,
                    std::int64_t version) {
  ids_.emplace_back(id);
  los_.push_back(std::to_string(lo));
  versions_.push_back(std::to_string(version));
}

bool writer_derives(PostgresBackend& db) { return !db.triggers_derive(); }

void derive_events(PostgresBackend& db, EventChange change,
                   const EventKeys& keys) {
  if (keys.empty()) return;
  const Value params[] = {array_literal(keys.ids_), array_literal(keys.los_),
                          array_literal(keys.versions_)};
  db.exec(derive_call(change), params);
}

void derive_total(PostgresBackend& db, std::string_view table,
                  std::int64_t delta) {
  const Value params[] = {std::string(table), delta};
  db.exec("SELECT parley_add_total(?, ?)", params);
}

}  // namespace parley::detail
