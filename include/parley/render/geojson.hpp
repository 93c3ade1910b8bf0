// parley/render/geojson.hpp — a timeline as GeoJSON (RFC 7946) for maps.
//
// A FeatureCollection with one Feature per event, in chronological order.
// The geometry is a Point [longitude, latitude] (in that order, as RFC 7946
// requires; iCalendar's GEO is the reverse) of the event's place or its
// nearest ancestor with coordinates (Timeline::coordinates), and null when
// none has any. Each Feature's "id" is the event id and its properties are:
//   id, kind, title (options.lang), time (the EDTF value), start (earliest
//   start day, or null when open/unknown), end (latest end day, inclusive,
//   or null), display (the date for people: "on or before 2017-02-16"),
//   place (its name, or null), status, planned (EDTF or null), slip
//   (parley::slip_words: "1 day late", "from 12 days early to 15 days
//   late (within the planned month)", or null without a plan), actors
//   (every actor the event names, as {"id", "name", "role"}: participants
//   in recorded order with their role, "party", "mediator", ..., then
//   actors named only in the kind's fields: "perpetrator", "target",
//   "pledger", ...), deaths ({"low", "best", "high"}, each a number or
//   null, for hostilities with an estimate; null otherwise). A title,
//   place or actor name holding bidi controls is wrapped in U+2068..U+2069
//   so that they cannot reorder the text a map shows around it.
//
//   parley::write_geojson(timeline, std::cout);
//   // {"type":"FeatureCollection","features":[{"type":"Feature",
//   //   "id":"event:astana-2","geometry":{"type":"Point",
//   //   "coordinates":[71.4491,51.1694]},"properties":{...}}, ...]}
//
// UTF-8 JSON, no byte-order mark. Throws parley::Error (Errc::io) when the
// stream fails.
#ifndef PARLEY_RENDER_GEOJSON_HPP
#define PARLEY_RENDER_GEOJSON_HPP

#include <ostream>

#include "parley/render/options.hpp"
#include "parley/timeline.hpp"

namespace parley {

void write_geojson(const Timeline& timeline, std::ostream& out,
                   const RenderOptions& options = {});

}  // namespace parley

#endif  // PARLEY_RENDER_GEOJSON_HPP
