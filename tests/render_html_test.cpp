// parley/render/html.hpp: the self-contained page. The browser test
// (tests/browser.test.sh) loads it in chromium; these check what the page
// says against the data.
#include <zlib.h>

#include <cstdint>
#include <regex>
#include <sstream>

#include <date/date.h>
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "parley/database.hpp"
#include "parley/error.hpp"
#include "parley/payload.hpp"
#include "parley/render/html.hpp"

#include "render_support.hpp"

namespace {

using parley::test::count;

std::string html_of(const parley::Timeline& t,
                    const parley::RenderOptions& o = {}) {
  std::ostringstream out;
  parley::write_html(t, out, o);
  return out.str();
}

}  // namespace

TEST_CASE("html: self-contained, one row and one mark per event, lanes") {
  const parley::Timeline t = parley::test::astana_timeline();
  const std::string page = html_of(t);
  CHECK(page.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(count(page, "<script") == 1);
  CHECK(count(page, "<script>") == 1);  // inline, no src
  CHECK(page.find("<link") == std::string::npos);
  CHECK(page.find("@import") == std::string::npos);
  // The only URL is the SVG namespace name, which is not fetched.
  const std::string without_ns = std::regex_replace(
      page, std::regex("http://www\\.w3\\.org/2000/svg"), "");
  CHECK(without_ns.find("http:") == std::string::npos);
  CHECK(without_ns.find("https:") == std::string::npos);
  CHECK(count(page, "<div class=\"row") == t.events.size());
  CHECK(count(page, "<g class=\"ev\"") == t.events.size());
  for (const auto& [id, p] : t.processes) {
    bool used = false;
    for (const auto& e : t.events) used = used || e.process == id;
    if (!used) continue;
    CHECK(page.find(">" + parley::best(p.names) + "</bdi></div>") !=
          std::string::npos);
  }
  // UNSC 2254 has no process: it goes to the "Other" lane.
  CHECK(page.find(">Other</bdi></div>") != std::string::npos);
  CHECK(page.find("<svg") != std::string::npos);
  CHECK(page.find("Legend") != std::string::npos);
}

TEST_CASE("html: Arabic titles right to left, with lang") {
  const parley::Timeline t = parley::test::astana_timeline();
  const std::string page = html_of(t);
  for (const auto& e : t.events) {
    const auto ar = e.title.find("ar");
    if (ar == e.title.end()) continue;
    CAPTURE(e.id.value);
    CHECK(page.find("dir=\"rtl\" lang=\"ar\">" + ar->second + "</bdi>") !=
          std::string::npos);
  }
  // In Arabic, the titles themselves are isolated with dir="auto".
  parley::RenderOptions ar;
  ar.lang = "ar";
  const std::string arabic = html_of(t, ar);
  CHECK(arabic.find("<html lang=\"ar\">") != std::string::npos);
  CHECK(arabic.find("<bdi dir=\"auto\" lang=\"ar\">الجولة الثانية من اجتماع "
                    "أستانا</bdi>") != std::string::npos);
}

TEST_CASE("html: claims as badges with their speaker, a denial styled apart") {
  const parley::Timeline t = parley::test::astana_timeline();
  const std::string page = html_of(t);
  std::size_t denials = 0;
  for (const parley::Claim& c : t.claims) {
    if (!c.claimant) continue;
    std::string name;  // as HTML
    for (char ch : parley::best(t.actor(*c.claimant)->names)) {
      name += ch == '\'' ? std::string("&#39;") : std::string(1, ch);
    }
    CAPTURE(c.id.value);
    if (c.stance == parley::Stance::denies) {
      ++denials;
      CHECK(page.find("<span class=\"badge denies\"") != std::string::npos);
      CHECK(page.find("✗ <bdi dir=\"auto\" lang=\"und\">" + name + "</bdi>") !=
            std::string::npos);
    } else {
      CHECK(page.find("<bdi dir=\"auto\" lang=\"und\">" + name + "</bdi>") !=
            std::string::npos);
    }
  }
  // Row badges carry a title; the legend's sample does not.
  CHECK(count(page, "<span class=\"badge denies\" title=") == denials);
}

TEST_CASE("html: planned versus actual, with the slip in days") {
  const parley::Timeline t = parley::test::astana_timeline();
  const std::string page = html_of(t);
  int slipped = 0;
  for (const auto& e : t.events) {
    if (!e.planned || *e.planned == e.time) continue;
    ++slipped;
    const auto days =
        (*e.time.bounds().earliest_start - *e.planned->bounds().earliest_start)
            .count();
    CHECK(days == 1);
    CHECK(page.find("<text class=\"slip\"") != std::string::npos);
    CHECK(page.find(">1 day late</text>") != std::string::npos);
  }
  CHECK(count(page, "<rect class=\"planned\"") == slipped);
}

TEST_CASE("html: imprecise values as faded ranges, open starts still drawn") {
  parley::Timeline t;
  t.events = {
      parley::test::make_event("e:open", "[..2017-02-16]", "Open"),
      parley::test::make_event("e:month", "2017-02", "Month"),
      parley::test::make_event("e:span", "2017-02-15/2017-02-16", "Span"),
      parley::test::make_event("e:day", "2017-02-20", "Day")};
  const std::string page = html_of(t);
  // Two gradient ranges (open, month); span and day are certain.
  CHECK(count(page, "<rect class=\"range\"") == 2);
  CHECK(count(page, "<linearGradient id=\"gd") == 2);
  // The open start is clipped to the axis with an arrow.
  CHECK(count(page, "<path class=\"open\"") == 1);
  CHECK(page.find("stop-opacity=\"0\"") != std::string::npos);
}

TEST_CASE("html: text from the data is escaped") {
  parley::Timeline t;
  auto e = parley::test::make_event("e:x", "2017-02-16",
                                    "<script>alert(1)</script> & \"q\"");
  e.summary = {{"en", "<img src=x onerror=alert(1)>"}};
  t.events = {e};
  parley::RenderOptions o;
  o.title = "<b>T</b>";
  const std::string page = html_of(t, o);
  CHECK(page.find("<script>alert") == std::string::npos);
  CHECK(page.find("<img") == std::string::npos);
  CHECK(page.find("<b>T") == std::string::npos);
  CHECK(
      page.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;") !=
      std::string::npos);
  CHECK(count(page, "<script>") == 1);

  std::ostringstream bad;
  bad.setstate(std::ios::badbit);
  CHECK_THROWS_AS(parley::write_html(t, bad), parley::Error);
}

TEST_CASE("html: an empty timeline and a malformed time of day still render") {
  CHECK(html_of(parley::Timeline{}).find("</html>") != std::string::npos);
  parley::Timeline t;
  auto e = parley::test::make_event("e:s", "2017-02-16", "Session");
  e.time_of_day = parley::TimeOfDay{"morning", "", "", ""};
  t.events = {e};
  const std::string page = html_of(t);
  CHECK(count(page, "<g class=\"ev\"") == 1);
}

namespace {

// Base64 (RFC 4648) decoded; fails the test on a character outside the
// alphabet.
std::string from_base64(std::string_view text) {
  const std::string alphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::uint32_t bits = 0;
  int count = 0;
  for (char c : text) {
    if (c == '=') break;
    const auto value = alphabet.find(c);
    REQUIRE(value != std::string::npos);
    bits = (bits << 6) | static_cast<std::uint32_t>(value);
    if ((count += 6) >= 8) {
      count -= 8;
      out += static_cast<char>((bits >> count) & 0xFF);
    }
  }
  return out;
}

// A gzip member inflated with zlib.
std::string gunzip(const std::string& bytes) {
  z_stream stream{};
  REQUIRE(inflateInit2(&stream, 15 + 16) == Z_OK);
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  stream.avail_in = static_cast<uInt>(bytes.size());
  std::string out;
  char buffer[1 << 16];
  int status = Z_OK;
  while (status == Z_OK) {
    stream.next_out = reinterpret_cast<Bytef*>(buffer);
    stream.avail_out = sizeof buffer;
    status = inflate(&stream, Z_NO_FLUSH);
    out.append(buffer, sizeof buffer - stream.avail_out);
  }
  inflateEnd(&stream);
  REQUIRE(status == Z_STREAM_END);
  return out;
}

// The data object of an overview page: the text between its <script
// type="application/gzip" id="parley-data"> and </script>, base64 of gzip
// of JSON.
nlohmann::json overview_data(const std::string& page) {
  const std::string open =
      "<script type=\"application/gzip\" id=\"parley-data\">";
  const auto from = page.find(open);
  REQUIRE(from != std::string::npos);
  const auto to = page.find("</script>", from);
  REQUIRE(to != std::string::npos);
  return nlohmann::json::parse(gunzip(
      from_base64(page.substr(from + open.size(), to - from - open.size()))));
}

long long day_number(date::year_month_day day) {
  return date::sys_days(day).time_since_epoch().count();
}

parley::RenderOptions overview_options() {
  parley::RenderOptions options;
  options.html_detail_limit = 2;
  return options;
}

}  // namespace

TEST_CASE("html: up to html_detail_limit events, the detailed page") {
  const parley::Timeline t = parley::test::astana_timeline();
  parley::RenderOptions options;
  options.html_detail_limit = t.events.size();
  const std::string page = html_of(t, options);
  CHECK(count(page, "<div class=\"row") == t.events.size());
  CHECK(page.find("parley-data") == std::string::npos);
  options.html_detail_limit = t.events.size() - 1;
  CHECK(html_of(t, options).find("parley-data") != std::string::npos);
}

TEST_CASE("html: the overview page holds every event as data, in order") {
  const parley::Timeline t = parley::test::astana_timeline();
  const std::string page = html_of(t, overview_options());
  CHECK(page.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(page.find("<link") == std::string::npos);
  CHECK(page.find("http:") == std::string::npos);
  CHECK(page.find("https:") == std::string::npos);
  CHECK(count(page, "<script") == 2);  // the data and the inline script
  const nlohmann::json data = overview_data(page);
  const nlohmann::json& columns = data["events"];
  REQUIRE(columns["id"].size() == t.events.size());
  for (const char* field :
       {"lane", "start", "length", "kind", "label", "title", "place", "who"}) {
    CHECK(columns[field].size() == t.events.size());
  }
  for (std::size_t i = 0; i < t.events.size(); ++i) {
    const parley::Event& e = t.events[i];
    CHECK(data["id_prefix"].get<std::string>() +
              columns["id"][i].get<std::string>() ==
          e.id.value);
    CHECK(data["kinds"][columns["kind"][i].get<std::size_t>()] ==
          to_string(e.kind()));
    CHECK(columns["title"][i] == parley::best(e.title));
    const auto& lane = data["lanes"][columns["lane"][i].get<std::size_t>()];
    const parley::Process* process =
        e.process ? t.process(*e.process) : nullptr;
    CHECK(lane[0] == (process ? parley::best(process->names) : "Other"));
    // The place index leads up the place's path.
    if (e.place) {
      std::vector<std::string> path;
      for (long long p = columns["place"][i]; p >= 0;) {
        const auto& place = data["places"][static_cast<std::size_t>(p)];
        path.push_back(place[0]);
        p = place[1];
      }
      std::vector<std::string> expected;
      for (const parley::Place* place : t.place_path(*e.place)) {
        expected.push_back(parley::best(place->names));
      }
      CHECK(path == expected);
    } else {
      CHECK(columns["place"][i] == -1);
    }
  }
}

TEST_CASE("html: overview rows carry days, actors with roles and deaths") {
  parley::Timeline t;
  parley::Actor army;
  army.id = parley::ActorId{"actor:army"};
  army.names = {{"en", "The army"}};
  t.actors[army.id] = army;
  parley::Hostilities strike;
  strike.perpetrator = army.id;
  strike.deaths = {1, 3, std::nullopt};
  t.events = {
      parley::test::make_event("e:strike", "2016-03-01", "Strike", strike),
      parley::test::make_event("e:month", "2017-02", "Month"),
      parley::test::make_event("e:open", "[..2017-02-16]", "Open")};
  t.events[1].participants = {{army.id, parley::Role::host}};
  const nlohmann::json data = overview_data(html_of(t, overview_options()));
  const nlohmann::json& columns = data["events"];
  using namespace date::literals;
  // Starts are steps from the previous start; lengths are days, the end
  // exclusive.
  const long long strike_day = day_number(2016_y / 3 / 1);
  const long long month_day = day_number(2017_y / 2 / 1);
  CHECK(columns["start"][0] == strike_day);
  CHECK(columns["length"][0] == 1);
  CHECK(columns["start"][1] == month_day - strike_day);
  CHECK(columns["length"][1] == 28);
  // [..2017-02-16] has no earliest start: drawn on its latest start's day.
  CHECK(columns["start"][2] == day_number(2017_y / 2 / 16) - month_day);
  CHECK(columns["length"][2] == 1);
  CHECK(columns["who"][0] == "0 0");
  CHECK(data["actors"][0] == "The army");
  CHECK(data["roles"][0] == "perpetrator");
  CHECK(columns["who"][1] == "0 1");
  CHECK(data["roles"][1] == "host");
  CHECK(columns["who"][2] == "");
  // Deaths are sparse: only the strike (index 0) has an estimate.
  CHECK(columns["deaths"] == nlohmann::json{0, 1, 3, nullptr});
}

TEST_CASE("html: the overview page's data is base64 inside its element") {
  parley::Timeline t;
  for (const char* title :
       {"</script><script>alert(1)</script>", "<!-- x", "a \u2028 b"}) {
    t.events.push_back(parley::test::make_event(
        "e:" + std::to_string(t.events.size()), "2017-02-16", title));
  }
  parley::RenderOptions options = overview_options();
  options.title = "</title><script>alert(2)</script>";
  const std::string page = html_of(t, options);
  CHECK(count(page, "</script>") == 2);
  CHECK(page.find("<!-- x") == std::string::npos);
  CHECK(page.find("<script>alert") == std::string::npos);
  const nlohmann::json data = overview_data(page);
  CHECK(data["events"]["title"][0] == "</script><script>alert(1)</script>");
  CHECK(data["events"]["title"][2] == "a \u2028 b");
  CHECK(data["title"] == options.title);

  std::ostringstream bad;
  bad.setstate(std::ios::badbit);
  CHECK_THROWS_AS(parley::write_html(t, bad, options), parley::Error);
}
