// parley/time_rule.hpp — a time given as a rule on another event or a day.
//
// Agreements date their provisions against other events: "forces withdraw
// no later than the third day after the agreement enters into force". An
// event's time (Event::time_rule), or a pledge's deadline
// (Pledge::deadline_rule), may be such a rule: an anchor (another event's
// start or end, or a fixed day), and an Expression of parley::resolve
// (relative.hpp) — its rule, count, unit and sense. The stored value is
// derived from the rule when the event is written, and re-derived, as a
// new version recorded at the same record time, whenever the anchor event
// changes; rules chain through other rules. A rule is read against the
// anchor's version as known at the dependent's record time, whatever the
// order of the writes (see Database::add).
//
//   parley::TimeRule withdraw;
//   withdraw.anchor_event = parley::EventId{"event:entry-into-force"};
//   withdraw.expression.rule = parley::Rule::day_after;
//   withdraw.expression.count = 3;
//   withdraw.expression.sense = parley::Sense::no_later_than;
//   // against an anchor on 2016-12-01: "../2016-12-04"
//
// JSON uses the vocabulary of `parley resolve`'s output, so that output can
// be stored as is: {"anchor_event":"event:eif","anchor_side":"start",
// "rule":"day_after","count":3,"unit":"day","sense":"no_later_than"}, or
// {"anchor":"2016-11-24","zone":"America/Bogota","rule":"d_day",
// "count":180}. Fields `parley resolve` prints that are derived (edtf,
// earliest_start…latest_end, tense_stated, lang) are accepted and ignored;
// without count, an "offset" ("P3D") gives count and unit; with neither
// count nor the rule's parameters, the "phrase" is parsed again.
//
// Thread-safety: all functions are pure; concurrent calls are safe.
#ifndef PARLEY_TIME_RULE_HPP
#define PARLEY_TIME_RULE_HPP

#include <optional>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "parley/clock.hpp"
#include "parley/enum_names.hpp"
#include "parley/ids.hpp"
#include "parley/relative.hpp"
#include "parley/time.hpp"

namespace parley {

// Which day of the anchor event a rule counts from.
enum class AnchorSide { start, end };

struct TimeRule {
  // The event counted from; empty when the rule counts from `anchor`.
  std::optional<EventId> anchor_event{};
  AnchorSide anchor_side = AnchorSide::start;
  // A fixed anchor day (or date-time), when there is no anchor event.
  std::optional<Edtf> anchor{};
  // The IANA zone whose calendar day the anchor is read in (a date-time
  // anchor at 02:00Z is the previous day in America/Bogota). Empty: the
  // zone of the anchor event's clock time, if any.
  std::string zone{};
  Expression expression{};

  bool operator==(const TimeRule&) const = default;
};

// The anchor a rule reads on an event's time: the day `side` of `time`
// names (a day or date-time is its own start and end; an interval gives
// its first or last day when that is known to the day), read in `zone`
// (empty: the zone of `clock`). Its clock time, from which hour offsets
// count (see Unit), is the date-time's, or else the exact `clock`'s
// start, or its end (on the next day when a one-day range crosses
// midnight) for AnchorSide::end; an approximate clock ("evening") or none
// leaves the anchor a whole day. `parley resolve --anchor-event` and the
// store both read anchors through it.
// Error: parley::Error with Errc::unresolved (where "anchor") when the side
// is not one day ("2016-12" has no single start day); as Anchor::from for
// the zone, and as to_utc for the clock.
Anchor anchor_on(AnchorSide side, const Edtf& time,
                 const std::optional<TimeOfDay>& clock, std::string zone);

// The value `rule` gives against `anchor`: resolve(rule.expression,
// anchor).value. Error: as resolve().
Edtf derive(const TimeRule& rule, const Anchor& anchor);

// The value `rule` gives against the time `anchor_time` (the anchor event's
// time, or rule.anchor when there is no anchor event) with the clock zone
// `anchor_zone` (the anchor event's; used when rule.zone is empty):
// derive(rule, anchor_on(rule.anchor_side, anchor_time, {}, zone)).
// Error: as anchor_on() and resolve().
Edtf derive(const TimeRule& rule, const Edtf& anchor_time,
            const std::string& anchor_zone = {});

void to_json(nlohmann::json& j, const TimeRule& rule);
// Error: parley::Error with Errc::bad_document, where() the JSON path, for
// neither or both of anchor_event and anchor, or a bad expression.
void from_json(const nlohmann::json& j, TimeRule& rule);

}  // namespace parley

PARLEY_ENUM_NAMES(parley::AnchorSide, {parley::AnchorSide::start, "start"},
                  {parley::AnchorSide::end, "end"});

#endif  // PARLEY_TIME_RULE_HPP
