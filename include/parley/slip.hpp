// parley/slip.hpp — how far an event moved from its plan, computed once.
//
// The slip is the actual start minus the planned start, in days. With
// imprecise values it is a range: planned "2017-02" and held "2017-02-16"
// give a slip from -12 (planned for 28 February) to +15 (planned for
// 1 February) — held within the planned month. Every report and renderer
// reads the slip from slip() and words it with slip_words(), so all
// outputs say the same thing:
//
//   if (const auto s = parley::slip(event)) {
//     std::cout << parley::slip_words(*s) << '\n';
//     // "1 day late", "as planned",
//     // "from 12 days early to 15 days late (within the planned month)"
//   }
//
// Pure functions of their arguments; thread-safe.
#ifndef PARLEY_SLIP_HPP
#define PARLEY_SLIP_HPP

#include <cstdint>
#include <optional>
#include <string>

#include "parley/event.hpp"

namespace parley {

// The possible slips of an event, in days (positive: late, negative:
// early). A side is empty when a bound it needs is open or unknown.
struct Slip {
  // The smallest possible slip: the actual earliest start minus the
  // planned latest start.
  std::optional<std::int64_t> least;
  // The largest possible slip: the actual latest start minus the planned
  // earliest start.
  std::optional<std::int64_t> most;
  // The actual time lies inside the planned one (every day it can cover
  // is a day the plan covers), so it was held "within the plan".
  bool within_plan = false;
  // The unit the plan states ("month" of "2017-02"), for the wording.
  Precision planned_precision = Precision::unknown;

  // Both sides known and equal: the slip is exactly `*least` days.
  bool exact() const { return least && most && *least == *most; }
  bool operator==(const Slip&) const = default;
};

// The slip of `event`; empty when it has no planned time, when it was
// cancelled, or when no bound of either time is known on the sides that
// matter. An actual time equal to the plan (the same EDTF value) is the
// plan kept: exactly 0.
std::optional<Slip> slip(const Event& event);

// The slip for people, the same in every output:
//   exact:        "as planned", "1 day late", "3 days early"
//   a range:      "2 to 5 days late", "0 to 3 days early",
//                 "from 12 days early to 15 days late"
//   one side:     "at least 2 days late", "at most 3 days late",
//                 "not late", "not early"
// followed by " (within the planned month)" (day, month, season, year;
// "dates" otherwise) when the slip is not exact and the actual time lies
// inside the plan.
std::string slip_words(const Slip& slip);

// True when the event certainly or possibly moved: a slip that is not
// exactly 0.
bool slipped(const Slip& slip);

}  // namespace parley

#endif  // PARLEY_SLIP_HPP
