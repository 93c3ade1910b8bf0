// Internal: the tables the schema derives from the current versions
// (event_head, the counts, current_total, event_external, event_flag,
// event_rule), kept by the writer on a database without the statement
// triggers that keep them elsewhere: a Citus cluster, where citus.sql drops
// them (Citus runs no statement-level trigger on a distributed table). The
// writer calls the functions those triggers call (schema/postgres/009)
// after each statement that inserts or closes versions, in the write's
// transaction, so both ways compute the same rows.
//
//   if (writer_derives(db)) {
//     EventKeys keys;
//     keys.add(id, lo, version);
//     derive_events(db, EventChange::inserted, keys);
//   }
#ifndef PARLEY_SRC_STORE_POSTGRES_DERIVED_HPP
#define PARLEY_SRC_STORE_POSTGRES_DERIVED_HPP

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace parley::detail {

class PostgresBackend;

// What a statement did to the event versions it names.
enum class EventChange {
  inserted,        // inserted them as current versions
  closed,          // set their recorded_to
  actors_inserted  // inserted every event_actor row of each of them
};

// Event versions by their row's key (id, lo, version), as array elements.
class EventKeys {
 public:
  void add(std::string_view id, std::int64_t lo, std::int64_t version);
  bool empty() const noexcept { return ids_.empty(); }

 private:
  friend void derive_events(PostgresBackend&, EventChange, const EventKeys&);
  std::vector<std::string> ids_, los_, versions_;
};

// Whether the writer keeps the derived tables on `db`'s database: its
// statement triggers are gone (parley_triggers_derive() is false). Read once
// per connection.
bool writer_derives(PostgresBackend& db);

// Does for the event versions `keys` what the statement triggers on event
// and event_actor do after a statement that made `change` to them. Throws
// Error as Backend does.
void derive_events(PostgresBackend& db, EventChange change,
                   const EventKeys& keys);

// Adds `delta` to the number of current versions of `table` (current_total;
// an event's is counted by derive_events).
void derive_total(PostgresBackend& db, std::string_view table,
                  std::int64_t delta);

}  // namespace parley::detail

#endif  // PARLEY_SRC_STORE_POSTGRES_DERIVED_HPP
