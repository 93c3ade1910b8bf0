// parley/render/icalendar.hpp: the RFC 5545 rules that calendar programs
// rely on (CRLF, folding at 75 octets without splitting UTF-8, escaping,
// UID and DTSTAMP) and the date policies of the header.
#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "parley/error.hpp"
#include "parley/render/icalendar.hpp"

#include "render_support.hpp"

namespace {

parley::RenderOptions at_report_time() {
  parley::RenderOptions options;
  options.generated_at = parley::parse_record_time("2017-02-16T18:00:00Z");
  return options;
}

std::string render(const parley::Timeline& t,
                   const parley::RenderOptions& options = at_report_time()) {
  std::ostringstream out;
  parley::write_icalendar(t, out, options);
  return out.str();
}

// The physical lines, each checked to end with CRLF.
std::vector<std::string> physical_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto lf = text.find('\n', start);
    REQUIRE(lf != std::string::npos);
    REQUIRE_MESSAGE(lf > start, "empty line or bare LF");
    REQUIRE_MESSAGE(text[lf - 1] == '\r', "LF without CR");
    lines.push_back(text.substr(start, lf - 1 - start));
    start = lf + 1;
  }
  return lines;
}

// Strict UTF-8 (no overlongs, no surrogates, nothing beyond U+10FFFF).
bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    int n = 0;
    unsigned min = 0;
    unsigned cp = 0;
    if (b < 0x80) {
      ++i;
      continue;
    } else if ((b & 0xE0) == 0xC0) {
      n = 1, min = 0x80, cp = b & 0x1F;
    } else if ((b & 0xF0) == 0xE0) {
      n = 2, min = 0x800, cp = b & 0x0F;
    } else if ((b & 0xF8) == 0xF0) {
      n = 3, min = 0x10000, cp = b & 0x07;
    } else {
      return false;
    }
    for (int k = 1; k <= n; ++k) {
      if (i + k >= s.size()) return false;
      const auto c = static_cast<unsigned char>(s[i + k]);
      if ((c & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (c & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    i += 1 + n;
  }
  return true;
}

// Content lines after unfolding (RFC 5545 §3.1), with the folding rules
// checked on the way: at most 75 octets a line, continuations start with
// one space (removed on unfolding), and every physical line is valid UTF-8 on
// its own.
std::vector<std::string> content_lines(const std::string& text) {
  std::vector<std::string> out;
  for (const std::string& line : physical_lines(text)) {
    CHECK_MESSAGE(line.size() <= 75, "over 75 octets: " << line);
    CHECK_MESSAGE(valid_utf8(line), "split UTF-8 sequence: " << line);
    if (line[0] == ' ') {
      REQUIRE(!out.empty());
      CHECK_MESSAGE(line.size() > 1, "an empty continuation");
      out.back() += line.substr(1);
    } else {
      out.push_back(line);
    }
  }
  return out;
}

// The VEVENTs: each a list of content lines without BEGIN/END.
std::vector<std::vector<std::string>> vevents(const std::string& text) {
  std::vector<std::vector<std::string>> out;
  bool inside = false;
  for (const std::string& line : content_lines(text)) {
    if (line == "BEGIN:VEVENT") {
      inside = true;
      out.emplace_back();
    } else if (line == "END:VEVENT") {
      inside = false;
    } else if (inside) {
      out.back().push_back(line);
    }
  }
  return out;
}

// The value of `name` in one VEVENT ("" when absent); `name` includes any
// parameters: "DTSTART;VALUE=DATE".
std::string property(const std::vector<std::string>& event,
                     const std::string& name) {
  for (const std::string& line : event) {
    if (line.starts_with(name + ":")) return line.substr(name.size() + 1);
  }
  return "";
}

const std::vector<std::string>* with_uid(
    const std::vector<std::vector<std::string>>& events,
    const std::string& uid) {
  for (const auto& e : events) {
    if (property(e, "UID") == uid) return &e;
  }
  return nullptr;
}

// An event with status scheduled (parley::test::make_event otherwise).
parley::Event scheduled_event(const char* id, const char* time) {
  parley::Event event = parley::test::make_event(id, time);
  event.status = parley::Status::scheduled;
  return event;
}

}  // namespace

TEST_CASE("icalendar: calendar frame, one VEVENT per scheduled event") {
  const auto t = parley::test::astana_timeline();
  const std::string text = render(t);
  const auto lines = content_lines(text);
  REQUIRE(lines.size() > 4);
  CHECK(lines.front() == "BEGIN:VCALENDAR");
  CHECK(lines.back() == "END:VCALENDAR");
  CHECK(std::find(lines.begin(), lines.end(), "VERSION:2.0") != lines.end());
  CHECK(std::count_if(lines.begin(), lines.end(), [](const std::string& l) {
          return l.starts_with("PRODID:");
        }) == 1);

  std::size_t expected = 0;
  for (const auto& e : t.events) {
    if (e.planned || e.status != parley::Status::none) ++expected;
  }
  const auto events = vevents(text);
  CHECK(expected == 2);  // the Astana round and the Geneva round
  CHECK(events.size() == expected);
  for (const auto& e : events) {
    CHECK(property(e, "DTSTAMP") == "20170216T180000Z");
    CHECK(property(e, "UID").ends_with("@parley"));
  }
}

TEST_CASE(
    "icalendar: Geneva on 2017-02-23, tentative before, confirmed after") {
  const auto check_geneva = [](const parley::Timeline& t, const char* status) {
    const auto events = vevents(render(t));
    const auto* geneva = with_uid(events, "event:geneva-4@parley");
    REQUIRE(geneva);
    CHECK(property(*geneva, "DTSTART;VALUE=DATE") == "20170223");
    CHECK(property(*geneva, "DTEND;VALUE=DATE") == "20170224");  // exclusive
    CHECK(property(*geneva, "STATUS") == status);
    CHECK(property(*geneva, "LOCATION") == "Geneva\\, Switzerland");
    CHECK(property(*geneva, "GEO") == "46.2044;6.1432");  // lat;lon
  };
  parley::ReadOptions before;
  before.as_of = parley::parse_record_time("2017-02-20T00:00:00Z");
  check_geneva(parley::test::astana_timeline(before), "TENTATIVE");
  check_geneva(parley::test::astana_timeline(), "CONFIRMED");
}

TEST_CASE("icalendar: the Astana round shows the slip in DESCRIPTION") {
  const auto events = vevents(render(parley::test::astana_timeline()));
  const auto* round = with_uid(events, "event:astana-2@parley");
  REQUIRE(round);
  CHECK(property(*round, "DTSTART;VALUE=DATE") == "20170216");
  CHECK(property(*round, "STATUS") == "CONFIRMED");
  CHECK(property(*round, "DESCRIPTION")
            .find("planned 2017-02-15\\, held 2017-02-16\\, 1 day late") !=
        std::string::npos);
}

TEST_CASE("icalendar: TEXT escaping of backslash, semicolon, comma, newline") {
  parley::Timeline t;
  auto e = scheduled_event("event:x", "2017-02-23");
  e.title = {{"en", "a\\b; c, d\ne"}};
  t.events.push_back(e);
  const auto events = vevents(render(t));
  REQUIRE(events.size() == 1);
  CHECK(property(events[0], "SUMMARY") == "a\\\\b\\; c\\, d\\ne");
}

TEST_CASE(
    "icalendar: a long Arabic title folds at 75 octets, never in a "
    "UTF-8 sequence") {
  parley::Timeline t;
  auto e = scheduled_event("event:x", "2017-02-23");
  std::string title;
  for (int i = 0; i < 6; ++i) title += "الجولة الثانية من اجتماع أستانا ";
  // An odd ASCII prefix moves the two-octet letters off even boundaries.
  title = "x" + title;
  e.title = {{"en", title}};
  t.events.push_back(e);
  const std::string text = render(t);
  bool folded = false;
  for (const auto& line : physical_lines(text)) {
    if (line.starts_with(" ")) folded = true;
  }
  CHECK(folded);
  const auto events = vevents(text);  // checks length and UTF-8 per line
  REQUIRE(events.size() == 1);
  CHECK(property(events[0], "SUMMARY") == title);
}

TEST_CASE("icalendar: a time of day in its zone becomes UTC") {
  parley::Timeline t;
  auto e = scheduled_event("event:session", "2017-02-16");
  // Astana (Asia/Almaty) was UTC+06 in February 2017.
  e.time_of_day = parley::TimeOfDay{"06:00", "12:00", "Asia/Almaty", "morning"};
  t.events.push_back(e);
  const auto events = vevents(render(t));
  REQUIRE(events.size() == 1);
  CHECK(property(events[0], "DTSTART") == "20170216T000000Z");
  CHECK(property(events[0], "DTEND") == "20170216T060000Z");
  for (const auto& line : events[0])
    CHECK(line.find("TZID") == std::string::npos);
}

TEST_CASE(
    "icalendar: imprecise dates span their period with a note, "
    "open ones and unscheduled events are left out") {
  parley::Timeline t;
  t.events.push_back(scheduled_event("event:month", "2017-03"));
  t.events.push_back(scheduled_event("event:maybe", "2017-02-16?"));
  t.events.push_back(scheduled_event("event:open", "[..2017-02-16]"));
  auto statement = scheduled_event("event:said", "2017-02-16");
  statement.status = parley::Status::none;
  t.events.push_back(statement);
  auto cancelled = scheduled_event("event:off", "2017-02-20");
  cancelled.status = parley::Status::cancelled;
  t.events.push_back(cancelled);

  const auto events = vevents(render(t));
  CHECK(events.size() == 3);
  CHECK_FALSE(with_uid(events, "event:open@parley"));
  CHECK_FALSE(with_uid(events, "event:said@parley"));

  const auto* month = with_uid(events, "event:month@parley");
  REQUIRE(month);
  CHECK(property(*month, "DTSTART;VALUE=DATE") == "20170301");
  CHECK(property(*month, "DTEND;VALUE=DATE") == "20170401");
  CHECK(property(*month, "STATUS") == "TENTATIVE");
  CHECK(property(*month, "DESCRIPTION").find("EDTF 2017-03") !=
        std::string::npos);

  const auto* maybe = with_uid(events, "event:maybe@parley");
  REQUIRE(maybe);
  CHECK(property(*maybe, "DTSTART;VALUE=DATE") == "20170216");
  CHECK(property(*maybe, "DESCRIPTION").find("EDTF 2017-02-16?") !=
        std::string::npos);

  const auto* off = with_uid(events, "event:off@parley");
  REQUIRE(off);
  CHECK(property(*off, "STATUS") == "CANCELLED");
}

TEST_CASE("icalendar: a failed stream is an io error") {
  std::ostringstream out;
  out.setstate(std::ios::badbit);
  CHECK_THROWS_AS(parley::write_icalendar(parley::test::astana_timeline(), out),
                  parley::Error);
}
