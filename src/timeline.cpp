#include "parley/timeline.hpp"

#include <algorithm>
#include <set>

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
  for (const Event& e : events) {
    if (e.id == id) return &e;
  }
  return nullptr;
}

std::vector<const Claim*> Timeline::claims_on(const EventId& id) const {
  std::vector<const Claim*> out;
  for (const Claim& c : claims) {
    if (c.event == id) out.push_back(&c);
  }
  return out;
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

Timeline make_timeline(const Database& db, std::vector<Event> events,
                       const ReadOptions& options) {
  Timeline t;
  std::sort(events.begin(), events.end(), chronological);
  std::set<EventId> ids;
  for (const Event& e : events) ids.insert(e.id);

  auto add_actor = [&](const ActorId& id) {
    if (t.actors.count(id)) return;
    if (auto a = db.actor(id, options)) t.actors.emplace(id, std::move(*a));
  };
  auto add_place = [&](PlaceId id) {
    while (!t.places.count(id)) {
      auto p = db.place(id, options);
      if (!p) return;
      auto parent = p->parent;
      t.places.emplace(id, std::move(*p));
      if (!parent) return;
      id = *parent;
    }
  };
  auto add_process = [&](ProcessId id) {
    while (!t.processes.count(id)) {
      auto p = db.process(id, options);
      if (!p) return;
      auto parent = p->parent;
      t.processes.emplace(id, std::move(*p));
      if (!parent) return;
      id = *parent;
    }
  };
  for (const Event& e : events) {
    for (const Participant& p : e.participants) add_actor(p.actor);
    for (const PayloadActor& p : payload_actors(e.payload)) add_actor(p.actor);
    if (e.place) add_place(*e.place);
    if (e.process) add_process(*e.process);
  }
  for (Claim& c : db.claims(options)) {
    if (!ids.count(c.event)) continue;
    if (c.claimant) add_actor(*c.claimant);
    if (!t.sources.count(c.source)) {
      if (auto s = db.source(c.source, options)) {
        t.sources.emplace(c.source, std::move(*s));
      }
    }
    t.claims.push_back(std::move(c));
  }
  for (Link& l : db.links(options)) {
    if (ids.count(l.from) && ids.count(l.to)) t.links.push_back(std::move(l));
  }
  t.events = std::move(events);
  return t;
}

}  // namespace parley
