// Deriving a value from a TimeRule: the anchor (its day, and its clock
// time when it has one), then resolve().
#include <chrono>
#include <string>

#include "parley/error.hpp"
#include "parley/time_rule.hpp"
#include "parley/zone.hpp"

namespace parley {
namespace {

// The day `side` of `time` names; throws when it is not one day.
Day side_day(AnchorSide side, const Edtf& time) {
  const Bounds b = time.bounds(Semantics::spans);
  const bool end = side == AnchorSide::end;
  if (end && b.latest_end && b.earliest_end == b.latest_end) {
    return *b.latest_end - days64{1};
  }
  if (!end && b.earliest_start && b.earliest_start == b.latest_start) {
    return *b.earliest_start;
  }
  throw Error(Errc::unresolved, "anchor",
              "the " + std::string(to_string(side)) + " of " + time.str() +
                  " is not one day");
}

date::sys_days sys_day(Day day) {
  return date::sys_days{
      date::days{static_cast<int>(day.time_since_epoch().count())}};
}

// The local time `clock` gives on `side` of an event on days first..last;
// empty for an approximate clock or a side it does not give.
std::optional<date::local_seconds> clock_time(AnchorSide side,
                                              const TimeOfDay& clock, Day first,
                                              Day last) {
  if (clock.approximate || clock.zone.empty()) return std::nullopt;
  const std::optional<int> start = parse_clock(clock.start);
  const std::optional<int> end = parse_clock(clock.end);
  if (!start) return std::nullopt;
  if (side == AnchorSide::start) {
    return date::local_days{sys_day(first).time_since_epoch()} +
           std::chrono::minutes{*start};
  }
  if (!end) return std::nullopt;
  // One day and an end before the start: the range crosses midnight.
  const Day day = first == last && *end <= *start ? last + days64{1} : last;
  return date::local_days{sys_day(day).time_since_epoch()} +
         std::chrono::minutes{*end};
}

}  // namespace

Anchor anchor_on(AnchorSide side, const Edtf& time,
                 const std::optional<TimeOfDay>& clock, std::string zone) {
  if (zone.empty() && clock) zone = clock->zone;
  if (!time.is_interval() && time.precision() > Precision::day) {
    return Anchor::from(time, std::move(zone));
  }
  const Day day = side_day(side, time);
  if (clock && (time.precision() == Precision::day || time.is_interval())) {
    const Bounds b = time.bounds(Semantics::spans);
    const Day first = b.earliest_start.value_or(day);
    const Day last = b.latest_end ? *b.latest_end - days64{1} : day;
    if (const auto local = clock_time(side, *clock, first, last)) {
      const ZoneOptions earliest{LocalTimePolicy::earliest};
      return Anchor::at(to_utc(*local, clock->zone, earliest).utc,
                        std::move(zone));
    }
  }
  if (!time.is_interval()) return Anchor::from(time, std::move(zone));
  return Anchor(date::year_month_day{sys_day(day)}, std::move(zone));
}

Edtf derive(const TimeRule& rule, const Anchor& anchor) {
  return resolve(rule.expression, anchor).value;
}

Edtf derive(const TimeRule& rule, const Edtf& anchor_time,
            const std::string& anchor_zone) {
  const std::string& zone = rule.zone.empty() ? anchor_zone : rule.zone;
  return derive(rule, anchor_on(rule.anchor_side, anchor_time, {}, zone));
}

}  // namespace parley
