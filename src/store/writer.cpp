#include "store/writer.hpp"

#include <algorithm>
#include <set>

#include <SQLiteCpp/Statement.h>
#include <nlohmann/json.hpp>

#include "parley/error.hpp"

#include "store/impl.hpp"
#include "store/rules.hpp"
#include "store/tables.hpp"

namespace parley::detail {
namespace {

// Queries that find a current entity naming the given id, per table.
struct Referrer {
  const char* table;
  const char* sql;
  const char* what;
};
constexpr Referrer referrers[] = {
    {"actor",
     "SELECT e.id FROM event_actor a JOIN event e ON e.version = a.version "
     "WHERE a.actor = ?1 AND e.recorded_to IS NULL LIMIT 1",
     "event"},
    {"actor",
     "SELECT x.id FROM actor_tie t JOIN actor x ON x.version = t.version "
     "WHERE t.other = ?1 AND x.recorded_to IS NULL LIMIT 1",
     "actor"},
    {"actor",
     "SELECT id FROM claim WHERE claimant = ?1 AND recorded_to IS NULL LIMIT 1",
     "claim"},
    {"place",
     "SELECT id FROM event WHERE place = ?1 AND recorded_to IS NULL LIMIT 1",
     "event"},
    {"place",
     "SELECT id FROM place WHERE parent = ?1 AND recorded_to IS NULL LIMIT 1",
     "place"},
    {"process",
     "SELECT id FROM event WHERE process = ?1 AND recorded_to IS NULL LIMIT 1",
     "event"},
    {"process",
     "SELECT id FROM process WHERE parent = ?1 AND recorded_to IS NULL "
     "LIMIT 1",
     "process"},
    {"source",
     "SELECT id FROM claim WHERE source = ?1 AND recorded_to IS NULL LIMIT 1",
     "claim"},
    {"event",
     "SELECT id FROM claim WHERE event = ?1 AND recorded_to IS NULL LIMIT 1",
     "claim"},
    {"event",
     "SELECT id FROM event WHERE parent = ?1 AND recorded_to IS NULL LIMIT 1",
     "event"},
    {"event",
     "SELECT from_event FROM link WHERE (from_event = ?1 OR to_event = ?1) "
     "AND recorded_to IS NULL LIMIT 1",
     "link from"},
    {"event", "SELECT dependent FROM event_rule WHERE anchor = ?1 LIMIT 1",
     "the time rule of event"},
};

// Tables whose rows name a parent of the same table.
template <class T>
constexpr bool has_parent =
    std::is_same_v<T, Place> || std::is_same_v<T, Process> ||
    std::is_same_v<T, Event>;

}  // namespace

template <class T, class K>
std::optional<Writer::Current> Writer::current(const K& key) {
  SQLite::Statement& q = statements_.get(
      std::string("SELECT version, recorded_from, doc FROM ") + Table<T>::name +
      " WHERE " + Table<T>::key_sql + " AND recorded_to IS NULL");
  Table<T>::bind_key(q, key);
  if (!q.executeStep()) return std::nullopt;
  Current found{q.getColumn(0).getInt64(), q.getColumn(1).getInt64(),
                q.getColumn(2).getString()};
  q.reset();
  return found;
}

template <class T>
bool Writer::recorded(const T& value, RecordTime at, const std::string& doc) {
  SQLite::Statement& q = statements_.get(
      std::string("SELECT 1 FROM ") + Table<T>::name + " WHERE " +
      Table<T>::key_sql + " AND recorded_from = ? AND doc = ?");
  Table<T>::bind_key(q, Table<T>::key(value));
  const int next = q.getBindParameterCount() - 1;
  q.bind(next, static_cast<int64_t>(to_stored(at)));
  q.bind(next + 1, doc);
  return q.executeStep();
}

void Writer::close(const char* table, const Current& current, RecordTime at,
                   const std::string& where) {
  if (to_stored(at) < current.recorded_from) {
    throw Error(Errc::conflict, where,
                "record time " + format_record_time(at) +
                    " precedes the current version's, " +
                    format_record_time(from_stored(current.recorded_from)));
  }
  SQLite::Statement& q =
      statements_.get(std::string("UPDATE ") + table +
                      " SET recorded_to = ? WHERE version = ?");
  q.bind(1, static_cast<int64_t>(to_stored(at)));
  q.bind(2, static_cast<int64_t>(current.version));
  q.exec();
  // The search text of later events names current actors and places only.
  const std::string_view name = table;
  if (name == "actor" || name == "place") statements_.forget_names();
}

template <class T>
void Writer::resolve_references(const T& owner) {
  constexpr std::size_t max_known = 100000;
  for (const Reference& ref : refs_) {
    std::string key = std::string(ref.table) + '\n' + ref.id;
    if (known_.count(key)) continue;
    SQLite::Statement& q =
        statements_.get(std::string("SELECT 1 FROM ") + ref.table +
                        " WHERE id = ? AND recorded_to IS NULL");
    q.bind(1, ref.id);
    if (q.executeStep()) {
      if (known_.size() >= max_known) known_.clear();
      known_.insert(std::move(key));
      continue;
    }
    if (!pending_) {
      statements_.db.exec(
          "CREATE TEMP TABLE IF NOT EXISTS parley_pending_ref (tbl TEXT "
          "NOT NULL, id TEXT NOT NULL, at TEXT NOT NULL, owner TEXT NOT NULL)");
      pending_ = true;
    }
    SQLite::Statement& add = statements_.get(
        "INSERT INTO temp.parley_pending_ref (tbl, id, at, owner) "
        "VALUES (?, ?, ?, ?)");
    add.bind(1, ref.table);
    add.bind(2, ref.id);
    add.bind(3, ref.where);
    add.bind(4, label(owner));
    add.exec();
  }
  refs_.clear();
}

void Writer::check_parents(const char* table, const std::string& id,
                           const std::string& where) {
  std::set<std::string> seen{id};
  std::string at = id;
  SQLite::Statement& q =
      statements_.get(std::string("SELECT parent FROM ") + table +
                      " WHERE id = ? AND recorded_to IS NULL");
  for (;;) {
    q.reset();
    q.bind(1, at);
    if (!q.executeStep() || q.getColumn(0).isNull()) break;
    at = q.getColumn(0).getString();
    if (!seen.insert(at).second) {
      throw Error(Errc::bad_value, where,
                  std::string("parents of ") + table + " '" + id +
                      "' form a cycle through '" + at + "'");
    }
  }
}

template <class T>
void Writer::write(const T& value, WriteMode mode, RecordTime at,
                   const std::string& where) {
  if constexpr (std::is_same_v<T, Event>) {
    if (has_rules(value)) {
      Event derived = value;
      if (auto missing = derive_rules(statements_, derived, at, where)) {
        deferred_.push_back({std::move(derived), mode, at, where, *missing});
        return;
      }
      if (write_version(derived, mode, at, where))
        rederive(value.id, at, where);
      // An anchor that changed after `at` (written before this event): the
      // value it gives from then on is a later version of this event.
      if (const auto later = next_anchor_change(statements_, value, at)) {
        write(value, WriteMode::update, *later, where);
      }
      return;
    }
    if (write_version(value, mode, at, where)) rederive(value.id, at, where);
  } else {
    write_version(value, mode, at, where);
  }
}

void Writer::rederive(const EventId& anchor, RecordTime at,
                      const std::string& where) {
  for (const std::string& id : dependents_of(statements_, anchor.value)) {
    const std::optional<Current> now = current<Event>(EventId{id});
    if (!now) continue;
    // A dependent recorded after `at` was derived from the anchor's older
    // version: its value as of its own record time is re-derived then.
    const RecordTime when = std::max(at, from_stored(now->recorded_from));
    write(nlohmann::json::parse(now->doc).get<Event>(), WriteMode::update, when,
          where + " (re-deriving " + id + ")");
  }
}

void Writer::write_deferred() {
  while (!deferred_.empty()) {
    std::vector<Deferred> waiting = std::move(deferred_);
    deferred_.clear();
    for (Deferred& d : waiting) write(d.event, d.mode, d.at, d.where);
    if (deferred_.size() < waiting.size()) continue;
    // No progress: each waits on an anchor that is missing, or on another
    // waiting event in a cycle.
    const Deferred& first = deferred_.front();
    std::vector<std::string> chain{first.event.id.value};
    std::string next = first.missing;
    bool cycle = false;
    for (;;) {
      cycle = std::find(chain.begin(), chain.end(), next) != chain.end();
      chain.push_back(next);
      const auto it = std::find_if(
          deferred_.begin(), deferred_.end(),
          [&](const Deferred& d) { return d.event.id.value == next; });
      if (cycle || it == deferred_.end()) break;
      next = it->missing;
    }
    std::string path;
    for (const std::string& id : chain)
      path += (path.empty() ? "" : " → ") + id;
    throw Error(Errc::bad_value, first.where,
                cycle ? "the rule's anchors form a cycle: " + path
                      : "the rule's anchor event '" + chain.back() +
                            "' does not exist: " + path);
  }
}

template <class T>
bool Writer::write_version(const T& value, WriteMode mode, RecordTime at,
                           const std::string& where) {
  check(value, where, refs_);
  resolve_references(value);
  const auto key = Table<T>::key(value);
  const std::optional<Current> now = current<T>(key);
  if (mode == WriteMode::add && now) {
    throw Error(Errc::conflict, where,
                Table<T>::describe(key) + " already exists");
  }
  if (mode == WriteMode::update && !now) {
    throw Error(Errc::bad_reference, where,
                "no " + Table<T>::describe(key) + " to update");
  }
  const std::string doc = nlohmann::json(value).dump();
  if (now && now->doc == doc) return false;
  if (mode == WriteMode::put && recorded(value, at, doc)) return false;
  if (now) close(Table<T>::name, *now, at, where);
  Table<T>::insert(statements_, value, doc, to_stored(at));
  // A cycle closes with the last of its members written, and the walk
  // from that one finds it; so checking each write as it comes suffices.
  if constexpr (has_parent<T>) {
    if (value.parent) {
      check_parents(Table<T>::name, value.id.value, where + "/parent");
    }
  }
  return true;
}

template <class K>
void Writer::remove(const K& key, RecordTime at, const std::string& where) {
  using T = typename EntityOf<K>::type;
  const std::optional<Current> now = current<T>(key);
  if (!now) {
    throw Error(Errc::bad_reference, where,
                "no " + Table<T>::describe(key) + " to remove");
  }
  close(Table<T>::name, *now, at, where);
  known_.clear();
  if constexpr (!std::is_same_v<K, Link>) {
    removed_.push_back({Table<T>::name, key.value, where});
  }
}

void Writer::finish() {
  write_deferred();
  if (pending_) {
    // The first reference, in the order written, that still names nothing.
    std::optional<std::int64_t> first;
    for (const char* table :
         {"actor", "place", "process", "source", "event", "claim"}) {
      SQLite::Statement& q = statements_.get(
          std::string("SELECT min(p.rowid) FROM temp.parley_pending_ref p "
                      "WHERE p.tbl = '") +
          table + "' AND NOT EXISTS (SELECT 1 FROM " + table +
          " t WHERE t.id = p.id AND t.recorded_to IS NULL)");
      if (q.executeStep() && !q.getColumn(0).isNull()) {
        const std::int64_t row = q.getColumn(0).getInt64();
        if (!first || row < *first) first = row;
      }
    }
    if (first) {
      SQLite::Statement& q = statements_.get(
          "SELECT tbl, id, at, owner FROM temp.parley_pending_ref "
          "WHERE rowid = ?");
      q.bind(1, static_cast<int64_t>(*first));
      q.executeStep();
      throw Error(Errc::bad_reference, q.getColumn(2).getString(),
                  "unknown " + q.getColumn(0).getString() + " '" +
                      q.getColumn(1).getString() + "' (in " +
                      q.getColumn(3).getString() + ")");
    }
    statements_.db.exec("DELETE FROM temp.parley_pending_ref");
  }
  for (const Removed& gone : removed_) {
    for (const Referrer& r : referrers) {
      if (std::string_view(r.table) != gone.table) continue;
      SQLite::Statement& q = statements_.get(r.sql);
      q.bind(1, gone.id);
      if (q.executeStep()) {
        throw Error(Errc::bad_reference, gone.where,
                    std::string(gone.table) + " '" + gone.id +
                        "' is still named by " + r.what + " '" +
                        q.getColumn(0).getString() + "'");
      }
    }
  }
  index_deferred_search(statements_);
  statements_.reset_all();
}

#define PARLEY_WRITER_INSTANCE(T, K)                              \
  template void Writer::write<T>(const T&, WriteMode, RecordTime, \
                                 const std::string&);             \
  template void Writer::remove<K>(const K&, RecordTime, const std::string&)
PARLEY_WRITER_INSTANCE(Actor, ActorId);
PARLEY_WRITER_INSTANCE(Place, PlaceId);
PARLEY_WRITER_INSTANCE(Process, ProcessId);
PARLEY_WRITER_INSTANCE(Source, SourceId);
PARLEY_WRITER_INSTANCE(Event, EventId);
PARLEY_WRITER_INSTANCE(Claim, ClaimId);
PARLEY_WRITER_INSTANCE(Link, Link);
#undef PARLEY_WRITER_INSTANCE

}  // namespace parley::detail
