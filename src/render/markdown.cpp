#include "parley/render/markdown.hpp"

#include <string>
#include <vector>

#include "render/common.hpp"

namespace parley {
namespace {

// Text that Markdown shows as written: markup characters are escaped, a
// `|` cannot end a table cell, and a line break becomes a space.
std::string escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '\\':
      case '|':
      case '*':
      case '_':
      case '`':
      case '[':
      case ']':
      case '<':
      case '>':
      case '#':
        out += '\\';
        out += c;
        break;
      case '\r':
        break;
      case '\n':
        out += ' ';
        break;
      default:
        out += c;
    }
  }
  return out;
}

// Text from the data: escaped, and isolated (U+2068..U+2069) when it holds
// bidi controls, so they cannot reorder the markup around it.
std::string data_text(std::string_view text) {
  return render_detail::isolate_bidi_controls(escape(text));
}

}  // namespace

void write_markdown(const Timeline& timeline, std::ostream& out,
                    const RenderOptions& options) {
  const std::string_view lang = options.lang;
  out << "# " << data_text(render_detail::document_title(timeline, options))
      << "\n\n";
  out << "| Date | Kind | Title | Place | Status |\n";
  out << "|---|---|---|---|---|\n";
  for (const Event& event : timeline.events) {
    out << "| " << escape(render_detail::display_date(event.time)) << " | "
        << escape(to_string(event.kind())) << " | "
        << data_text(best(event.title, lang)) << " | "
        << data_text(render_detail::place_name(timeline, event, lang)) << " | "
        << (event.status == Status::none ? "" : to_string(event.status))
        << " |\n";
  }
  for (const Event& event : timeline.events) {
    const auto claims = timeline.claims_on(event.id);
    const std::string plan = render_detail::plan_line(event);
    if (claims.empty() && plan.empty() && !event.time_of_day) continue;
    out << "\n## " << data_text(best(event.title, lang)) << " ("
        << escape(render_detail::display_date(event.time)) << ")\n\n";
    if (!plan.empty()) out << "- " << escape(plan) << '\n';
    if (event.time_of_day) {
      out << "- Time: "
          << data_text(render_detail::display_time_of_day(
                 *event.time_of_day, render_detail::first_day(event.time)))
          << '\n';
    }
    if (!claims.empty()) {
      out << "- Claims:\n";
      for (const Claim* claim : claims) {
        out << "  - " << to_string(claim->stance) << ": "
            << data_text(render_detail::claimant_name(timeline, *claim, lang));
        if (!claim->quote.empty())
          out << " — “" << data_text(claim->quote) << "”";
        out << '\n';
      }
    }
  }
  out.flush();
  render_detail::check_stream(out, "markdown");
}

}  // namespace parley
