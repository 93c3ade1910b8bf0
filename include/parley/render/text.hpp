// parley/render/text.hpp — a timeline for a terminal.
//
// One line per event in chronological order, in aligned columns — date,
// kind, title, place — and below it, indented, what else is known: the plan
// against what happened ("planned 2017-02-15, held 2017-02-16, 1 day
// late"), the status, the time of day with its zone, and each claim's
// stance and speaker ("asserts: Mohammed Alloush", "denies: ...").
//
//   parley::write_text(timeline, std::cout);
//
//   Second Astana round on Syria
//
//   2017-02-16  negotiation_round  Second Astana round on Syria  Astana
//       planned 2017-02-15, held 2017-02-16, 1 day late
//       asserts: the source (Arabic-language news report ...)
//
// Dates are shown as precisely as they are known and no more (see
// display_date in src/render/common.hpp): "Feb 2017", "2017-02-1?",
// "2017-02-15 – open", "on or before 2017-02-16". The slip is
// parley::slip_words ("from 12 days early to 15 days late (within the
// planned month)" for a plan of "2017-02" held on 2017-02-16). Column widths
// come from the content and count code points, not bytes, so Arabic names
// align. Bidi control characters (U+202A..U+202E, U+2066..U+2069) in the
// data are written as "<U+202E>", so they cannot reorder a line. Names and
// titles are in options.lang, falling back to English.
#ifndef PARLEY_RENDER_TEXT_HPP
#define PARLEY_RENDER_TEXT_HPP

#include <ostream>

#include "parley/render/options.hpp"
#include "parley/timeline.hpp"

namespace parley {

// Writes the whole timeline to `out` (UTF-8, LF line endings). Throws
// parley::Error (Errc::io) when the stream fails.
void write_text(const Timeline& timeline, std::ostream& out,
                const RenderOptions& options = {});

}  // namespace parley

#endif  // PARLEY_RENDER_TEXT_HPP
