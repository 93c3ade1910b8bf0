// Private helpers shared by the HTML, TimelineJS, vis-timeline and Mermaid
// renderers: calendar parts of a day, date labels for people, the lane
// (process) of an event and the slip between planned and actual times.
#ifndef PARLEY_SRC_RENDER_HTML_COMMON_HPP
#define PARLEY_SRC_RENDER_HTML_COMMON_HPP

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "parley/error.hpp"
#include "parley/event.hpp"
#include "parley/render/options.hpp"
#include "parley/time.hpp"
#include "parley/timeline.hpp"

namespace parley::render_detail {

// A day as proleptic Gregorian year (astronomical: 0 is 1 BCE), month, day.
struct Civil {
  std::int64_t year = 1970;
  unsigned month = 1;
  unsigned day = 1;
};

// Days since 1970-01-01 to a civil date; 64-bit, so any EDTF year works.
Civil civil(Day day);

// "2017-02-16"; outside years 0..9999 the expanded ISO form with a sign and
// six digits: "-000044-03-15", "+012345-01-01".
std::string iso_day(Day day);

// A day for people at the given precision: "16 Feb 2017", "Feb 2017",
// "2017"; years before 1 are written "44 BCE".
std::string day_label(Day day, Precision precision);

// The precision of the start (end = false) or end side of a value: that of
// the interval's side, else the value's own.
Precision side_precision(const Edtf& time, bool end);

// A value for people: "16 Feb 2017", "15–16 Feb 2017", "on or before
// 16 Feb 2017", "Feb 2017 (approx.)". Empty for a value with no bound.
std::string describe(const Edtf& time);

// The first and last day an event can occupy, as a half-open range, using
// whatever bounds are known; empty when nothing is known on that side.
std::optional<Day> first_day(const Bounds& b);
std::optional<Day> end_day(const Bounds& b);  // exclusive

// "1 day late", "3 days early", "as planned"; empty when the event has no
// planned time or either start is unknown.
std::string slip_text(const Event& event);
// Actual earliest start minus planned earliest start, in days.
std::optional<std::int64_t> slip_days(const Event& event);

// "HH:MM" as minutes after midnight; -1 unless it is a valid clock time.
int clock_minutes(std::string_view hhmm);

// The calendar day a date-time was written with ("2017-02-16" of
// "2017-02-16T02:00+06:00", whose bounds lie on the UTC day 2017-02-15);
// empty for other values.
std::optional<Day> written_day(const Edtf& time);

// The event's title in `lang` (with fallbacks).
const std::string& title_of(const Event& event, std::string_view lang);

// The name of the event's process, or "Other" when it has none (or the
// process is not in the timeline).
std::string lane_name(const Timeline& timeline, const Event& event,
                      std::string_view lang);

// The name of the actor in `lang`, or its id when the actor is unknown.
std::string actor_name(const Timeline& timeline, const ActorId& id,
                       std::string_view lang);

// The document title: the option, else the timeline's, else "Timeline".
std::string document_title(const Timeline& timeline,
                           const RenderOptions& options);

// Text escaped for HTML element content and attribute values: & < > " '.
std::string html_escape(std::string_view text);

// Throws parley::Error (io) when `out` has failed.
void check_stream(const std::ostream& out, std::string_view format);

}  // namespace parley::render_detail

#endif  // PARLEY_SRC_RENDER_HTML_COMMON_HPP
