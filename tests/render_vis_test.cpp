// parley/render/vis.hpp: vis-timeline items and groups, read back with
// nlohmann and compared with the data.
#include <set>
#include <sstream>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "parley/database.hpp"
#include "parley/error.hpp"
#include "parley/render/vis.hpp"

#include "render_support.hpp"

namespace {

using nlohmann::json;

json render_vis(const parley::Timeline& t) {
  std::ostringstream out;
  parley::write_vis(t, out);
  return json::parse(out.str());
}

const json& item(const json& doc, const std::string& id) {
  for (const json& i : doc.at("items")) {
    if (i.at("id") == id) return i;
  }
  FAIL("no item " << id);
  static const json none;
  return none;
}

}  // namespace

TEST_CASE("vis: one item per Astana event, all grouped, ranges with ends") {
  const parley::Timeline t = parley::test::astana_timeline();
  const json doc = render_vis(t);

  std::set<std::string> groups;
  for (const json& g : doc.at("groups")) groups.insert(g.at("id"));
  std::size_t planned = 0;
  for (const parley::Event& e : t.events) {
    if (e.planned && !(*e.planned == e.time)) ++planned;
    const json& i = item(doc, e.id.value);
    CAPTURE(e.id.value);
    CHECK(i.at("content") == parley::best(e.title));
    CHECK(groups.count(i.at("group")) == 1);
    CHECK(i.at("group") == (e.process ? e.process->value : "other"));
    const std::string type = i.at("type");
    CHECK(i.contains("end") == (type == "range"));
    CHECK((type == "range" || type == "point" || type == "box"));
    CHECK(i.at("title").is_string());
  }
  CHECK(doc.at("items").size() == t.events.size() + planned);
  const json& ghost = item(doc, "event:astana-2#planned");
  CHECK(ghost.at("start") == "2017-02-15");
  CHECK(ghost.at("className") == "planned");
  CHECK(item(doc, "event:astana-2").at("start") == "2017-02-16");
  // The morning sessions are ranges over their hours.
  CHECK(item(doc, "event:astana-2-session-1").at("start") ==
        "2017-02-16T06:00");
  // An open start is a point at its known end, said in the title.
  const json& open = item(doc, "event:lavrov-de-mistura");
  CHECK(open.at("type") == "point");
  CHECK(open.at("start") == "2017-02-16");
  CHECK(open.at("title").get<std::string>().find("on or before") !=
        std::string::npos);
}

TEST_CASE("vis: imprecise ranges, expanded years, escaped content") {
  parley::Timeline t;
  t.events = {parley::test::make_event("e:feb", "2017-02"),
              parley::test::make_event("e:bce", "-0043-03-15"),
              parley::test::make_event("e:far", "Y12345"),
              parley::test::make_event("e:<i>", "2017-02-16")};
  t.events.back().title = {{"en", "<i>x</i>"}};
  const json doc = render_vis(t);
  const json& feb = item(doc, "e:feb");
  CHECK(feb.at("type") == "range");
  CHECK(feb.at("start") == "2017-02-01");
  CHECK(feb.at("end") == "2017-03-01");
  CHECK(item(doc, "e:bce").at("start") == "-000043-03-15");
  CHECK(item(doc, "e:far").at("start") == "+012345-01-01");
  CHECK(item(doc, "e:far").at("end") == "+012346-01-01");
  CHECK(item(doc, "e:<i>").at("content") == "&lt;i&gt;x&lt;/i&gt;");
  CHECK(item(doc, "e:<i>").at("type") == "box");
  REQUIRE(doc.at("groups").size() == 1);
  CHECK(doc.at("groups").at(0).at("id") == "other");
}
