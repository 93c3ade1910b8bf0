// Deriving a value from a TimeRule: the anchor day, then resolve().
#include <string>

#include "parley/error.hpp"
#include "parley/time_rule.hpp"

namespace parley {
namespace {

// The day `side` of `time` names, read in `zone`. A single day or
// date-time is its own start and end; an interval gives its first or last
// day when that is known to the day.
Anchor anchor_day(AnchorSide side, const Edtf& time, const std::string& zone) {
  if (!time.is_interval()) return Anchor::from(time, zone);
  const Bounds b = time.bounds(Semantics::spans);
  const bool end = side == AnchorSide::end;
  std::optional<Day> day;
  if (end && b.latest_end && b.earliest_end == b.latest_end) {
    day = *b.latest_end - days64{1};
  } else if (!end && b.earliest_start && b.earliest_start == b.latest_start) {
    day = b.earliest_start;
  }
  if (!day) {
    throw Error(Errc::unresolved, "anchor",
                "the " + std::string(to_string(side)) + " of " + time.str() +
                    " is not one day");
  }
  return Anchor(date::year_month_day{date::sys_days{date::days{
                    static_cast<int>(day->time_since_epoch().count())}}},
                zone);
}

}  // namespace

Edtf derive(const TimeRule& rule, const Edtf& anchor_time,
            const std::string& anchor_zone) {
  const std::string& zone = rule.zone.empty() ? anchor_zone : rule.zone;
  return resolve(rule.expression,
                 anchor_day(rule.anchor_side, anchor_time, zone))
      .value;
}

}  // namespace parley
