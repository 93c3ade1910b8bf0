// parley/place.hpp — where things happen, nested: Eastern Ghouta is inside
// Rif Dimashq, which is inside Syria.
//
//   parley::Place astana;
//   astana.id = parley::PlaceId{"place:astana"};
//   astana.kind = parley::PlaceKind::city;
//   astana.names = {{"en", "Astana"}, {"ar", "أستانا"}};
//   astana.parent = parley::PlaceId{"place:kazakhstan"};
//   astana.coordinates = parley::Coordinates{51.1694, 71.4491};
//   astana.zone = "Asia/Almaty";
#ifndef PARLEY_PLACE_HPP
#define PARLEY_PLACE_HPP

#include <optional>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "parley/enum_names.hpp"
#include "parley/ids.hpp"
#include "parley/text.hpp"

namespace parley {

enum class PlaceKind { country, region, city, area, site };

// WGS 84, degrees. Valid when -90 <= lat <= 90 and -180 <= lon <= 180.
struct Coordinates {
  double lat = 0;
  double lon = 0;
  bool operator==(const Coordinates&) const = default;
};

struct Place {
  PlaceId id;
  PlaceKind kind = PlaceKind::city;
  Texts names;  // at least one
  std::optional<PlaceId> parent;
  std::optional<Coordinates> coordinates;
  std::optional<std::string> zone;  // IANA name: "Asia/Almaty"
  std::map<std::string, std::string, std::less<>> external_ids;

  bool operator==(const Place&) const = default;
};

void to_json(nlohmann::json& j, const Coordinates& c);
void from_json(const nlohmann::json& j, Coordinates& c);
void to_json(nlohmann::json& j, const Place& place);
void from_json(const nlohmann::json& j, Place& place);

}  // namespace parley

PARLEY_ENUM_NAMES(parley::PlaceKind, {parley::PlaceKind::country, "country"},
                  {parley::PlaceKind::region, "region"},
                  {parley::PlaceKind::city, "city"},
                  {parley::PlaceKind::area, "area"},
                  {parley::PlaceKind::site, "site"});

#endif  // PARLEY_PLACE_HPP
