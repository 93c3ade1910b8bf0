// parley/render/markdown.hpp: a heading, a table whose cells cannot be
// broken by `|`, and claims as nested lists.
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "parley/error.hpp"
#include "parley/render/markdown.hpp"

#include "render_support.hpp"

namespace {

std::string render(const parley::Timeline& t,
                   const parley::RenderOptions& options = {}) {
  std::ostringstream out;
  parley::write_markdown(t, out, options);
  return out.str();
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// The cells of a table row, split at `|` not preceded by a backslash, as
// GitHub-flavoured Markdown reads them, with escapes removed.
std::vector<std::string> cells(const std::string& row) {
  std::vector<std::string> out;
  std::string cell;
  for (std::size_t i = 1; i < row.size(); ++i) {  // skip the leading |
    if (row[i] == '\\' && i + 1 < row.size()) {
      cell += row[++i];
    } else if (row[i] == '|') {
      out.push_back(cell.size() >= 2 ? cell.substr(1, cell.size() - 2) : "");
      cell.clear();
    } else {
      cell += row[i];
    }
  }
  return out;
}

}  // namespace

TEST_CASE("markdown: heading, header row and one table row per event") {
  auto t = parley::test::astana_timeline();
  t.title = "Astana, February 2017";
  const auto lines = lines_of(render(t));
  REQUIRE(lines.size() > 3);
  CHECK(lines[0] == "# Astana, February 2017");
  CHECK(cells(lines[2]) ==
        std::vector<std::string>{"Date", "Kind", "Title", "Place", "Status"});
  for (std::size_t i = 0; i < t.events.size(); ++i) {
    const auto row = cells(lines.at(4 + i));
    REQUIRE(row.size() == 5);
    CHECK(row[2] == parley::best(t.events[i].title));
  }
}

TEST_CASE("markdown: a | in a title stays inside its cell") {
  parley::Timeline t;
  parley::Event e;
  e.id = parley::EventId{"event:x"};
  e.title = {{"en", "Talks | round *2* [draft]"}};
  e.time = parley::Edtf::parse("2017-02");
  t.events.push_back(e);
  const auto lines = lines_of(render(t));
  const auto row = cells(lines.at(4));
  REQUIRE(row.size() == 5);
  CHECK(row[0] == "Feb 2017");
  CHECK(row[2] == "Talks | round *2* [draft]");
  CHECK(lines.at(4).find("\\|") != std::string::npos);
}

TEST_CASE("markdown: claims as a nested list, Arabic quotes kept") {
  const auto text = render(parley::test::astana_timeline());
  CHECK(text.find("\n- Claims:\n  - denies: Mohammed Alloush\n") !=
        std::string::npos);
  CHECK(text.find("  - asserts: Mohammed Alloush — “دور عربي كبير”") !=
        std::string::npos);
  CHECK(text.find("- planned 2017-02-15, held 2017-02-16, 1 day late") !=
        std::string::npos);
}

TEST_CASE("markdown: Arabic titles in the table when asked for") {
  parley::RenderOptions options;
  options.lang = "ar";
  const auto t = parley::test::astana_timeline();
  const auto lines = lines_of(render(t, options));
  bool found = false;
  for (const auto& line : lines) {
    if (line.starts_with("|") && cells(line).size() == 5 &&
        cells(line)[2] == "الجولة الثانية من اجتماع أستانا") {
      found = true;
    }
  }
  CHECK(found);
}

TEST_CASE("markdown: a failed stream is an io error") {
  std::ostringstream out;
  out.setstate(std::ios::badbit);
  CHECK_THROWS_AS(parley::write_markdown(parley::test::astana_timeline(), out),
                  parley::Error);
}
