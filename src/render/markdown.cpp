#include "parley/render/markdown.hpp"

#include <string>
#include <vector>

#include "render/format_time.hpp"

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

}  // namespace

void write_markdown(const Timeline& timeline, std::ostream& out,
                    const RenderOptions& options) {
  const std::string_view lang = options.lang;
  out << "# " << escape(detail::document_title(timeline, options)) << "\n\n";
  out << "| Date | Kind | Title | Place | Status |\n";
  out << "|---|---|---|---|---|\n";
  for (const Event& e : timeline.events) {
    out << "| " << escape(detail::display_date(e.time)) << " | "
        << escape(to_string(e.kind())) << " | " << escape(best(e.title, lang))
        << " | " << escape(detail::place_name(timeline, e, lang)) << " | "
        << (e.status == Status::none ? "" : to_string(e.status)) << " |\n";
  }
  for (const Event& e : timeline.events) {
    const auto claims = timeline.claims_on(e.id);
    const std::string plan = detail::plan_line(e);
    if (claims.empty() && plan.empty() && !e.time_of_day) continue;
    out << "\n## " << escape(best(e.title, lang)) << " ("
        << escape(detail::display_date(e.time)) << ")\n\n";
    if (!plan.empty()) out << "- " << escape(plan) << '\n';
    if (e.time_of_day) {
      out << "- Time: "
          << escape(detail::display_time_of_day(*e.time_of_day,
                                                detail::first_day(e.time)))
          << '\n';
    }
    if (!claims.empty()) {
      out << "- Claims:\n";
      for (const Claim* c : claims) {
        out << "  - " << to_string(c->stance) << ": "
            << escape(detail::claimant_name(timeline, *c, lang));
        if (!c->quote.empty()) out << " — “" << escape(c->quote) << "”";
        out << '\n';
      }
    }
  }
  out.flush();
  detail::check_stream(out, "markdown");
}

}  // namespace parley
