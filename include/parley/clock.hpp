// parley/clock.hpp — clock times: a time of day, or a range of them, local
// to a named IANA zone, and the UTC instants they name on a given day.
//
// clang-format off
//   // Talks "from the evening of the 3rd into the early hours of the 4th":
//   parley::TimeOfDay talks{"20:00", "02:00", "Asia/Damascus", "overnight"};
//   const parley::UtcSpan utc = parley::utc_bounds(
//       parley::Day{date::sys_days{date::year{2017} / 2 / 3}}, talks);
//   parley::to_string(utc);  // "2017-02-03T18:00Z/2017-02-04T00:00Z"
//   parley::possible_relations(
//       parley::ClockedTime{parley::Edtf::parse("2017-02-03"), talks},
//       parley::ClockedTime{parley::Edtf::parse("2017-02-04"), {}});
//   // overlaps: the talks run into the second day
// clang-format on
//
// A range whose end is earlier than its start ends on the next day
// ("22:00"–"02:00"). An approximate time ("evening", "about 16:00") keeps
// the bounds its words imply and the flag `approximate`: the event lies
// somewhere within [start, end), not over all of it. approximate_time()
// turns such words into a TimeOfDay.
//
// Conversion to UTC uses the zone's rules on that day (parley/zone.hpp),
// so Asia/Almaty 10:00 is 04:00 UTC in 2017 and 05:00 UTC after its
// 2024-03-01 change.
//
// Thread-safety: all functions are pure; concurrent calls are safe.
#ifndef PARLEY_CLOCK_HPP
#define PARLEY_CLOCK_HPP

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "parley/allen.hpp"
#include "parley/time.hpp"
#include "parley/zone.hpp"

namespace parley {

// A time of day, local to `zone`: "09:00"–"12:00" Asia/Almaty. `label` is
// the words the source used ("morning").
struct TimeOfDay {
  std::string start;  // "HH:MM"
  // "HH:MM", or "" when only a start is known. Earlier than `start`: on
  // the next day. Equal to `start` is refused (zero or 24 hours?).
  std::string end;
  std::string zone;  // IANA name
  std::string label;
  // True when start–end only bound the time ("evening": some time
  // between 18:00 and 22:00); false when the event runs from start to end.
  bool approximate = false;
  bool operator==(const TimeOfDay&) const = default;
};

// "06:00" -> 360 minutes after midnight. Empty unless `text` is HH:MM
// with HH 00-23 and MM 00-59.
std::optional<int> parse_clock(std::string_view text) noexcept;

// A time of day as minutes after the local midnight of its first day; an
// end past 1440 is on the next day. Exact range: the start and end are
// known (earliest = latest). Start only: a one-minute instant
// [start, start + 1). Approximate: somewhere within [start, end) — start
// in [start, end − 1], end in [start + 1, end].
struct ClockBounds {
  int earliest_start = 0;
  int latest_start = 0;
  int earliest_end = 0;
  int latest_end = 0;
  bool operator==(const ClockBounds&) const = default;
};

// Error: parley::Error with Errc::bad_time, where() "time_of_day/start"
// or "time_of_day/end", for a clock that is not HH:MM or an end equal to
// the start; "time_of_day/zone" (bad_value) for an unknown zone is left
// to utc_bounds.
ClockBounds clock_bounds(const TimeOfDay& time);

// Words for an approximate time, English or Arabic, as a TimeOfDay in
// `zone` with `label` = the words and approximate = true:
//   early hours / small hours / فجر        00:00–06:00
//   morning / صباح                          06:00–12:00
//   noon / midday / ظهر                     11:00–13:00
//   afternoon / بعد الظهر / عصر             12:00–18:00
//   evening / مساء                          18:00–22:00
//   night / ليل / ليلا                       20:00–06:00 (the next day)
//   about 16:00, around 16 hours, حوالي الساعة 16   15:30–16:30
// Empty for other words. Arabic is normalised first (normalize_arabic).
std::optional<TimeOfDay> approximate_time(std::string_view words,
                                          std::string zone);

// The UTC instants a time of day names on a local day: the earliest
// start and the latest end (empty when only a start is known).
struct UtcSpan {
  ZonedInstant start;
  std::optional<ZonedInstant> end;
  bool operator==(const UtcSpan&) const = default;
};

// `time` on local `day`: the start on `day`, the end on `day` or, when it
// crosses midnight, the next day. A local time the zone skips or repeats
// follows `options` (default: reject). Error: as clock_bounds, and as
// parley::to_utc (unknown zone, skipped or repeated time).
UtcSpan utc_bounds(Day day, const TimeOfDay& time,
                   const ZoneOptions& options = {});

// "2017-02-03T18:00Z/2017-02-04T00:00Z", or the start alone.
std::string to_string(const UtcSpan& span);

// A time with its clock time, if it has one. The clock applies when the
// time is a day, or an exact interval of days ("2017-02-03/2017-02-04":
// start on the first day, end on the last); otherwise it is ignored.
struct ClockedTime {
  Edtf time;
  std::optional<TimeOfDay> clock;
};

// The interval of `t` in UTC minutes since 1970-01-01. A clock that
// applies (above) gives its minutes; without one, whole days are read from
// local midnight in `zone` (the other side's zone, so "its second day" is
// that zone's day). Empty when `t` has no clock that applies and `zone` is
// empty, or the time is not a day or an exact interval of days. Error: as
// utc_bounds (the earliest policy settles skipped and repeated times).
std::optional<MinuteBounds> minute_bounds(const ClockedTime& t,
                                          std::string_view zone);

// The UTC instants of `t`'s clock on its day or days, read as
// minute_bounds reads them (a skipped or repeated local time takes the
// earliest instant). Empty when no clock applies. Error: as utc_bounds.
std::optional<UtcSpan> utc_bounds(const ClockedTime& t);

// to_string(*utc_bounds(t)) for people and exports: empty when no clock
// applies or its zone or clock is not valid (the stored fields then say
// all there is). Never throws parley::Error.
std::optional<std::string> utc_text(const ClockedTime& t);

// Allen's relations of x to y: in minutes when either side has a clock
// that applies (the other side read as whole days in that clock's zone:
// an overnight meeting overlaps its second day); otherwise in days,
// exactly as possible_relations(x.time, y.time).
Relations possible_relations(const ClockedTime& x, const ClockedTime& y);

void to_json(nlohmann::json& j, const TimeOfDay& time);
void from_json(const nlohmann::json& j, TimeOfDay& time);

// An event's time of day as stored, plus "utc": the UTC instants it names
// on the event's day(s) (utc_bounds(ClockedTime), as to_string(UtcSpan)),
// when they are known. For export; from_json ignores "utc" (derived).
nlohmann::json time_of_day_json(const TimeOfDay& clock, const Edtf& time);

}  // namespace parley

#endif  // PARLEY_CLOCK_HPP
