// Times as rules in the store: deriving an event's rule-given values from
// the current versions of their anchor events, refusing cycles, and
// finding the events whose rules are anchored on a changed event
// (schema/008_time_rules.sql keeps the index).
#ifndef PARLEY_SRC_STORE_RULES_HPP
#define PARLEY_SRC_STORE_RULES_HPP

#include <optional>
#include <string>
#include <vector>

#include "parley/event.hpp"
#include "parley/record_time.hpp"

#include "store/tables.hpp"

namespace parley::detail {

// True when `event` has a rule on an anchor event (its time, or its
// pledge's deadline).
bool has_rules(const Event& event);

// Derives event.time from event.time_rule and a pledge's deadline from its
// deadline_rule, each against its anchor's version as known at `at` (or,
// for an anchor first recorded after `at`, its first version). Returns the
// id of the first anchor event that is not (yet) current, leaving `event`
// as it was; empty when every value was derived.
// Error: parley::Error with Errc::bad_value, where() `where` + the rule's
// path, when a time rule's anchors lead back to `event` through their own
// time rules (the message names the chain: "event:a → event:b →
// event:a"; a deadline is never an anchor, so it closes no cycle), or when the
// rule cannot be resolved against its anchor. Reads one event version per
// anchor, and one index lookup per event of the anchor chain.
std::optional<std::string> derive_rules(WriteContext& db, Event& event,
                                        RecordTime at,
                                        const std::string& where);

// The earliest record time after `at` at which an anchor event of
// `event`'s rules got a new version: the dependent's value must be derived
// again then. Empty when there is none. One indexed read per anchor.
std::optional<RecordTime> next_anchor_change(WriteContext& db,
                                             const Event& event, RecordTime at);

// The ids of the current events whose rules are anchored on event `id`.
// One index lookup.
std::vector<std::string> dependents_of(WriteContext& db, const std::string& id);

// The current version of event `id`; empty when there is none.
std::optional<Event> current_event(WriteContext& db, const std::string& id);

}  // namespace parley::detail

#endif  // PARLEY_SRC_STORE_RULES_HPP
