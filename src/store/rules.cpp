#include "store/rules.hpp"

#include <set>

#include <nlohmann/json.hpp>

#include "parley/error.hpp"

#include "store/access.hpp"

namespace parley::detail {
namespace {

// The anchor of event `id`'s time rule, as the index holds it. (A rule
// reads its anchor's time, never its deadline, so only time rules chain.)
std::vector<std::string> anchors_of(WriteContext& db, const std::string& id) {
  const Value params[] = {id};
  const auto rows = db.db.run(
      "SELECT anchor FROM event_rule WHERE dependent = ? AND field = 'time'",
      params);
  std::vector<std::string> out;
  while (rows->next()) out.emplace_back(rows->text(0));
  return out;
}

// Throws when the chain of anchors from `anchor` leads back to the event
// at path[0]; `path` holds the chain walked so far.
void walk(WriteContext& db, std::vector<std::string>& path,
          std::set<std::string>& seen, const std::string& anchor,
          const std::string& where) {
  path.push_back(anchor);
  if (anchor == path.front()) {
    std::string chain;
    for (const std::string& id : path) {
      chain += (chain.empty() ? "" : " → ") + id;
    }
    throw Error(Errc::bad_value, where,
                "the rule's anchors form a cycle: " + chain);
  }
  if (seen.insert(anchor).second) {
    for (const std::string& next : anchors_of(db, anchor)) {
      walk(db, path, seen, next, where);
    }
  }
  path.pop_back();
}

// derive(), its failure reported as a bad value of the rule at `where`.
template <class F>
Edtf at_rule(const std::string& where, F&& derive_value) {
  try {
    return derive_value();
  } catch (const Error& e) {
    throw Error(Errc::bad_value, where, e.where() + ": " + e.message());
  }
}

// The version of event `id` as known at `at`, else its first version
// recorded after `at`; empty when the event is not current (it is missing,
// or was removed).
std::optional<Event> anchor_version(WriteContext& db, const std::string& id,
                                    RecordTime at) {
  if (!current_event(db, id)) return std::nullopt;
  const Value params[] = {id, to_stored(at), to_stored(at)};
  const std::optional<std::string> doc = first_text(
      db.db,
      "SELECT doc FROM event WHERE id = ? AND (recorded_to IS NULL OR "
      "(recorded_to > ? AND recorded_to > recorded_from)) "
      "ORDER BY recorded_from > ?, recorded_from LIMIT 1",
      params);
  if (!doc) return std::nullopt;
  return nlohmann::json::parse(*doc).get<Event>();
}

// The value `rule` gives, read against its anchor's version known at `at`;
// a time rule (`time_rule`) first walks its anchors' time rules for a
// cycle back to `self`. Empty when the anchor event is not current.
std::optional<Edtf> value_of(WriteContext& db, const std::string& self,
                             const TimeRule& rule, bool time_rule,
                             RecordTime at, const std::string& where) {
  if (!rule.anchor_event) {
    return at_rule(where, [&] { return derive(rule, *rule.anchor); });
  }
  if (time_rule) {
    std::vector<std::string> path{self};
    std::set<std::string> seen;
    walk(db, path, seen, rule.anchor_event->value, where + "/anchor_event");
  }
  const std::optional<Event> anchor =
      anchor_version(db, rule.anchor_event->value, at);
  if (!anchor) return std::nullopt;
  return at_rule(where, [&] {
    return derive(rule, anchor_on(rule.anchor_side, anchor->time,
                                  anchor->time_of_day, rule.zone));
  });
}

// The anchor events of `event`'s rules.
std::vector<std::string> anchor_events(const Event& event) {
  std::vector<std::string> out;
  if (event.time_rule && event.time_rule->anchor_event) {
    out.push_back(event.time_rule->anchor_event->value);
  }
  const Pledge* pledge = std::get_if<Pledge>(&event.payload);
  if (pledge && pledge->deadline_rule && pledge->deadline_rule->anchor_event) {
    out.push_back(pledge->deadline_rule->anchor_event->value);
  }
  return out;
}

}  // namespace

bool has_rules(const Event& event) {
  if (event.time_rule) return true;
  const Pledge* pledge = std::get_if<Pledge>(&event.payload);
  return pledge && pledge->deadline_rule;
}

std::optional<std::string> derive_rules(WriteContext& db, Event& event,
                                        RecordTime at,
                                        const std::string& where) {
  std::optional<Edtf> time;
  if (event.time_rule) {
    time = value_of(db, event.id.value, *event.time_rule, true, at,
                    where + "/time_rule");
    if (!time) return event.time_rule->anchor_event->value;
  }
  Pledge* pledge = std::get_if<Pledge>(&event.payload);
  std::optional<Edtf> deadline;
  if (pledge && pledge->deadline_rule) {
    deadline = value_of(db, event.id.value, *pledge->deadline_rule, false, at,
                        where + "/details/deadline_rule");
    if (!deadline) return pledge->deadline_rule->anchor_event->value;
  }
  if (time) event.time = std::move(*time);
  if (deadline) pledge->deadline = std::move(*deadline);
  return std::nullopt;
}

std::optional<RecordTime> next_anchor_change(WriteContext& db,
                                             const Event& event,
                                             RecordTime at) {
  std::optional<std::int64_t> next;
  for (const std::string& id : anchor_events(event)) {
    const Value params[] = {id, to_stored(at)};
    const std::optional<std::int64_t> when =
        first_int64(db.db,
                    "SELECT min(recorded_from) FROM event WHERE id = ? AND "
                    "recorded_from > ?",
                    params);
    if (when && (!next || *when < *next)) next = when;
  }
  if (!next) return std::nullopt;
  return from_stored(*next);
}

std::vector<std::string> dependents_of(WriteContext& db,
                                       const std::string& id) {
  const Value params[] = {id};
  const auto rows = db.db.run(
      "SELECT DISTINCT dependent FROM event_rule WHERE anchor = ? "
      "ORDER BY dependent",
      params);
  std::vector<std::string> out;
  while (rows->next()) out.emplace_back(rows->text(0));
  return out;
}

std::optional<Event> current_event(WriteContext& db, const std::string& id) {
  const Value params[] = {id};
  const std::optional<std::string> doc = first_text(
      db.db, "SELECT doc FROM event WHERE id = ? AND recorded_to IS NULL",
      params);
  if (!doc) return std::nullopt;
  return nlohmann::json::parse(*doc).get<Event>();
}

}  // namespace parley::detail
