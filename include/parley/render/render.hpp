// parley/render/render.hpp — every output format behind one call.
//
//   auto format = parley::parse_format("html");  // throws on an unknown name
//   parley::write(timeline, format, std::cout);
//
// The formats and their headers: text (text.hpp), md (markdown.hpp), html
// (html.hpp), timelinejs (timelinejs.hpp), vis (vis.hpp), mermaid and gantt
// (mermaid.hpp), ics (icalendar.hpp), csv (csv.hpp), geojson (geojson.hpp),
// and json: the timeline's events, with the entities they name, as an
// interchange document (document.hpp).
#ifndef PARLEY_RENDER_RENDER_HPP
#define PARLEY_RENDER_RENDER_HPP

#include <ostream>
#include <string_view>

#include "parley/render/options.hpp"
#include "parley/timeline.hpp"

namespace parley {

enum class Format {
  text,
  md,
  html,
  timelinejs,
  vis,
  mermaid,
  gantt,
  ics,
  csv,
  geojson,
  json,
};

// Throws parley::Error (bad_value) naming the formats for an unknown name.
Format parse_format(std::string_view name);

// Writes the timeline in `format`. Throws parley::Error (io) when the
// stream fails.
void write(const Timeline& timeline, Format format, std::ostream& out,
           const RenderOptions& options = {});

}  // namespace parley

PARLEY_ENUM_NAMES(parley::Format, {parley::Format::text, "text"},
                  {parley::Format::md, "md"}, {parley::Format::html, "html"},
                  {parley::Format::timelinejs, "timelinejs"},
                  {parley::Format::vis, "vis"},
                  {parley::Format::mermaid, "mermaid"},
                  {parley::Format::gantt, "gantt"},
                  {parley::Format::ics, "ics"}, {parley::Format::csv, "csv"},
                  {parley::Format::geojson, "geojson"},
                  {parley::Format::json, "json"});

#endif  // PARLEY_RENDER_RENDER_HPP
