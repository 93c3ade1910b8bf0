// parley/timeline.hpp — a set of events with everything needed to show
// them: the result of a query, and what every renderer takes.
//
// A Timeline is a self-contained snapshot: its events in chronological
// order, and every actor, place (with its ancestors), process, claim,
// source and link those events name. Renderers read only the Timeline,
// never the database. It is built from a database by parley::make_timeline
// (database.hpp), so this header does not depend on the store.
//
//   parley::Database db{"astana.db"};
//   parley::Timeline t = parley::make_timeline(db, db.query(q).events);
//   for (const parley::Event& e : t.events) {
//     for (const parley::Claim* c : t.claims_on(e.id)) { ... }
//   }
//
// Thread-safety: a Timeline is a plain value; const lookups may run
// concurrently.
#ifndef PARLEY_TIMELINE_HPP
#define PARLEY_TIMELINE_HPP

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "parley/actor.hpp"
#include "parley/claim.hpp"
#include "parley/event.hpp"
#include "parley/link.hpp"
#include "parley/place.hpp"
#include "parley/process.hpp"
#include "parley/source.hpp"

namespace parley {

// The chronological order parley uses everywhere, defined for imprecise
// dates: earliest start (an open or unknown start first), then latest end
// (an open or unknown end last), then id.
bool chronological(const Event& a, const Event& b);

struct Timeline {
  std::string title;
  std::vector<Event> events;  // in chronological order
  std::map<ActorId, Actor> actors;
  std::map<PlaceId, Place> places;  // the events' places and their ancestors
  std::map<ProcessId, Process> processes;
  std::map<SourceId, Source> sources;
  std::vector<Claim> claims;  // claims on the events, in recorded order
  std::vector<Link> links;    // links whose two ends are both events here

  // Lookups: nullptr when the id is not in the timeline. Logarithmic once
  // index() has run (make_timeline runs it); linear scans before.
  const Actor* actor(const ActorId& id) const;
  const Place* place(const PlaceId& id) const;
  const Process* process(const ProcessId& id) const;
  const Source* source(const SourceId& id) const;
  const Event* event(const EventId& id) const;

  // The claims about one event, in recorded order. Costs the claims
  // returned once index() has run; a scan of every claim before.
  std::vector<const Claim*> claims_on(const EventId& id) const;

  // Indexes `events` and `claims` by event id for event() and claims_on().
  // make_timeline calls it; call it again after changing either vector
  // (lookups ignore an index whose sizes no longer match).
  void index();

  // The place and its ancestors, innermost first: Eastern Ghouta, Rif
  // Dimashq, Syria.
  std::vector<const Place*> place_path(const PlaceId& id) const;

  // The event's place coordinates, or those of the nearest ancestor that
  // has them; empty when none has.
  std::optional<Coordinates> coordinates(const Event& event) const;

 private:
  std::map<EventId, std::size_t> event_at_;  // positions in events
  std::map<EventId, std::vector<std::size_t>> claims_at_;  // in claims
  std::size_t indexed_events_ = 0;  // the sizes of events and claims when
  std::size_t indexed_claims_ = 0;  // index() ran
};

}  // namespace parley

#endif  // PARLEY_TIMELINE_HPP
