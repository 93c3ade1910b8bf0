// parley/render/mermaid.hpp: Mermaid timeline and gantt text. The browser
// test (tests/browser.test.sh) has Mermaid itself parse and draw them; these
// check the escapes and the structure against the data.
#include <regex>
#include <sstream>
#include <vector>

#include <doctest/doctest.h>

#include "parley/database.hpp"
#include "parley/render/mermaid.hpp"

#include "render_support.hpp"

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in{text};
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// The text with Mermaid's entity codes removed: what is left must hold no
// syntax character.
std::string without_codes(const std::string& text) {
  return std::regex_replace(text, std::regex("#[0-9]+;"), "");
}

std::string timeline_text(const parley::Timeline& t,
                          const parley::RenderOptions& o = {}) {
  std::ostringstream out;
  parley::write_mermaid_timeline(t, out, o);
  return out.str();
}

std::string gantt_text(const parley::Timeline& t,
                       const parley::RenderOptions& o = {}) {
  std::ostringstream out;
  parley::write_mermaid_gantt(t, out, o);
  return out.str();
}

parley::Timeline tricky() {
  parley::Timeline t;
  parley::Process p;
  p.id = parley::ProcessId{"process:a"};
  p.names = {{"en", "Track: A #1; main"}};
  t.processes[p.id] = p;
  auto a =
      parley::test::make_event("e:a", "2017-02-16", "Talks: day #2; closing");
  a.process = p.id;
  a.planned = parley::Edtf::parse("2017-02-15");
  a.status = parley::Status::held;
  auto b = parley::test::make_event("e:b", "[..2017-02-16]", "Timeline: 10:30");
  b.process = p.id;
  t.events = {b, a, parley::test::make_event("e:c", "2017-02~", "Plain")};
  return t;
}

}  // namespace

TEST_CASE("mermaid timeline: no raw colon, hash or semicolon from titles") {
  parley::RenderOptions o;
  o.title = "Astana: round #2; notes";
  const std::string text = timeline_text(tricky(), o);
  const auto lines = lines_of(text);
  REQUIRE(lines.size() >= 4);
  CHECK(lines[0] == "timeline");
  CHECK(lines[1] == "    title Astana#58; round #35;2#59; notes");
  int periods = 0;
  for (const std::string& line : lines) {
    if (line.rfind("        ", 0) != 0) {  // title and section lines
      CHECK(without_codes(line).find_first_of(":#;") == std::string::npos);
      continue;
    }
    ++periods;
    // "period : event : event": the separators are the only colons.
    const std::string bare = without_codes(line);
    std::size_t separators = 0;
    for (std::size_t at = bare.find(" : "); at != std::string::npos;
         at = bare.find(" : ", at + 3)) {
      ++separators;
    }
    std::size_t colons = 0;
    for (char c : bare) colons += c == ':';
    CHECK(colons == separators);
    CHECK(bare.find_first_of("#;") == std::string::npos);
    // No period starts with "Timeline".
    CHECK(line.substr(8, 8) != "Timeline");
  }
  CHECK(periods == 3);
  CHECK(text.find("Talks#58; day #35;2#59; closing (1 day late)") !=
        std::string::npos);
  CHECK(text.find("section Track#58; A #35;1#59; main") != std::string::npos);
  CHECK(text.find("section Other") != std::string::npos);
  CHECK(text.find("on or before 16 Feb 2017 : Timeline#58; 10#58;30") !=
        std::string::npos);
}

TEST_CASE("mermaid timeline: every Astana event once, sections per process") {
  const parley::Timeline t = parley::test::astana_timeline();
  const std::string text = timeline_text(t);
  for (const auto& [id, p] : t.processes) {
    CHECK(text.find("    section " + parley::best(p.names) + "\n") !=
          std::string::npos);
  }
  for (const parley::Event& e : t.events) {
    std::string title;
    for (char c : parley::best(e.title)) {
      if (c == ':')
        title += "#58;";
      else if (c == ';')
        title += "#59;";
      else
        title += c;
    }
    CAPTURE(e.id.value);
    CHECK(text.find(" : " + title.substr(0, 20)) != std::string::npos);
  }
}

TEST_CASE("mermaid gantt: day bounds, envelopes, clipped open ends, slips") {
  const std::string text = gantt_text(tricky());
  CHECK(text.find("    dateFormat YYYY-MM-DD\n") != std::string::npos);
  // The planned task, then the actual one marked crit.
  CHECK(text.find("planned#58; Talks#58; day #35;2#59; closing : done, ") !=
        std::string::npos);
  const std::regex actual(
      "Talks#58; day #35;2#59; closing \\(1 day late\\) : crit, e[0-9]+, "
      "2017-02-16, 1d");
  CHECK(std::regex_search(text, actual));
  // Open start clipped to the earliest day of the others (2017-02-01, the
  // start of "2017-02~"), ending with its day.
  CHECK(std::regex_search(text, std::regex("Timeline#58; 10#58;30 : e[0-9]+, "
                                           "2017-02-01, 16d")));
  CHECK(
      std::regex_search(text, std::regex("Plain : e[0-9]+, 2017-02-01, 28d")));
  for (const std::string& line : lines_of(text)) {
    if (line.rfind("    ", 0) != 0 || line.rfind("    title", 0) == 0 ||
        line.rfind("    dateFormat", 0) == 0 ||
        line.rfind("    axisFormat", 0) == 0 ||
        line.rfind("    section", 0) == 0) {
      continue;
    }
    // "name : tags, id, start, length": the name holds no raw colon.
    const std::string bare = without_codes(line);
    CHECK(std::count(bare.begin(), bare.end(), ':') == 1);
  }
}

TEST_CASE("mermaid gantt: BCE events are left out and named") {
  parley::Timeline t;
  t.events = {parley::test::make_event("e:ides", "-0043-03-15", "Ides"),
              parley::test::make_event("e:ok", "2017-02-16", "Fine")};
  const std::string text = gantt_text(t);
  CHECK(text.find("Ides") == std::string::npos);
  CHECK(text.find("%% left out (no Gantt date): e#58;ides") !=
        std::string::npos);
  CHECK(std::regex_search(text, std::regex("Fine : e[0-9]+, 2017-02-16, 1d")));
}
