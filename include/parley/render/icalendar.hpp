// parley/render/icalendar.hpp — the scheduled part of a timeline as an
// iCalendar file (RFC 5545), for calendar programs.
//
//   parley::RenderOptions options;
//   options.generated_at = parley::parse_record_time("2017-02-16T18:00:00Z");
//   parley::write_icalendar(timeline, std::cout, options);
//
//   BEGIN:VCALENDAR
//   VERSION:2.0
//   PRODID:-//parley//parley timeline//EN
//   BEGIN:VEVENT
//   UID:event:geneva-4@parley
//   DTSTAMP:20170216T180000Z
//   DTSTART;VALUE=DATE:20170223
//   DTEND;VALUE=DATE:20170224
//   SUMMARY:Intra-Syrian talks in Geneva (fourth round)
//   STATUS:CONFIRMED
//   ...
//   END:VEVENT
//   END:VCALENDAR
//
// Which events: those that were scheduled — an event with a `planned` time
// or a status other than none. Statements, shellings and the like are left
// out. The calendar entry shows `time` (when it happened or is to happen).
//
// Times:
//   * A single day is an all-day event: DTSTART;VALUE=DATE with the
//     exclusive DTEND of the next day.
//   * A single day with a time_of_day in a known IANA zone is converted to
//     UTC (DTSTART:20170216T000000Z); DTEND from the end clock time (the
//     next day when it is earlier than the start), none when there is no
//     end. A local time the zone skips or repeats takes the earlier
//     instant. No TZID is written, so no VTIMEZONE is needed.
//   * Anything less precise or less certain — a month, a season, a year, an
//     interval, an uncertain or approximate day, a one-of set with both
//     ends bounded — becomes an all-day span over every day it can cover
//     (earliest start to latest end), and DESCRIPTION says so: "Date: Feb
//     2017 (EDTF 2017-02), shown as all days it may cover."
//   * An event whose earliest start or latest end is open or unknown
//     ("[..2017-02-16]", "2017-02-15/..") or lies outside the years
//     1..9999 cannot be placed on a calendar and is left out.
//
// Properties: UID is "<event id>@parley", stable across runs; DTSTAMP is
// options.generated_at (default: now) in UTC; STATUS is TENTATIVE for
// scheduled and postponed, CONFIRMED for held, CANCELLED for cancelled, and
// absent for status none; SUMMARY the title (options.lang); LOCATION the
// place path ("Geneva, Switzerland"); GEO "lat;lon" of the place or its
// nearest ancestor with coordinates; CATEGORIES the kind; DESCRIPTION the
// summary, the plan line ("planned 2017-02-15, held 2017-02-16, 1 day
// late"), the date note and the claims.
//
// Format: CRLF after every line; TEXT values escape \ ; , and newlines
// (\\ \; \, \n); lines longer than 75 octets are folded (CRLF and one
// space), never inside a UTF-8 sequence. Throws parley::Error (Errc::io)
// when the stream fails.
#ifndef PARLEY_RENDER_ICALENDAR_HPP
#define PARLEY_RENDER_ICALENDAR_HPP

#include <ostream>

#include "parley/render/options.hpp"
#include "parley/timeline.hpp"

namespace parley {

void write_icalendar(const Timeline& timeline, std::ostream& out,
                     const RenderOptions& options = {});

}  // namespace parley

#endif  // PARLEY_RENDER_ICALENDAR_HPP
