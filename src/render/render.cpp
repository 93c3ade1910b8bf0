#include "parley/render/render.hpp"

#include <nlohmann/json.hpp>

#include "parley/error.hpp"
#include "parley/render/csv.hpp"
#include "parley/render/geojson.hpp"
#include "parley/render/html.hpp"
#include "parley/render/icalendar.hpp"
#include "parley/render/markdown.hpp"
#include "parley/render/mermaid.hpp"
#include "parley/render/text.hpp"
#include "parley/render/timelinejs.hpp"
#include "parley/render/vis.hpp"

namespace parley {
namespace {

// The timeline as an interchange document: its events and what they name.
Document as_document(const Timeline& t) {
  Document doc;
  for (const auto& [id, a] : t.actors) doc.actors.push_back({a});
  for (const auto& [id, p] : t.places) doc.places.push_back({p});
  for (const auto& [id, p] : t.processes) doc.processes.push_back({p});
  for (const auto& [id, s] : t.sources) doc.sources.push_back({s});
  for (const auto& e : t.events) doc.events.push_back({e});
  for (const auto& c : t.claims) doc.claims.push_back({c});
  for (const auto& l : t.links) doc.links.push_back({l});
  return doc;
}

}  // namespace

Format parse_format(std::string_view name) {
  if (auto f = enum_from<Format>(name)) return *f;
  throw Error(Errc::bad_value, "format",
              "unknown format '" + std::string(name) +
                  "'; expected one of: " + detail::enum_choices<Format>());
}

void write(const Timeline& t, Format format, std::ostream& out,
           const RenderOptions& options) {
  switch (format) {
    case Format::text:
      return write_text(t, out, options);
    case Format::md:
      return write_markdown(t, out, options);
    case Format::html:
      return write_html(t, out, options);
    case Format::timelinejs:
      return write_timelinejs(t, out, options);
    case Format::vis:
      return write_vis(t, out, options);
    case Format::mermaid:
      return write_mermaid_timeline(t, out, options);
    case Format::gantt:
      return write_mermaid_gantt(t, out, options);
    case Format::ics:
      return write_icalendar(t, out, options);
    case Format::csv:
      return write_csv(t, out, options);
    case Format::geojson:
      return write_geojson(t, out, options);
    case Format::json:
      out << nlohmann::json(as_document(t)).dump(2) << '\n';
      if (!out) throw Error(Errc::io, "output", "cannot write");
      return;
  }
}

}  // namespace parley
