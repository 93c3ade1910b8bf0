// Private: the HTML page for timelines too large for the detailed page
// (more than RenderOptions::html_detail_limit events); write_html calls it.
// What the page shows is documented in parley/render/html.hpp.
//
// The page holds the events as one JSON object, gzipped and in base64
// (compress.hpp), in <script type="application/gzip" id="parley-data">:
// about a third of the bytes, so the browser reads and parses the page far
// sooner; its inline script (html_overview_script.cpp) unpacks it with
// atob() and DecompressionStream. The events are columns, one array per field
// (the page parses a dozen long arrays far faster than an array per event),
// in chronological order:
//   {"events": {"id": [...], "lane": [...], "start": [...], "length": [...],
//               "kind": [...], "label": [...], "title": [...],
//               "place": [...], "who": [...], "deaths": [...]},
//    "id_prefix": "event:", "title": "...", "lanes": [[name, lang, colour]...],
//    "places": [[name, parent index or -1]...], "kinds": [name...],
//    "roles": [name...], "actors": [name...]}
// - id: the event id without id_prefix, the part up to a ':' that all ids
//   share;
// - start, length: where a chart draws the value (render_detail::mark_start
//   and mark_end, end exclusive), in days: start as the days after the
//   previous event's known start (the first: after 1970-01-01), length as
//   the days to the end; an unknown start is null and then length holds
//   the end as days since 1970-01-01; an unknown end is null;
// - lane, kind, place (-1: none): indexes into lanes, kinds, places;
// - label: the date for people (render_detail::date_label);
// - who: "actor role actor role ..." as indexes into actors and roles
//   (render_detail::named_actors), "" for none;
// - deaths: sparse, [index, low, best, high, index, low, ...] for each
//   event (by its index in the columns) with an estimate of deaths
//   (render_detail::deaths_of); low, best or high null where not given.
// Costs one pass over the events, with a map lookup per actor and place.
#ifndef PARLEY_SRC_RENDER_HTML_OVERVIEW_HPP
#define PARLEY_SRC_RENDER_HTML_OVERVIEW_HPP

#include <ostream>

#include "parley/render/options.hpp"
#include "parley/timeline.hpp"

namespace parley::render_detail {

// Throws parley::Error (Errc::io) when `out` fails.
void write_html_overview(const Timeline& timeline, std::ostream& out,
                         const RenderOptions& options);

// The page's inline CSS and script (html_overview_script.cpp), written to
// `out` as they are.
void write_overview_style(std::ostream& out);
void write_overview_script(std::ostream& out);

}  // namespace parley::render_detail

#endif  // PARLEY_SRC_RENDER_HTML_OVERVIEW_HPP
