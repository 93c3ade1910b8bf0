#include "parley/render/text.hpp"

#include <array>
#include <string>
#include <vector>

#include "render/common.hpp"

namespace parley {
namespace {

using namespace render_detail;

constexpr std::size_t column_count = 4;
using Row = std::array<std::string, column_count>;

// The lines below an event, already indented.
// Bidi controls in the data are shown escaped ("<U+202E>"), so they cannot
// reorder the line around them.
std::vector<std::string> details(const Timeline& timeline, const Event& event,
                                 std::string_view lang) {
  std::vector<std::string> out;
  if (const auto plan = plan_line(event); !plan.empty()) {
    out.push_back(plan);
  }
  if (event.status != Status::none) {
    out.push_back("status: " + std::string(to_string(event.status)));
  }
  if (event.time_of_day) {
    out.push_back("time: " + escape_bidi_controls(display_time_of_day(
                                 *event.time_of_day, first_day(event.time))));
  }
  for (const Claim* claim : timeline.claims_on(event.id)) {
    std::string line = std::string(to_string(claim->stance)) + ": " +
                       claimant_name(timeline, *claim, lang);
    if (!claim->quote.empty()) line += " — “" + claim->quote + "”";
    out.push_back(escape_bidi_controls(line));
  }
  return out;
}

}  // namespace

void write_text(const Timeline& timeline, std::ostream& out,
                const RenderOptions& options) {
  const std::string_view lang = options.lang;
  std::vector<Row> rows;
  rows.push_back({"DATE", "KIND", "TITLE", "PLACE"});
  for (const Event& event : timeline.events) {
    rows.push_back({display_date(event.time),
                    std::string(to_string(event.kind())),
                    escape_bidi_controls(best(event.title, lang)),
                    escape_bidi_controls(place_name(timeline, event, lang))});
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

  const std::string title =
      escape_bidi_controls(document_title(timeline, options));
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
  check_stream(out, "text");
}

}  // namespace parley
