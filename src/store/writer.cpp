#include "store/writer.hpp"

#include <algorithm>
#include <cstring>
#include <set>

#include <nlohmann/json.hpp>

#include "parley/error.hpp"

#include "store/access.hpp"
#include "store/rules.hpp"
#include "store/tables.hpp"

namespace parley::detail {
namespace {

// Queries that find a current entity naming the given id (each `?`), per
// table.
struct Referrer {
  const char* table;
  const char* sql;
  const char* what;
};
constexpr Referrer referrers[] = {
    {"actor",
     "SELECT e.id FROM event_actor a JOIN event e ON e.version = a.version "
     "WHERE a.actor = ? AND e.recorded_to IS NULL LIMIT 1",
     "event"},
    {"actor",
     "SELECT x.id FROM actor_tie t JOIN actor x ON x.version = t.version "
     "WHERE t.other = ? AND x.recorded_to IS NULL LIMIT 1",
     "actor"},
    {"actor",
     "SELECT id FROM claim WHERE claimant = ? AND recorded_to IS NULL LIMIT 1",
     "claim"},
    {"place",
     "SELECT id FROM event WHERE place = ? AND recorded_to IS NULL LIMIT 1",
     "event"},
    {"place",
     "SELECT id FROM place WHERE parent = ? AND recorded_to IS NULL LIMIT 1",
     "place"},
    {"process",
     "SELECT id FROM event WHERE process = ? AND recorded_to IS NULL LIMIT 1",
     "event"},
    {"process",
     "SELECT id FROM process WHERE parent = ? AND recorded_to IS NULL "
     "LIMIT 1",
     "process"},
    {"source",
     "SELECT id FROM claim WHERE source = ? AND recorded_to IS NULL LIMIT 1",
     "claim"},
    {"event",
     "SELECT id FROM claim WHERE event = ? AND recorded_to IS NULL LIMIT 1",
     "claim"},
    {"event",
     "SELECT id FROM event WHERE parent = ? AND recorded_to IS NULL LIMIT 1",
     "event"},
    {"event",
     "SELECT from_event FROM link WHERE (from_event = ? OR to_event = ?) "
     "AND recorded_to IS NULL LIMIT 1",
     "link from"},
    {"event", "SELECT dependent FROM event_rule WHERE anchor = ? LIMIT 1",
     "the time rule of event"},
};

// Tables whose rows name a parent of the same table.
template <class T>
constexpr bool has_parent =
    std::is_same_v<T, Place> || std::is_same_v<T, Process> ||
    std::is_same_v<T, Event>;

}  // namespace

template <class T>
std::string Writer::current_columns() {
  return "version, recorded_from, doc, recorded_to IS NULL, " +
         partition_select<T>() + " FROM " + Table<T>::name;
}

template <class T, class K>
std::optional<Writer::Current> Writer::current(const K& key) {
  if constexpr (std::is_same_v<T, Event>) {
    context_.flush();
  } else if constexpr (!std::is_same_v<T, Link>) {
    context_.flush_if_waiting(Table<T>::name, key.value);
  }
  std::vector<Value> params;
  Table<T>::key_params(key, params);
  const auto rows =
      context_.db.run("SELECT " + current_columns<T>() + " WHERE " +
                          Table<T>::key_sql + " AND recorded_to IS NULL",
                      params);
  if (!rows->next()) return std::nullopt;
  return Current{rows->int64(0), rows->int64(1), std::string(rows->text(2)),
                 rows->int64(4)};
}

void Writer::assume_new(const std::string& table,
                        std::unordered_set<std::string> ids) {
  std::erase_if(ids, [&](const std::string& id) {
    return context_.pending_rows.waits(table, id);
  });
  new_[table] = std::move(ids);
}

bool Writer::assumed_new(const std::string& table,
                         const std::string& id) const {
  const auto set = new_.find(table);
  return set != new_.end() && set->second.count(id) != 0;
}

template <class T>
Writer::Found Writer::find(const typename Table<T>::Key& key, RecordTime at,
                           const std::string& doc) {
  if constexpr (!std::is_same_v<T, Link>) {
    // No version: the write that follows inserts the first.
    if (const auto set = new_.find(Table<T>::name);
        set != new_.end() && set->second.erase(key.value) != 0) {
      return {};
    }
    context_.flush_if_waiting(Table<T>::name, key.value);
  }
  std::vector<Value> params;
  Table<T>::key_params(key, params);
  params.emplace_back(to_stored(at));
  const auto rows = context_.db.run(
      "SELECT " + current_columns<T>() + " WHERE " + Table<T>::key_sql +
          " AND (recorded_to IS NULL OR recorded_from = ?)",
      params);
  Found found;
  while (rows->next()) {
    Current row{rows->int64(0), rows->int64(1), std::string(rows->text(2)),
                rows->int64(4)};
    if (row.recorded_from == to_stored(at) && row.doc == doc) {
      found.recorded = true;
    }
    if (rows->int64(3) != 0) found.now = std::move(row);
  }
  return found;
}

template <class T>
void Writer::close(const typename Table<T>::Key& key, const Current& current,
                   RecordTime at, const std::string& where) {
  if (to_stored(at) < current.recorded_from) {
    throw Error(Errc::conflict, where,
                "record time " + format_record_time(at) +
                    " precedes the current version's, " +
                    format_record_time(from_stored(current.recorded_from)));
  }
  ++changes_;
  std::vector<Value> params{to_stored(at)};
  const std::string row =
      version_row<T>(key, current.version, current.partition, params);
  if (context_.db.exec(std::string("UPDATE ") + Table<T>::name +
                           " SET recorded_to = ? WHERE " + row +
                           " AND recorded_to IS NULL",
                       params) != 0) {
    context_.dialect.derive(context_.db, Table<T>::name, Table<T>::id(key),
                            current.partition, current.version,
                            VersionWrite::closed);
  }
  // The search text of later events names current actors and places only;
  // the parents walked are current ones.
  if constexpr (std::is_same_v<T, Actor> || std::is_same_v<T, Place> ||
                std::is_same_v<T, Process>) {
    context_.forget_names(Table<T>::name, key.value);
  }
  if constexpr (std::is_same_v<T, Place>) context_.forget_chains();
}

void Writer::know_current(std::string key) {
  constexpr std::size_t max_known = 100000;
  if (known_.size() >= max_known) known_.clear();
  known_.insert(std::move(key));
}

template <class T>
void Writer::resolve_references(const T& owner) {
  const bool late =
      context_.bulk_versions && context_.dialect.checks_references_late();
  for (const Reference& ref : refs_) {
    std::string key = std::string(ref.table) + '\n' + ref.id;
    if (known_.count(key)) continue;
    bool found = false;
    if (!late) {
      context_.flush_if_waiting(ref.table, ref.id);
      const Value id[] = {ref.id};
      found = context_.db
                  .run(std::string("SELECT 1 FROM ") + ref.table +
                           " WHERE id = ? AND recorded_to IS NULL",
                       id)
                  ->next();
    }
    if (!found) check_later(ref, owner);
    if (found || late) know_current(std::move(key));
  }
  refs_.clear();
}

template <class T>
void Writer::check_later(const Reference& ref, const T& owner) {
  // Sent in batches of this many (by COPY where the server has it).
  constexpr std::size_t batch = 16384;
  if (!pending_) {
    context_.db.exec(
        "CREATE TEMP TABLE IF NOT EXISTS parley_pending_ref (seq BIGINT "
        "PRIMARY KEY, tbl TEXT NOT NULL, id TEXT NOT NULL, at TEXT NOT "
        "NULL, owner TEXT NOT NULL)");
    pending_ = true;
  }
  unsent_refs_.push_back({++pending_rows_, std::string(ref.table), ref.id,
                          ref.where, label(owner)});
  if (unsent_refs_.size() >= batch) send_references();
}

void Writer::send_references() {
  static const std::string columns[] = {"seq", "tbl", "id", "at", "owner"};
  context_.dialect.insert_rows(context_.db, "parley_pending_ref", columns,
                               unsent_refs_);
}

void Writer::check_parents(const char* table, const std::string& id,
                           const std::string& where) {
  const bool event = std::string_view(table) == "event";
  if (event) context_.flush();
  std::set<std::string> seen{id};
  std::string at = id;
  const std::string sql = std::string("SELECT parent FROM ") + table +
                          " WHERE id = ? AND recorded_to IS NULL";
  for (;;) {
    const Value params[] = {at};
    // Places and processes are few: their parents are cached.
    const std::optional<std::string> parent =
        event ? first_text(context_.db, sql, params)
              : context_.parent_of(table, at);
    if (!parent) break;
    at = *parent;
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
      rules_ = true;
      // The rules read their anchors' versions.
      context_.flush();
      Event derived = value;
      if (auto missing = derive_rules(context_, derived, at, where)) {
        deferred_.push_back({std::move(derived), mode, at, where, *missing});
        return;
      }
      if (write_version(derived, mode, at, where))
        rederive(value.id, at, where);
      // An anchor that changed after `at` (written before this event): the
      // value it gives from then on is a later version of this event.
      if (const auto later = next_anchor_change(context_, value, at)) {
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
  // Without any time rule in the database (or this batch), nothing to
  // re-derive: one read per Writer instead of one per event.
  if (!rules_) {
    rules_ = first_int64(context_.db, "SELECT 1 FROM event_rule LIMIT 1")
                 .has_value();
  }
  if (!*rules_) return;
  for (const std::string& id : dependents_of(context_, anchor.value)) {
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
  const std::string doc = nlohmann::json(value).dump();
  // The current version and a re-import's version, in one read.
  const Found found = find<T>(key, at, doc);
  const std::optional<Current>& now = found.now;
  if (mode == WriteMode::add && now) {
    throw Error(Errc::conflict, where,
                Table<T>::describe(key) + " already exists");
  }
  if (mode == WriteMode::update && !now) {
    throw Error(Errc::bad_reference, where,
                "no " + Table<T>::describe(key) + " to update");
  }
  if (now && now->doc == doc) return false;
  if (mode == WriteMode::put && found.recorded) return false;
  if (now) close<T>(key, *now, at, where);
  Table<T>::insert(context_, value, doc, to_stored(at));
  ++changes_;
  // Current now: a reference to it needs no read (remove() forgets).
  if constexpr (!std::is_same_v<T, Link>) {
    know_current(std::string(Table<T>::name) + '\n' + key.value);
  }
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
  close<T>(key, *now, at, where);
  known_.clear();
  if constexpr (!std::is_same_v<K, Link>) {
    removed_.push_back({Table<T>::name, key.value, where});
  }
}

void Writer::finish() {
  write_deferred();
  // The checks below read the event tables.
  context_.flush();
  send_references();
  if (pending_) {
    // The first reference, in the order written, that still names nothing.
    std::optional<std::int64_t> first;
    for (const char* table :
         {"actor", "place", "process", "source", "event", "claim"}) {
      const std::optional<std::int64_t> seq =
          first_int64(context_.db,
                      std::string("SELECT min(p.seq) FROM parley_pending_ref p "
                                  "WHERE p.tbl = '") +
                          table + "' AND NOT EXISTS (SELECT 1 FROM " + table +
                          " t WHERE t.id = p.id AND t.recorded_to IS NULL)");
      if (seq && (!first || *seq < *first)) first = seq;
    }
    if (first) {
      const Value seq[] = {*first};
      const auto q = context_.db.run(
          "SELECT tbl, id, at, owner FROM parley_pending_ref WHERE seq = ?",
          seq);
      q->next();
      throw Error(Errc::bad_reference, std::string(q->text(2)),
                  "unknown " + std::string(q->text(0)) + " '" +
                      std::string(q->text(1)) + "' (in " +
                      std::string(q->text(3)) + ")");
    }
    context_.db.exec("DELETE FROM parley_pending_ref");
  }
  for (const Removed& gone : removed_) {
    for (const Referrer& r : referrers) {
      if (std::string_view(r.table) != gone.table) continue;
      // Each `?` of the query takes the id.
      const std::vector<Value> id(
          std::count(r.sql, r.sql + std::strlen(r.sql), '?'), gone.id);
      if (const auto by = first_text(context_.db, r.sql, id)) {
        throw Error(Errc::bad_reference, gone.where,
                    std::string(gone.table) + " '" + gone.id +
                        "' is still named by " + r.what + " '" + *by + "'");
      }
    }
  }
  index_deferred_search(context_);
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
