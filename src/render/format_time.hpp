// Private helpers for the text, Markdown, CSV, GeoJSON and iCalendar
// renderers: EDTF values and times of day written for people, the slip
// between planned and actual times, and the display width of UTF-8 text.
// Other renderers may include this header; its functions are stable.
#ifndef PARLEY_SRC_RENDER_FORMAT_TIME_HPP
#define PARLEY_SRC_RENDER_FORMAT_TIME_HPP

#include <cstddef>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "parley/event.hpp"
#include "parley/render/options.hpp"
#include "parley/time.hpp"
#include "parley/timeline.hpp"

namespace parley::detail {

// An EDTF value for people, without hiding what is not known:
//   2017-02-16         a day
//   Feb 2017           a month;  2017 a year;  45 BCE for -0044
//   spring 2017        a grouping (21..41: seasons, Q1..Q4, H1/H2, ...)
//   2017-02-1?         unspecified digits (EDTF X) shown as '?'
//   2017-02-16?        an uncertain value;  c. 2017-02-16 an approximate one
//   2017-02-16 10:00+06:00  a date-time, as written
//   2017-02-15 – 2017-02-16, 2017-02-15 – open, unknown – 2017-02-16
//   on or before 2017-02-16, on or after 2017-02-16 ([..x], [x..])
//   one of 2017, 2019–2020;  all of 2017, 2019
// An empty value gives "unknown".
std::string display_date(const Edtf& time);

// The first day a value can cover and the last (inclusive); empty when that
// side is open or unknown.
std::optional<Day> first_day(const Edtf& time);
std::optional<Day> last_day(const Edtf& time);

// Actual minus planned, in days, when both are single days (or any value
// whose earliest start is known on both sides); empty otherwise.
std::optional<std::int64_t> slip_days(const Event& event);

// "planned 2017-02-15, held 2017-02-16, 1 day late"; "planned 2017-02-23,
// scheduled" when it has not happened; "" when the event has no planned
// time. The middle word is the status (or "actual" when none).
std::string plan_line(const Event& event);

// "06:00–12:00 Asia/Almaty (+06, morning)": the clock times, the zone, its
// abbreviation on `day` when the zone is known, and the source's words.
std::string display_time_of_day(const TimeOfDay& time,
                                std::optional<Day> day = std::nullopt);

// The columns `text` takes in a terminal: code points, not bytes, without
// combining marks (Arabic harakat, U+0300..U+036F) and zero-width or
// direction marks. Malformed bytes count one each.
std::size_t display_width(std::string_view text);

// `text` followed by spaces up to `width` display columns.
std::string pad_right(std::string_view text, std::size_t width);

// Names for people, in `lang` with best()'s fallbacks; an id that the
// timeline does not hold is shown as the id itself.
std::string actor_name(const Timeline& timeline, const ActorId& id,
                       std::string_view lang);
std::string place_name(const Timeline& timeline, const Event& event,
                       std::string_view lang);  // "" when no place
std::string process_name(const Timeline& timeline, const Event& event,
                         std::string_view lang);  // "" when no process
// Who makes a claim: the claimant's name, else the source's publisher,
// else "the source".
std::string claimant_name(const Timeline& timeline, const Claim& claim,
                          std::string_view lang);
// The document title: options.title, else the timeline's, else "Timeline".
std::string document_title(const Timeline& timeline,
                           const RenderOptions& options);

// Degrees as short decimal text: 71.4491, 35, -0.5 (at most 6 decimals).
std::string decimal(double value);

// Throws parley::Error (io) naming `format` when `out` has failed.
void check_stream(const std::ostream& out, std::string_view format);

}  // namespace parley::detail

#endif  // PARLEY_SRC_RENDER_FORMAT_TIME_HPP
