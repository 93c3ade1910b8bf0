// parley/query.hpp — one composable timeline query.
//
// Every filter combines with every other; an empty filter matches all.
//
//   parley::Query q;
//   q.time = parley::TimeFilter{parley::Edtf::parse("2017-02"),
//                               parley::Allen::during | parley::Allen::equals,
//                               parley::Certainty::possible};
//   q.actors = {parley::ActorId{"actor:iran"}};
//   q.places = {parley::PlaceId{"place:syria"}};  // and everything inside
//   q.limit = 50;
//   parley::Page page = db.query(q);
//   for (const parley::Event& e : page.events) { ... }
//   if (page.next) { q.after = page.next; db.query(q); }
//
// Results are in parley's chronological order (parley::chronological):
// earliest start, then latest end, then id. Pagination is by a cursor, not
// an offset, so a page is as fast as the first.
#ifndef PARLEY_QUERY_HPP
#define PARLEY_QUERY_HPP

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/allen.hpp"
#include "parley/document.hpp"
#include "parley/event.hpp"

namespace parley {

enum class Certainty {
  possible,  // some reading of the imprecise dates satisfies the relation
  certain,   // every reading does
};

// Events whose time stands in one of `relations` to `window`.
// The default relations are every relation with a common day: the event
// overlaps the window.
struct TimeFilter {
  Edtf window;
  Relations relations = Allen::overlaps | Allen::overlapped_by | Allen::starts |
                        Allen::started_by | Allen::during | Allen::contains |
                        Allen::finishes | Allen::finished_by | Allen::equals;
  Certainty certainty = Certainty::possible;
  // How the event's own time is read (see Semantics). Default: within.
  Semantics semantics = Semantics::within;
};

// Kinds, and the groups that contain them ("talks" = negotiation_round,
// session, meeting), for Query::kinds.
//   talks       negotiation_round, session, meeting
//   speech      statement, proposal, demand, rejection, support
//   commitment  pledge, agreement, no_agreement
//   arrangement mechanism, ceasefire, detainee_release
//   violence    hostilities
//   other       election, document, custom
// Throws Error (bad_value) for an unknown name.
std::vector<EventKind> expand_kind(std::string_view name);
// The group that contains `kind` ("talks" for session).
std::string_view kind_group(EventKind kind);

struct Query {
  std::optional<TimeFilter> time;
  // Events naming any of these actors: as participants (any role), or in
  // their payload (pledger, speaker, object of a rejection, ...).
  std::vector<ActorId> actors;
  // Only where the actor has this role: a participant role ("mediator") or
  // a payload field ("pledger", "object"). Empty: any role.
  std::string role;
  // Also the actors that head, belong to or represent a listed actor (the
  // members of a delegation, a state's envoy). Default: false.
  bool include_members = false;
  // Kinds or kind groups (see expand_kind): any of them.
  std::vector<std::string> kinds;
  // Places, each with every place inside it: any of them.
  std::vector<PlaceId> places;
  // Processes, each with its nested processes: any of them.
  std::vector<ProcessId> processes;
  std::vector<Status> statuses;     // any of them
  std::vector<std::string> topics;  // any of them
  // Full-text search over titles, summaries, the names of the actors and
  // places an event names (every language), and its claims' quotes. Every
  // word must match; Arabic is normalised first.
  std::string text;
  // Only events carrying a flag (Event::flags: what their source row
  // contradicts itself in), of code `flag` when it is set. Default: false.
  // Current reads use the flag index (event_flag); as_of reads test each
  // candidate version's document.
  bool flagged = false;
  std::optional<FlagCode> flag;
  // Read the database as known at this record time. Default: now.
  std::optional<RecordTime> as_of;
  // At most this many events; 0: all.
  std::size_t limit = 0;
  // Continue after this cursor (Page::next of the previous page).
  std::optional<std::string> after;
};

struct Page {
  std::vector<Event> events;
  // The cursor of the next page; empty on the last page.
  std::optional<std::string> next;
};

// Events counted by period and by kind, actor, place, process or nothing,
// for plots.
enum class Period { day, week, month, year };
enum class GroupBy { kind, actor, place, process, none };

struct Count {
  std::string period;  // "2017-02-16", "2017-W07", "2017-02", "2017";
                       // "unknown" for events without a known start
  std::string key;     // a kind name, an actor, place or process id; empty
                       // for GroupBy::none and for events without a place
                       // or process
  std::size_t count = 0;
  // The sums of the counted events' death estimates (hostilities' low, best
  // and high; an event without an estimate adds 0).
  std::int64_t deaths_low = 0;
  std::int64_t deaths_best = 0;
  std::int64_t deaths_high = 0;
  bool operator==(const Count&) const = default;
};

}  // namespace parley

PARLEY_ENUM_NAMES(parley::Certainty, {parley::Certainty::possible, "possible"},
                  {parley::Certainty::certain, "certain"});
PARLEY_ENUM_NAMES(parley::Period, {parley::Period::day, "day"},
                  {parley::Period::week, "week"},
                  {parley::Period::month, "month"},
                  {parley::Period::year, "year"});
PARLEY_ENUM_NAMES(parley::GroupBy, {parley::GroupBy::kind, "kind"},
                  {parley::GroupBy::actor, "actor"},
                  {parley::GroupBy::place, "place"},
                  {parley::GroupBy::process, "process"},
                  {parley::GroupBy::none, "none"});

#endif  // PARLEY_QUERY_HPP
