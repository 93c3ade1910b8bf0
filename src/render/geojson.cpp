#include "parley/render/geojson.hpp"

#include <nlohmann/json.hpp>

#include "render/format_time.hpp"

namespace parley {
namespace {

// ordered_json keeps "type" first, as people expect to read GeoJSON.
using Json = nlohmann::ordered_json;

Json day_or_null(const std::optional<Day>& day) {
  return day ? Json(to_string(*day)) : Json(nullptr);
}

Json feature(const Timeline& t, const Event& e, const RenderOptions& options) {
  Json f;
  f["type"] = "Feature";
  f["id"] = e.id.value;
  if (const auto c = t.coordinates(e)) {
    // RFC 7946 §3.1.1: longitude first.
    f["geometry"] = {{"type", "Point"}, {"coordinates", {c->lon, c->lat}}};
  } else {
    f["geometry"] = nullptr;
  }
  Json p;
  p["id"] = e.id.value;
  p["kind"] = std::string(to_string(e.kind()));
  p["title"] = best(e.title, options.lang);
  p["time"] = e.time.str();
  p["start"] = day_or_null(detail::first_day(e.time));
  p["end"] = day_or_null(detail::last_day(e.time));
  p["display"] = detail::display_date(e.time);
  const std::string place = detail::place_name(t, e, options.lang);
  p["place"] = place.empty() ? Json(nullptr) : Json(place);
  p["status"] = std::string(to_string(e.status));
  p["planned"] = e.planned ? Json(e.planned->str()) : Json(nullptr);
  f["properties"] = std::move(p);
  return f;
}

}  // namespace

void write_geojson(const Timeline& timeline, std::ostream& out,
                   const RenderOptions& options) {
  // One feature per line: valid JSON that still diffs well.
  out << "{\"type\":\"FeatureCollection\",\"features\":[";
  bool first = true;
  for (const Event& e : timeline.events) {
    out << (first ? "\n" : ",\n")
        << feature(timeline, e, options)
               .dump(-1, ' ', false, Json::error_handler_t::replace);
    first = false;
  }
  out << "\n]}\n";
  out.flush();
  detail::check_stream(out, "geojson");
}

}  // namespace parley
