// parley/render/text.hpp: aligned columns that count code points, honest
// dates, the plan against what happened, times of day and claims.
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "parley/error.hpp"
#include "parley/render/text.hpp"

#include "render_support.hpp"

namespace {

std::string render(const parley::Timeline& t,
                   const parley::RenderOptions& options = {}) {
  std::ostringstream out;
  parley::write_text(t, out, options);
  return out.str();
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// The index of the line that starts the row of the event titled `title`.
std::size_t row_of(const std::vector<std::string>& lines,
                   const std::string& title) {
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!lines[i].starts_with(" ") &&
        lines[i].find(title) != std::string::npos) {
      return i;
    }
  }
  FAIL("no row for " << title);
  return 0;
}

// Code points before byte offset `bytes` (the test strings have no
// combining marks).
std::size_t code_points(const std::string& s, std::size_t bytes) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < bytes; ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++n;
  }
  return n;
}

}  // namespace

TEST_CASE("text: the planned/actual slip line under the Astana round") {
  const auto t = parley::test::astana_timeline();
  const parley::Event* round = t.event(parley::EventId{"event:astana-2"});
  REQUIRE(round);
  REQUIRE(round->planned);
  const auto lines = lines_of(render(t));
  const auto row = row_of(lines, parley::best(round->title));
  REQUIRE(row + 1 < lines.size());
  // Planned for the 15th, held on the 16th: one day late.
  CHECK(lines[row + 1] == "    planned " + round->planned->str() + ", held " +
                              round->time.str() + ", 1 day late");
  CHECK(lines[row + 2] == "    status: held");
}

TEST_CASE("text: each claim's stance and speaker, indented below its event") {
  const auto lines = lines_of(render(parley::test::astana_timeline()));
  const auto committee =
      row_of(lines, "Agreement to form a ceasefire committee");
  CHECK(lines.at(committee + 1) == "    denies: Mohammed Alloush");
  const auto jaafari =
      row_of(lines, "Government delegation: Astana produced no new agreement");
  CHECK(lines.at(jaafari + 1).starts_with("    asserts: Bashar al-Jaafari"));
  CHECK(lines.at(jaafari + 1).find("لم تتمخض عن أي اتفاق جديد") !=
        std::string::npos);
}

TEST_CASE("text: a time of day with its zone") {
  const auto lines = lines_of(render(parley::test::astana_timeline()));
  const auto session = row_of(lines, "first morning consultation");
  CHECK(lines.at(session + 1).starts_with("    time: 06:00–12:00 Asia/Almaty"));
  CHECK(lines.at(session + 1).find("morning") != std::string::npos);
}

TEST_CASE("text: imprecise dates are shown as what is known") {
  parley::Timeline t;
  t.events = {parley::test::make_event("e:month", "2017-02", "month"),
              parley::test::make_event("e:digit", "2017-02-1X", "digit"),
              parley::test::make_event("e:open", "2017-02-15/..", "open"),
              parley::test::make_event("e:unknown", "/2017-02-16", "unknown"),
              parley::test::make_event("e:before", "[..2017-02-16]", "before"),
              parley::test::make_event("e:maybe", "2017-02-16?", "maybe"),
              parley::test::make_event("e:about", "2017-02-16~", "about")};
  const auto lines = lines_of(render(t));
  const auto date_of = [&](const char* title) {
    return lines.at(row_of(lines, std::string("  meeting  ") + title));
  };
  CHECK(date_of("month").starts_with("Feb 2017 "));
  CHECK(date_of("digit").starts_with("2017-02-1? "));
  CHECK(date_of("open").starts_with("2017-02-15 – open "));
  CHECK(date_of("unknown").starts_with("unknown – 2017-02-16 "));
  CHECK(date_of("before").starts_with("on or before 2017-02-16 "));
  CHECK(date_of("maybe").starts_with("2017-02-16? "));
  CHECK(date_of("about").starts_with("c. 2017-02-16 "));
}

TEST_CASE("text: columns align by code points, with Arabic titles") {
  parley::Timeline t;
  auto a = parley::test::make_event("e:a", "2017-02-16", "x");
  a.title = {{"ar", "الجولة الثانية من اجتماع أستانا"}};
  a.place = parley::PlaceId{"p:a"};
  auto b = parley::test::make_event("e:b", "2017-02-17", "Second round");
  b.place = parley::PlaceId{"p:b"};
  parley::Place pa;
  pa.id = parley::PlaceId{"p:a"};
  pa.names = {{"en", "PLACE-A"}};
  parley::Place pb = pa;
  pb.id = parley::PlaceId{"p:b"};
  pb.names = {{"en", "PLACE-B"}};
  t.places = {{pa.id, pa}, {pb.id, pb}};
  t.events = {a, b};
  parley::RenderOptions options;
  options.lang = "ar";
  const auto lines = lines_of(render(t, options));
  const auto ra = lines.at(row_of(lines, "PLACE-A"));
  const auto rb = lines.at(row_of(lines, "PLACE-B"));
  const auto header = lines.at(row_of(lines, "PLACE"));
  // The Arabic title is 31 code points and 57 bytes: counting bytes would
  // push PLACE-A to the right.
  CHECK(code_points(ra, ra.find("PLACE-A")) ==
        code_points(rb, rb.find("PLACE-B")));
  CHECK(code_points(header, header.find("PLACE")) ==
        code_points(rb, rb.find("PLACE-B")));
  CHECK(code_points(ra, ra.find("PLACE-A")) ==
        std::string("2017-02-16  meeting  ").size() + 31 + 2);
  // No trailing spaces.
  for (const auto& line : lines) {
    CHECK((line.empty() || line.back() != ' '));
  }
}

TEST_CASE("text: a failed stream is an io error") {
  std::ostringstream out;
  out.setstate(std::ios::badbit);
  CHECK_THROWS_AS(parley::write_text(parley::test::astana_timeline(), out),
                  parley::Error);
}
