// Hour counts ("within 72 hours", "48 hours later", "خلال 72 ساعة")
// resolved against an anchor: on its clock when it has one, else as the
// days the instant can fall on (relative.hpp, Unit). Not installed.
#ifndef PARLEY_SRC_RELATIVE_HOURS_HPP
#define PARLEY_SRC_RELATIVE_HOURS_HPP

#include <cstdint>
#include <string>

#include "parley/relative.hpp"

namespace parley::detail {

// The value `hours` (signed) after the anchor's clock time gives with
// `sense`: an EDTF date-time local to the anchor's zone with the UTC
// offset the zone has then ("2017-03-13T06:00:00-04:00"), or an interval
// ("../…", "…/..", "anchor/…"). Requires anchor.clock(). A local time the
// zone skips or repeats takes its earliest instant. Error: parley::Error
// (Errc::unresolved, where() `where`) past the year 9999.
std::string clock_value(std::int64_t hours, Sense sense, const Anchor& anchor,
                        const std::string& where);

// The days `hours` (signed) after an anchor that is a whole day can fall
// on, as offsets from it: equal for a multiple of 24 hours, else the two
// consecutive days (the anchor may be any time of its day). Pure.
struct HourDays {
  std::int64_t first = 0;
  std::int64_t last = 0;
};
HourDays hour_days(std::int64_t hours);

}  // namespace parley::detail

#endif  // PARLEY_SRC_RELATIVE_HOURS_HPP
