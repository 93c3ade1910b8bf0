// Private: the one helper layer of every renderer in src/render/. Dates
// and times of day worded for people (dates.cpp), names of what an event
// refers to, display width, escaping and bidi isolation (common.cpp). The
// slip between plan and actual is not here: it is parley::slip() and
// parley::slip_words() (parley/slip.hpp), so every output words it alike.
// Calendar arithmetic is src/time/calendar.hpp's. All functions are pure
// and thread-safe.
#ifndef PARLEY_SRC_RENDER_COMMON_HPP
#define PARLEY_SRC_RENDER_COMMON_HPP

#include <cstddef>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "parley/event.hpp"
#include "parley/payload.hpp"
#include "parley/render/options.hpp"
#include "parley/time.hpp"
#include "parley/timeline.hpp"

namespace parley::render_detail {

// ---- Dates for people (dates.cpp) ----------------------------------------
// Two wordings, each for its own kind of output:
// - display_date keeps every EDTF distinction (X digits, '?', '~', open
//   versus unknown) and writes days as ISO dates: the plain-text formats
//   (text, Markdown, iCalendar, GeoJSON), where a reader may copy a date.
// - date_label writes "16 Feb 2017", "15–16 Feb 2017", "Feb 2017
//   (approx.)" from the value's bounds: the visual formats (HTML, vis,
//   TimelineJS, Mermaid), where a label must be short.

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

// A value as a short label: "16 Feb 2017", "15–16 Feb 2017", "on or before
// 16 Feb 2017", "Feb 2017 (approx.)". Empty for a value with no bound.
std::string date_label(const Edtf& time);

// A day at the given precision: "16 Feb 2017", "Feb 2017", "2017"; years
// before 1 are written "44 BCE".
std::string day_label(Day day, Precision precision);

// "2017-02-16"; outside years 0..9999 the expanded ISO form with a sign and
// six digits: "-000044-03-15", "+012345-01-01".
std::string iso_day(Day day);

// The precision of the start (end = false) or end side of a value: that of
// the interval's side, else the value's own.
Precision side_precision(const Edtf& time, bool end);

// The calendar day a date-time was written with ("2017-02-16" of
// "2017-02-16T02:00+06:00", whose bounds lie on the UTC day 2017-02-15);
// empty for other values.
std::optional<Day> written_day(const Edtf& time);

// "HH:MM" as minutes after midnight; -1 unless it is a valid clock time.
int clock_minutes(std::string_view hhmm);

// "06:00–12:00 Asia/Almaty (+06, morning)": the clock times, the zone, its
// abbreviation on `day` when the zone is known, and the source's words.
std::string display_time_of_day(const TimeOfDay& time,
                                std::optional<Day> day = std::nullopt);

// The first day a value can cover and the last (inclusive), from its
// bounds; empty when that side is open or unknown.
std::optional<Day> first_day(const Edtf& time);
std::optional<Day> last_day(const Edtf& time);

// Where a chart draws a value: from its earliest start (else its latest
// start, else the day before its earliest end) to its latest end,
// exclusive (else its earliest end, else the day after its latest start);
// empty when nothing is known on that side.
std::optional<Day> mark_start(const Bounds& bounds);
std::optional<Day> mark_end(const Bounds& bounds);

// "planned 2017-02-15, held 2017-02-16, 1 day late"; "scheduled for
// 2017-02-23" when it has not happened; "" when the event has no planned
// time. The middle word is the status (or "actual" when none); the slip is
// slip_words(slip(event)).
std::string plan_line(const Event& event);

// ---- Names (common.cpp) -----------------------------------------------------

// The event's title in `lang`, with best()'s fallbacks.
const std::string& title_of(const Event& event, std::string_view lang);

// Names in `lang` with best()'s fallbacks; an id that the timeline does not
// hold is shown as the id itself.
std::string actor_name(const Timeline& timeline, const ActorId& id,
                       std::string_view lang);
std::string place_name(const Timeline& timeline, const Event& event,
                       std::string_view lang);  // "" when no place
std::string process_name(const Timeline& timeline, const Event& event,
                         std::string_view lang);  // "" when no process
// The lane of an event in the visual formats: its process's name, or
// "Other" when it has none (or the process is not in the timeline).
std::string lane_name(const Timeline& timeline, const Event& event,
                      std::string_view lang);
// Who makes a claim, in full: the claimant's name, else the source's
// publisher, else "the source".
std::string claimant_name(const Timeline& timeline, const Claim& claim,
                          std::string_view lang);
// Who makes a claim, short (badges, tooltips): the claimant's name, else
// "the source".
std::string speaker_name(const Timeline& timeline, const Claim& claim,
                         std::string_view lang);
// The document title: options.title, else the timeline's, else "Timeline".
std::string document_title(const Timeline& timeline,
                           const RenderOptions& options);

// ---- What an event says (common.cpp) ----------------------------------------

// The death estimate of a hostilities event that carries any of low, best
// or high; nullptr otherwise (another kind, or no figure at all).
const Deaths* deaths_of(const Event& event);

// An actor the event names, and the role it has there.
struct NamedActor {
  ActorId actor;
  std::string role;  // a Role ("party") or a payload role ("perpetrator")
};
// The participants in recorded order, then the actors named only in the
// payload (parley::payload_actors), with their roles; an actor named twice
// in the same role is listed once.
std::vector<NamedActor> named_actors(const Event& event);

// ---- Text (common.cpp) ------------------------------------------------------

// The columns `text` takes in a terminal: code points, not bytes, without
// combining marks (Arabic harakat, U+0300..U+036F) and zero-width or
// direction marks. Malformed bytes count one each.
std::size_t display_width(std::string_view text);

// `text` followed by spaces up to `width` display columns.
std::string pad_right(std::string_view text, std::size_t width);

// True when `text` holds a bidi embedding, override or isolate control
// (U+202A..U+202E, U+2066..U+2069), which can reorder the text around it.
bool has_bidi_controls(std::string_view text);

// Bidi controls shown as "<U+202E>", for outputs read as plain text (text,
// CSV); other text unchanged.
std::string escape_bidi_controls(std::string_view text);

// `text` between FIRST STRONG ISOLATE (U+2068) and POP DIRECTIONAL ISOLATE
// (U+2069) when it holds bidi controls, so they cannot reorder what
// surrounds it (a PDI closes every embedding opened after its isolate);
// otherwise unchanged. For Markdown, JSON, Mermaid and iCalendar text.
std::string isolate_bidi_controls(std::string_view text);

// Text escaped for HTML element content and attribute values: & < > " '.
std::string html_escape(std::string_view text);

// Degrees as short decimal text: 71.4491, 35, -0.5 (at most 6 decimals).
std::string decimal(double value);

// Throws parley::Error (io) naming `format` when `out` has failed.
void check_stream(const std::ostream& out, std::string_view format);

}  // namespace parley::render_detail

#endif  // PARLEY_SRC_RENDER_COMMON_HPP
