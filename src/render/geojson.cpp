#include "parley/render/geojson.hpp"

#include <nlohmann/json.hpp>

#include "parley/slip.hpp"

#include "render/common.hpp"

namespace parley {
namespace {

using namespace render_detail;

// ordered_json keeps "type" first, as people expect to read GeoJSON.
using Json = nlohmann::ordered_json;

Json day_or_null(const std::optional<Day>& day) {
  return day ? Json(to_string(*day)) : Json(nullptr);
}

// [{"id", "name", "role"}, ...]: render_detail::named_actors.
Json actors_json(const Timeline& timeline, const Event& event,
                 const RenderOptions& options) {
  Json actors = Json::array();
  for (const NamedActor& named : named_actors(event)) {
    actors.push_back({{"id", named.actor.value},
                      {"name", isolate_bidi_controls(actor_name(
                                   timeline, named.actor, options.lang))},
                      {"role", named.role}});
  }
  return actors;
}

// {"low", "best", "high"} (each a number or null) of a hostilities event
// with an estimate; null otherwise.
Json deaths_json(const Event& event) {
  const Deaths* deaths = deaths_of(event);
  if (!deaths) return nullptr;
  auto number = [](const std::optional<int>& n) {
    return n ? Json(*n) : Json(nullptr);
  };
  return {{"low", number(deaths->low)},
          {"best", number(deaths->best)},
          {"high", number(deaths->high)}};
}

Json feature_of(const Timeline& timeline, const Event& event,
                const RenderOptions& options) {
  Json feature;
  feature["type"] = "Feature";
  feature["id"] = event.id.value;
  if (const auto coordinates = timeline.coordinates(event)) {
    // RFC 7946 §3.1.1: longitude first.
    feature["geometry"] = {
        {"type", "Point"},
        {"coordinates", {coordinates->lon, coordinates->lat}}};
  } else {
    feature["geometry"] = nullptr;
  }
  Json properties;
  properties["id"] = event.id.value;
  properties["kind"] = std::string(to_string(event.kind()));
  // Text from the data is isolated when it holds bidi controls.
  properties["title"] = isolate_bidi_controls(best(event.title, options.lang));
  properties["time"] = event.time.str();
  properties["start"] = day_or_null(first_day(event.time));
  properties["end"] = day_or_null(last_day(event.time));
  properties["display"] = display_date(event.time);
  const std::string place = place_name(timeline, event, options.lang);
  properties["place"] =
      place.empty() ? Json(nullptr) : Json(isolate_bidi_controls(place));
  properties["status"] = std::string(to_string(event.status));
  properties["planned"] =
      event.planned ? Json(event.planned->str()) : Json(nullptr);
  const auto moved = slip(event);
  properties["slip"] = moved ? Json(slip_words(*moved)) : Json(nullptr);
  properties["actors"] = actors_json(timeline, event, options);
  properties["deaths"] = deaths_json(event);
  feature["properties"] = std::move(properties);
  return feature;
}

}  // namespace

void write_geojson(const Timeline& timeline, std::ostream& out,
                   const RenderOptions& options) {
  // One feature per line: valid JSON that still diffs well.
  out << "{\"type\":\"FeatureCollection\",\"features\":[";
  bool first = true;
  for (const Event& event : timeline.events) {
    out << (first ? "\n" : ",\n")
        << feature_of(timeline, event, options)
               .dump(-1, ' ', false, Json::error_handler_t::replace);
    first = false;
  }
  out << "\n]}\n";
  out.flush();
  check_stream(out, "geojson");
}

}  // namespace parley
