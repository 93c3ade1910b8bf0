// parley/render/csv.hpp — a timeline as CSV, one row per event, with
// ACLED-like columns so it opens in the tools that read ACLED exports.
//
//   parley::write_csv(timeline, std::cout);
//
// RFC 4180: UTF-8 without a byte-order mark, CRLF after every record, a
// header row, every row with the same 41 fields; a field containing a comma,
// a double quote, CR or LF is enclosed in double quotes, with each quote
// doubled. Lists inside a field are joined with "; ". Days are "YYYY-MM-DD".
//
// Safe for spreadsheets (OWASP's rule on CSV injection): a text cell that
// starts with '=', '+', '-', '@', tab or CR is written with a "'" before
// it, so Excel, LibreOffice or Google Sheets read it as text instead of
// running it as a formula (`=HYPERLINK(...)` becomes `'=HYPERLINK(...)`).
// The numeric columns (time_precision, latitude, longitude, deaths_low,
// deaths_best, deaths_high) are written as numbers, a negative longitude
// included. Bidi control characters
// (U+202A..U+202E, U+2066..U+2069) are written as "<U+202E>" so they
// cannot reorder the row. RenderOptions::csv_raw turns both off: every
// cell as stored.
//
// Columns, in order:
//   event_id        the event's id
//   event_date      the earliest day it can have started (bounds), "" when
//                   its start is open or unknown
//   time_precision  ACLED's code, from the value's bounds: 1 = a single
//                   known day (day precision or finer, no '?', '~' or X);
//                   2 = a span of at most 7 days (an interval of days, an
//                   uncertain or approximate day, a one-of set of close
//                   days); 3 = anything wider or with an open or unknown
//                   end (a month, a season, a year, "[..2017-02-16]").
//   edtf            the EDTF value as stored ("[..2017-02-16]")
//   earliest_start  as event_date
//   latest_end      the last day it can have ended (inclusive), "" when
//                   open or unknown
//   kind            the event kind ("negotiation_round")
//   plover          the PLOVER event type of the kind ("CONSULT"), or ""
//   status          none | scheduled | held | postponed | cancelled
//   planned         the planned time as EDTF, or ""
//   slip            how far it moved from the plan (parley::slip_words):
//                   "1 day late", "as planned", "from 12 days early to 15
//                   days late (within the planned month)"; "" without a
//                   plan or when cancelled
//   title           in options.lang (falling back to English, then any)
//   actor1, actor2  the first two actors by name: participants (parties
//                   first, then mediators, hosts, the rest, each in
//                   recorded order), then actors named only in the payload
//                   (a pledger, a perpetrator)
//   assoc_actors    the others, "; "-separated
//   place           the place's name
//   country, admin1, location
//                   from the place's path (Timeline::place_path): the
//                   outermost place of kind country, the outermost of kind
//                   region, and the place itself when it is a city, area
//                   or site ("" where absent): Syria, Rif Dimashq, Eastern
//                   Ghouta
//   latitude, longitude
//                   of the place or its nearest ancestor with coordinates
//                   (as Timeline::coordinates); "" when none
//   process         the process's name
//   topics          "; "-separated
//   claims          "claimant:stance" per claim, "; "-separated; the
//                   claimant's name, or "source" when the source speaks
//                   for itself ("Mohammed Alloush:denies")
//   source          the sources of the claims, by publisher, "; "-separated
//                   without repeats
//   deaths_low, deaths_best, deaths_high
//                   the estimates of a hostilities event
//                   (Hostilities::deaths); "" where not given (a known 0 is
//                   written 0) and for other kinds
//   place_path      the place and its ancestors (Timeline::place_path),
//                   country first, " > "-separated: "Syria > Rif Dimashq >
//                   Eastern Ghouta"
//   start_precision, end_precision
//                   the EDTF precision of each side of the value
//                   (unknown, year, season, month, day, hour, minute,
//                   second): "2016/2017-03-04" is year, day
//   actor_roles     every actor the event names with its role, in order:
//                   participants ("Russia (mediator)"), then actors named
//                   only in the kind's fields ("Government of Syria
//                   (perpetrator)"); "; "-separated
//   deaths_side_a, deaths_side_b, deaths_civilians, deaths_unknown
//                   the best estimate split by whom (UCDP's deaths_a,
//                   deaths_b, deaths_civilians, deaths_unknown)
//   dataset, external_id, release
//                   where an imported event came from (Event::external):
//                   "ucdp", "ucdp:214797", "19.1"
//   time_of_day     the clock time in its zone: "06:00-12:00 Asia/Almaty"
//   time_utc        its UTC instants on the event's day (utc_text):
//                   "2017-02-16T00:00Z/2017-02-16T06:00Z"
//
// Throws parley::Error (Errc::io) when the stream fails.
#ifndef PARLEY_RENDER_CSV_HPP
#define PARLEY_RENDER_CSV_HPP

#include <ostream>

#include "parley/render/options.hpp"
#include "parley/timeline.hpp"

namespace parley {

void write_csv(const Timeline& timeline, std::ostream& out,
               const RenderOptions& options = {});

}  // namespace parley

#endif  // PARLEY_RENDER_CSV_HPP
