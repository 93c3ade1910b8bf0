// parley/render/geojson.hpp: a FeatureCollection that map libraries read,
// with [longitude, latitude] points from the place or its nearest ancestor.
#include <sstream>
#include <string>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "parley/error.hpp"
#include "parley/payload.hpp"
#include "parley/render/geojson.hpp"

#include "render_support.hpp"

namespace {

using nlohmann::json;

json render(const parley::Timeline& t,
            const parley::RenderOptions& options = {}) {
  std::ostringstream out;
  parley::write_geojson(t, out, options);
  return json::parse(out.str());  // throws on invalid JSON
}

const json& feature(const json& collection, const std::string& id) {
  for (const json& f : collection["features"]) {
    if (f["id"] == id) return f;
  }
  FAIL("no feature " << id);
  static const json none;
  return none;
}

json place_json(const std::string& id) {
  const json document = parley::test::astana_json();
  for (const json& p : document["places"]) {
    if (p["id"] == id) return p;
  }
  FAIL("no place " << id);
  return {};
}

}  // namespace

TEST_CASE("geojson: a FeatureCollection with a Feature per event") {
  const auto t = parley::test::astana_timeline();
  const json doc = render(t);
  CHECK(doc["type"] == "FeatureCollection");
  REQUIRE(doc["features"].size() == t.events.size());
  for (std::size_t i = 0; i < t.events.size(); ++i) {
    const json& f = doc["features"][i];
    CHECK(f["type"] == "Feature");
    CHECK(f["id"] == t.events[i].id.value);
    CHECK(f["properties"].is_object());
    CHECK(f["properties"]["time"] == t.events[i].time.str());
    if (!f["geometry"].is_null()) {
      CHECK(f["geometry"]["type"] == "Point");
      const json& c = f["geometry"]["coordinates"];
      REQUIRE(c.size() == 2);
      CHECK(c[0].get<double>() >= -180);
      CHECK(c[0].get<double>() <= 180);
      CHECK(c[1].get<double>() >= -90);
      CHECK(c[1].get<double>() <= 90);
    }
  }
}

TEST_CASE("geojson: points are [longitude, latitude]") {
  const json doc = render(parley::test::astana_timeline());
  const json astana_place = place_json("place:astana");
  const json& round = feature(doc, "event:astana-2");
  const json& c = round["geometry"]["coordinates"];
  CHECK(c[0].get<double>() == astana_place["coordinates"]["lon"]);
  CHECK(c[1].get<double>() == astana_place["coordinates"]["lat"]);
  CHECK(round["properties"]["place"] == astana_place["names"]["en"]);
  CHECK(round["properties"]["status"] == "held");
  CHECK(round["properties"]["planned"] == "2017-02-15");
  CHECK(round["properties"]["start"] == "2017-02-16");
  CHECK(round["properties"]["end"] == "2017-02-16");  // inclusive
  CHECK(round["properties"]["kind"] == "negotiation_round");

  // No place: a null geometry, still a Feature with properties.
  const json& unsc = feature(doc, "event:unsc-2254");
  CHECK(unsc["geometry"].is_null());
  CHECK(unsc["properties"]["place"].is_null());

  // [..2017-02-16]: no start, a last day.
  const json& moscow = feature(doc, "event:lavrov-de-mistura");
  CHECK(moscow["properties"]["start"].is_null());
  CHECK(moscow["properties"]["end"] == "2017-02-16");
  CHECK(moscow["properties"]["time"] == "[..2017-02-16]");
}

TEST_CASE("geojson: a place without coordinates takes its nearest ancestor's") {
  parley::Timeline t;
  parley::Place country;
  country.id = parley::PlaceId{"place:syria"};
  country.kind = parley::PlaceKind::country;
  country.names = {{"en", "Syria"}};
  country.coordinates = parley::Coordinates{35.0, 38.5};
  parley::Place region;
  region.id = parley::PlaceId{"place:rif-dimashq"};
  region.kind = parley::PlaceKind::region;
  region.names = {{"en", "Rif Dimashq"}};
  region.parent = country.id;
  t.places = {{country.id, country}, {region.id, region}};
  parley::Event e;
  e.id = parley::EventId{"event:x"};
  e.title = {{"en", "x"}};
  e.time = parley::Edtf::parse("2017");
  e.place = region.id;
  t.events.push_back(e);

  const json doc = render(t);
  const json& c = doc["features"][0]["geometry"]["coordinates"];
  CHECK(c[0].get<double>() == 38.5);
  CHECK(c[1].get<double>() == 35.0);
  CHECK(doc["features"][0]["properties"]["place"] == "Rif Dimashq");
  CHECK(doc["features"][0]["properties"]["start"] == "2017-01-01");
  CHECK(doc["features"][0]["properties"]["end"] == "2017-12-31");
}

TEST_CASE("geojson: Arabic titles are kept as UTF-8") {
  parley::RenderOptions options;
  options.lang = "ar";
  const json doc = render(parley::test::astana_timeline(), options);
  CHECK(feature(doc, "event:astana-2")["properties"]["title"] ==
        "الجولة الثانية من اجتماع أستانا");
}

TEST_CASE("geojson: a failed stream is an io error") {
  std::ostringstream out;
  out.setstate(std::ios::badbit);
  CHECK_THROWS_AS(parley::write_geojson(parley::test::astana_timeline(), out),
                  parley::Error);
}

TEST_CASE("geojson: actors with their roles, and deaths") {
  const json doc = render(parley::test::astana_timeline());
  const json document = parley::test::astana_json();
  auto entry = [&](const char* array, const std::string& id) {
    json found;
    for (const json& e : document[array]) {
      if (e["id"] == id) found = e;  // the last version wins
    }
    REQUIRE(!found.is_null());
    return found;
  };
  const json round = entry("events", "event:astana-2");
  const json& actors = feature(doc, "event:astana-2")["properties"]["actors"];
  REQUIRE(actors.size() == round["participants"].size());
  for (std::size_t i = 0; i < actors.size(); ++i) {
    const json& p = round["participants"][i];
    CHECK(actors[i]["id"] == p["actor"]);
    CHECK(actors[i]["role"] == p["role"]);
    CHECK(actors[i]["name"] ==
          entry("actors", p["actor"].get<std::string>())["names"]["en"]);
  }
  const json& shelling =
      feature(doc, "event:government-shelling")["properties"];
  REQUIRE(shelling["actors"].size() == 1);
  CHECK(shelling["actors"][0]["id"] == "actor:syrian-government");
  CHECK(shelling["actors"][0]["role"] == "perpetrator");
  CHECK(shelling["deaths"].is_null());  // the data gives no estimate
  CHECK(feature(doc, "event:astana-2")["properties"]["kind"] ==
        "negotiation_round");

  parley::Timeline t;
  parley::Hostilities strike;
  strike.deaths = {3, 5, std::nullopt};
  t.events.push_back(
      parley::test::make_event("event:strike", "2016-03", "Strike", strike));
  const json props = render(t)["features"][0]["properties"];
  CHECK(props["deaths"] == json{{"low", 3}, {"best", 5}, {"high", nullptr}});
  CHECK(props["start"] == "2016-03-01");  // earliest start
  CHECK(props["end"] == "2016-03-31");    // latest end, inclusive
}
