#include "parley/render/text.hpp"

#include <array>
#include <string>
#include <vector>

#include "render/format_time.hpp"

namespace parley {
namespace {

using detail::display_width;
using detail::pad_right;

constexpr std::size_t column_count = 4;
using Row = std::array<std::string, column_count>;

// The lines below an event, already indented.
std::vector<std::string> details(const Timeline& t, const Event& e,
                                 std::string_view lang) {
  std::vector<std::string> out;
  if (const auto plan = detail::plan_line(e); !plan.empty()) {
    out.push_back(plan);
  }
  if (e.status != Status::none) {
    out.push_back("status: " + std::string(to_string(e.status)));
  }
  if (e.time_of_day) {
    out.push_back("time: " + detail::display_time_of_day(
                                 *e.time_of_day, detail::first_day(e.time)));
  }
  for (const Claim* c : t.claims_on(e.id)) {
    std::string line = std::string(to_string(c->stance)) + ": " +
                       detail::claimant_name(t, *c, lang);
    if (!c->quote.empty()) line += " — “" + c->quote + "”";
    out.push_back(line);
  }
  return out;
}

}  // namespace

void write_text(const Timeline& timeline, std::ostream& out,
                const RenderOptions& options) {
  const std::string_view lang = options.lang;
  std::vector<Row> rows;
  rows.push_back({"DATE", "KIND", "TITLE", "PLACE"});
  for (const Event& e : timeline.events) {
    rows.push_back({detail::display_date(e.time),
                    std::string(to_string(e.kind())), best(e.title, lang),
                    detail::place_name(timeline, e, lang)});
  }
  std::array<std::size_t, column_count> width{};
  for (const Row& row : rows) {
    for (std::size_t i = 0; i < column_count; ++i) {
      width[i] = std::max(width[i], display_width(row[i]));
    }
  }
  auto write_row = [&](const Row& row) {
    std::string line;
    for (std::size_t i = 0; i < column_count; ++i) {
      if (i) line += "  ";
      line += i + 1 < column_count ? pad_right(row[i], width[i]) : row[i];
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out << line << '\n';
  };

  const std::string title = detail::document_title(timeline, options);
  out << title << '\n' << std::string(display_width(title), '=') << "\n\n";
  write_row(rows[0]);
  for (std::size_t i = 0; i < timeline.events.size(); ++i) {
    write_row(rows[i + 1]);
    for (const std::string& line :
         details(timeline, timeline.events[i], lang)) {
      out << "    " << line << '\n';
    }
  }
  out.flush();
  detail::check_stream(out, "text");
}

}  // namespace parley
