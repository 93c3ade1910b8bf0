#include "parley/timeline.hpp"

#include <algorithm>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "parley/database.hpp"

#include "store/access.hpp"
#include "store/related.hpp"

namespace parley {
namespace {

template <class K, class V>
const V* find(const std::map<K, V>& map, const K& key) {
  auto it = map.find(key);
  return it == map.end() ? nullptr : &it->second;
}

// Open or unknown bounds sort as the most extreme values.
bool start_before(const Bounds& x, const Bounds& y) {
  if (!x.earliest_start) return y.earliest_start.has_value();
  return y.earliest_start && *x.earliest_start < *y.earliest_start;
}
bool end_before(const Bounds& x, const Bounds& y) {
  if (!y.latest_end) return x.latest_end.has_value();
  return x.latest_end && *x.latest_end < *y.latest_end;
}

}  // namespace

bool chronological(const Event& a, const Event& b) {
  const Bounds x = a.time.bounds();
  const Bounds y = b.time.bounds();
  if (start_before(x, y)) return true;
  if (start_before(y, x)) return false;
  if (end_before(x, y)) return true;
  if (end_before(y, x)) return false;
  return a.id < b.id;
}

const Actor* Timeline::actor(const ActorId& id) const {
  return find(actors, id);
}
const Place* Timeline::place(const PlaceId& id) const {
  return find(places, id);
}
const Process* Timeline::process(const ProcessId& id) const {
  return find(processes, id);
}
const Source* Timeline::source(const SourceId& id) const {
  return find(sources, id);
}
const Event* Timeline::event(const EventId& id) const {
  if (indexed_events_ == events.size() && !events.empty()) {
    auto it = event_at_.find(id);
    return it == event_at_.end() ? nullptr : &events[it->second];
  }
  for (const Event& e : events) {
    if (e.id == id) return &e;
  }
  return nullptr;
}

std::vector<const Claim*> Timeline::claims_on(const EventId& id) const {
  std::vector<const Claim*> out;
  if (indexed_claims_ == claims.size() && !claims.empty()) {
    auto it = claims_at_.find(id);
    if (it == claims_at_.end()) return out;
    for (std::size_t i : it->second) out.push_back(&claims[i]);
    return out;
  }
  for (const Claim& c : claims) {
    if (c.event == id) out.push_back(&c);
  }
  return out;
}

void Timeline::index() {
  event_at_.clear();
  claims_at_.clear();
  for (std::size_t i = 0; i < events.size(); ++i) {
    event_at_.emplace(events[i].id, i);
  }
  for (std::size_t i = 0; i < claims.size(); ++i) {
    claims_at_[claims[i].event].push_back(i);
  }
  indexed_events_ = events.size();
  indexed_claims_ = claims.size();
}

std::vector<const Place*> Timeline::place_path(const PlaceId& id) const {
  std::vector<const Place*> out;
  for (const Place* p = place(id); p && out.size() < places.size();
       p = p->parent ? place(*p->parent) : nullptr) {
    out.push_back(p);
  }
  return out;
}

std::optional<Coordinates> Timeline::coordinates(const Event& event) const {
  if (!event.place) return std::nullopt;
  for (const Place* p : place_path(*event.place)) {
    if (p->coordinates) return p->coordinates;
  }
  return std::nullopt;
}

namespace {

using detail::list_of;
using detail::read_by_id;
using detail::read_docs;
using detail::Value;

// The documents of `table` whose id is in `ids`, and of their ancestors by
// its parent column, transitively, as the versions visible at `options`
// name them.
template <class T, class Id>
std::vector<T> read_with_ancestors(detail::Store store, const char* table,
                                   const std::set<Id>& ids,
                                   const ReadOptions& options) {
  std::vector<Value> params{list_of(store.dialect, ids)};
  const std::string filter =
      "t.id IN (WITH RECURSIVE up(id) AS (" + store.dialect.list_rows() +
      " UNION SELECT p.parent FROM " + table +
      " p JOIN up ON p.id = up.id WHERE p.parent IS NOT NULL AND " +
      detail::visible("p", options.as_of, params) + ") SELECT id FROM up)";
  return read_docs<T>(store.backend, table, filter, params, options);
}

}  // namespace

Timeline make_timeline(const Database& database, std::vector<Event> events,
                       const ReadOptions& options) {
  return detail::guard([&] {
    const detail::Store store = detail::DatabaseAccess::store(database);
    Timeline t;
    std::sort(events.begin(), events.end(), chronological);
    std::set<EventId> ids;
    std::set<ActorId> actors;
    std::set<PlaceId> places;
    std::set<ProcessId> processes;
    for (const Event& e : events) {
      ids.insert(e.id);
      for (const Participant& p : e.participants) actors.insert(p.actor);
      for (const PayloadActor& p : payload_actors(e.payload)) {
        actors.insert(p.actor);
      }
      if (e.place) places.insert(*e.place);
      if (e.process) processes.insert(*e.process);
    }
    t.claims = detail::claims_on(database, ids, options);
    t.links = detail::links_among(database, ids, options);
    std::set<SourceId> sources;
    for (const Claim& c : t.claims) {
      sources.insert(c.source);
      if (c.claimant) actors.insert(*c.claimant);
    }
    for (Actor& a : read_by_id<Actor>(store, "actor", actors, options)) {
      t.actors.emplace(a.id, std::move(a));
    }
    for (Source& s : read_by_id<Source>(store, "source", sources, options)) {
      t.sources.emplace(s.id, std::move(s));
    }
    for (Place& p :
         read_with_ancestors<Place>(store, "place", places, options)) {
      t.places.emplace(p.id, std::move(p));
    }
    for (Process& p :
         read_with_ancestors<Process>(store, "process", processes, options)) {
      t.processes.emplace(p.id, std::move(p));
    }
    t.events = std::move(events);
    t.index();
    return t;
  });
}

}  // namespace parley
