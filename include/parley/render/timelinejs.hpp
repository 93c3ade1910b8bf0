// parley/render/timelinejs.hpp — a timeline as TimelineJS3 JSON.
//
// Writes the JSON document that Knight Lab's TimelineJS3 reads
// (`new TL.Timeline(element, data, options)`): a title slide and one slide
// per event.
//
//   parley::Timeline t = parley::make_timeline(db, db.events());
//   parley::write_timelinejs(t, std::cout);
//
// What it writes:
//   * `start_date` / `end_date` are objects whose parts (`year`, `month`,
//     `day`, `hour`, `minute`) are strings, as TimelineJS3 counts a numeric
//     0 as absent. Only the parts the value states are written: "2017-02"
//     gives year and month. BCE years follow TimelineJS3 (no year 0: the
//     astronomical year Y <= 0 is written Y - 1).
//   * An imprecise value spans its envelope (earliest start to latest end)
//     and says so in `display_date` ("Feb 2017 (approx.)", "on or before
//     16 Feb 2017"). An open or unknown start uses the latest start; an
//     `end_date` equal to the start is left out.
//   * A time of day (Event::time_of_day) gives the hours as local wall time
//     of its zone, and the zone is named in `display_date`; TimelineJS3 has
//     no time zones.
//   * `group` is the event's process name ("Other" without one),
//     `unique_id` the event id; `text.text` holds the summary, the planned
//     date and the slip, and the claims with their speakers, HTML-escaped.
//   * Events with no known bound at all are left out.
//
// Throws parley::Error (Errc::io) when `out` fails.
#ifndef PARLEY_RENDER_TIMELINEJS_HPP
#define PARLEY_RENDER_TIMELINEJS_HPP

#include <ostream>

#include "parley/render/options.hpp"
#include "parley/timeline.hpp"

namespace parley {

void write_timelinejs(const Timeline& timeline, std::ostream& out,
                      const RenderOptions& options = {});

}  // namespace parley

#endif  // PARLEY_RENDER_TIMELINEJS_HPP
