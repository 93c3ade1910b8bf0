#include "parley/place.hpp"

#include <nlohmann/json.hpp>

#include "json/reader.hpp"
#include "json/writer.hpp"

namespace parley {

void to_json(nlohmann::json& j, const Coordinates& c) {
  j = nlohmann::json{{"lat", c.lat}, {"lon", c.lon}};
}

void from_json(const nlohmann::json& j, Coordinates& c) {
  detail::ObjectReader in{j};
  in.required("lat", c.lat);
  in.required("lon", c.lon);
  in.finish();
}

void to_json(nlohmann::json& j, const Place& place) {
  j = nlohmann::json::object();
  detail::put(j, "id", place.id);
  detail::put(j, "kind", place.kind);
  detail::put(j, "names", place.names);
  detail::put(j, "parent", place.parent);
  detail::put(j, "coordinates", place.coordinates);
  detail::put(j, "zone", place.zone);
  detail::put(j, "external_ids", place.external_ids);
}

void from_json(const nlohmann::json& j, Place& place) {
  detail::ObjectReader in{j};
  in.required("id", place.id);
  in.required("kind", place.kind);
  in.required("names", place.names);
  in.optional("parent", place.parent);
  in.optional("coordinates", place.coordinates);
  in.optional("zone", place.zone);
  in.optional("external_ids", place.external_ids);
  in.finish();
}

}  // namespace parley
