// parley report pledges|accounts|contradictions|schedule|upcoming|slippage
// DB [timeline filters] [--format text|md|json|csv] [-o FILE] — the
// library's reports (parley/reports.hpp) as tables.
//
//   parley report pledges astana.db --overdue-as-of 2017-03-01
//   parley report accounts astana.db --process process:astana --format md
//   parley report upcoming astana.db --as-of 2017-02-16
//
// Every report builds rows of named cells (cli/report_table.hpp); the
// formats only lay them out, so all four say the same thing.
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "parley/error.hpp"
#include "parley/record_time.hpp"
#include "parley/reports.hpp"

#include "cli/command.hpp"
#include "cli/filters.hpp"
#include "cli/location.hpp"
#include "cli/output.hpp"
#include "cli/report_table.hpp"

namespace parley::cli {
namespace {

struct ReportArgs {
  std::string db;
  FilterArgs filters;
  std::string format = "text";
  std::string output;
  std::string lang = "en";
  bool csv_raw = false;
  PledgeArgs pledges;  // pledges only
};

Table build(const std::string& which, const ReportArgs& a, const Database& db) {
  const Query q = build_query(a.filters, db);
  const Names names{db, ReadOptions{q.as_of}, a.lang};
  if (which == "pledges") {
    return pledge_table(pledge_tracker(db, q, pledge_filter(a.pledges, q)),
                        names);
  }
  if (which == "accounts") return account_table(accounts(db, q), names);
  if (which == "contradictions") {
    return contradiction_table(contradictions(db, q), names);
  }
  if (which == "schedule") return schedule_table(schedule(db, q), names);
  if (which == "upcoming") {
    return schedule_table(upcoming(db, known_at(q), q), names);
  }
  return slippage_table(slippage(schedule(db, q)), names);
}

int run(const std::string& which, const ReportArgs& a) {
  if (a.format != "text" && a.format != "md" && a.format != "json" &&
      a.format != "csv") {
    throw Error(Errc::bad_value, "--format",
                "'" + a.format + "': expected text, md, json or csv");
  }
  auto db = open_existing(a.db);
  if (!db) return static_cast<int>(no_input);
  const Table table = build(which, a, *db);
  return write_output(a.output, [&](std::ostream& out) {
    write_table(table, a.format, out, a.csv_raw);
  });
}

struct ReportSpec {
  const char* name;
  const char* help;
  const char* example;
};

constexpr ReportSpec reports[] = {
    {"pledges",
     "Pledges: status (from fulfils/violates links), pledgers, guarantors, "
     "deadline, and the events that fulfil or violate each",
     "  parley report pledges astana.db\n"
     "  parley report pledges astana.db --overdue-as-of 2017-03-01\n"
     "  parley report pledges astana.db --due-between 2017-02-01 2017-02-28 "
     "--format csv"},
    {"accounts", "Every claim on the selected events, with claimant and source",
     "  parley report accounts astana.db --process process:astana"},
    {"contradictions",
     "Accounts that contradict each other (one asserts, another denies; or "
     "exclusive outcomes)",
     "  parley report contradictions astana.db --format md"},
    {"schedule", "Events with a planned time: planned versus actual, the slip",
     "  parley report schedule astana.db --process process:astana"},
    {"upcoming",
     "What was scheduled on or after the --as-of day, as known then",
     "  parley report upcoming astana.db --as-of 2017-02-16"},
    {"slippage", "Days of delay summed per process",
     "  parley report slippage astana.db --format json"},
};

}  // namespace

void add_report_command(CLI::App& app, Action& action) {
  auto* report = app.add_subcommand("report",
                                    "Pledge, account and schedule "
                                    "reports");
  report->require_subcommand(1);
  for (const ReportSpec& spec : reports) {
    auto a = std::make_shared<ReportArgs>();
    auto* cmd = report->add_subcommand(spec.name, spec.help);
    cmd->add_option("DB", a->db, database_help)->required();
    add_filter_options(*cmd, a->filters);
    if (std::string_view{spec.name} == "pledges")
      add_pledge_options(*cmd, a->pledges);
    cmd->add_option("--format", a->format, "text (default), md, json or csv");
    cmd->add_option("-o,--output", a->output, "Write to FILE");
    cmd->add_option("--lang", a->lang, "Preferred language of names (en, ar)");
    cmd->add_flag("--csv-raw", a->csv_raw,
                  "CSV: cells as stored, without the ' that keeps a "
                  "spreadsheet from running =, +, -, @ cells as formulas");
    cmd->footer(std::string("Example:\n") + spec.example);
    const std::string which = spec.name;
    cmd->callback([&action, a, which] {
      action = [a, which] { return run(which, *a); };
    });
  }
}

}  // namespace parley::cli
