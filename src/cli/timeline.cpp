// parley timeline DB [filters] [--format F] [-o FILE] — a query, rendered.
//
//   parley timeline astana.db --actor actor:iran
//   parley timeline astana.db --as-of 2017-02-16 --status scheduled
//   parley timeline astana.db --place place:syria --format geojson
//   parley timeline astana.db --from 2017-02-16 --to 2017-02-16
//       --relation during,equals --certainty certain --format html -o t.html
//
// Only the output goes to stdout. With --limit, the cursor of the next page
// goes to stderr as "next: CURSOR", for --after.
#include "parley/timeline.hpp"

#include <iostream>
#include <memory>

#include "parley/database.hpp"
#include "parley/error.hpp"
#include "parley/render/render.hpp"
#include "parley/reports.hpp"

#include "cli/command.hpp"
#include "cli/filters.hpp"
#include "cli/location.hpp"
#include "cli/output.hpp"

namespace parley::cli {
namespace {

struct TimelineArgs {
  std::string db;
  FilterArgs filters;
  PledgeArgs pledges;
  std::size_t limit = 0;
  std::string after;
  std::string format = "text";
  std::string output;
  std::string lang = "en";
  std::string title;
  bool csv_raw = false;
};

// A page of the pledges the query selects that pass the pledge flags, in
// chronological order, with the statuses the pledge report computes, and
// the cursor of the next page. Reads the pledges, not the other events
// (parley::pledge_page).
Page pledge_events(const Database& db, const Query& q, const PledgeArgs& args) {
  PledgePage pledges = pledge_page(db, q, pledge_filter(args, q));
  Page page;
  for (PledgeEntry& e : pledges.entries) {
    page.events.push_back(std::move(e.pledge));
  }
  page.next = std::move(pledges.next);
  return page;
}

}  // namespace

void add_timeline_command(CLI::App& app, Action& action) {
  auto a = std::make_shared<TimelineArgs>();
  auto* cmd = app.add_subcommand("timeline", "Query events and render them");
  cmd->add_option("DB", a->db, database_help)->required();
  add_filter_options(*cmd, a->filters);
  add_pledge_options(*cmd, a->pledges);
  cmd->add_option("--limit", a->limit, "At most N events");
  cmd->add_option("--after", a->after, "Cursor of the next page");
  cmd->add_option("--format", a->format,
                  "text, md, html, timelinejs, vis, mermaid, gantt, ics, csv, "
                  "geojson, json");
  cmd->add_option("-o,--output", a->output, "Write to FILE");
  cmd->add_option("--lang", a->lang, "Preferred language of names (en, ar)");
  cmd->add_option("--title", a->title, "Title of the output");
  cmd->add_flag("--csv-raw", a->csv_raw,
                "CSV: cells as stored, without the ' that keeps a "
                "spreadsheet from running =, +, -, @ cells as formulas");
  cmd->footer(
      "Examples:\n"
      "  parley timeline astana.db --actor Iran\n"
      "  parley timeline astana.db --as-of 2017-02-16 --status scheduled\n"
      "  parley timeline astana.db --overdue-as-of 2017-03-01\n"
      "  parley timeline astana.db --due-by 2017-02-28 --pledge-status made\n"
      "  parley timeline ged.db --flagged deaths_low_above_best\n"
      "  parley timeline astana.db --format html -o astana.html");
  cmd->callback([&action, a] {
    action = [a] {
      const Format format = parse_format(a->format);
      auto db = open_existing(a->db);
      if (!db) return static_cast<int>(no_input);
      Query q = build_query(a->filters, *db);
      q.limit = a->limit;
      if (!a->after.empty()) q.after = a->after;
      Page page =
          a->pledges.any() ? pledge_events(*db, q, a->pledges) : db->query(q);
      const Timeline t =
          make_timeline(*db, std::move(page.events), ReadOptions{q.as_of});
      RenderOptions options;
      options.lang = a->lang;
      options.title = a->title;
      options.csv_raw = a->csv_raw;
      const int code = write_output(a->output, [&](std::ostream& out) {
        write(t, format, out, options);
      });
      if (code == ok && page.next) std::cerr << "next: " << *page.next << '\n';
      return code;
    };
  });
}

}  // namespace parley::cli
