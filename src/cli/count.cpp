// parley count DB --by PERIOD [--group G] [filters] [--sum fatalities]
// [--format text|csv|json|md] — how many events per period, for plots.
//
//   parley count astana.db --by month
//   parley count astana.db --by year --group actor --format csv
//   parley count ucdp.db --by month --kind hostilities --sum fatalities
//   parley count astana.db --by month --pledge-status overdue
//
// The pledge flags of `parley timeline` (--due-*, --overdue-as-of,
// --pledge-status, --violated) count the pledges that pass them.
//
// Text output is a bar chart: one line per period (and group key), a bar
// proportional to the count (or, with --sum fatalities, to the best
// estimate of deaths).
#include <algorithm>
#include <iomanip>
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "parley/database.hpp"
#include "parley/error.hpp"
#include "parley/reports.hpp"

#include "cli/command.hpp"
#include "cli/filters.hpp"
#include "cli/location.hpp"
#include "cli/output.hpp"

namespace parley::cli {
namespace {

struct CountArgs {
  std::string db;
  FilterArgs filters;
  PledgeArgs pledges;
  std::string by = "month";
  std::string group = "kind";
  std::string sum;
  std::string format = "text";
  std::string output;
};

constexpr std::size_t bar_width = 40;

// The bar's length for `value` when `largest` fills bar_width; a non-zero
// value shows at least one block.
std::size_t bar_length(std::int64_t value, std::int64_t largest) {
  if (value <= 0 || largest <= 0) return 0;
  return std::max<std::size_t>(
      1, static_cast<std::size_t>(value * static_cast<std::int64_t>(bar_width) /
                                  largest));
}

void write_text(const std::vector<Count>& counts, bool deaths,
                std::ostream& out) {
  std::size_t period_width = 0, key_width = 0;
  std::int64_t largest = 0;
  for (const Count& c : counts) {
    period_width = std::max(period_width, c.period.size());
    key_width = std::max(key_width, c.key.size());
    largest = std::max<std::int64_t>(
        largest, deaths ? c.deaths_best : static_cast<std::int64_t>(c.count));
  }
  for (const Count& c : counts) {
    const std::int64_t value =
        deaths ? c.deaths_best : static_cast<std::int64_t>(c.count);
    out << std::left << std::setw(static_cast<int>(period_width)) << c.period
        << "  ";
    if (key_width) {
      out << std::setw(static_cast<int>(key_width)) << c.key << "  ";
    }
    std::string bar;
    for (std::size_t i = bar_length(value, largest); i > 0; --i) bar += "█";
    out << bar << ' ' << c.count;
    if (deaths) {
      out << " events, deaths " << c.deaths_best << " (" << c.deaths_low << "–"
          << c.deaths_high << ")";
    }
    out << '\n';
  }
}

void write_table(const std::vector<Count>& counts, const std::string& group,
                 bool deaths, bool markdown, std::ostream& out) {
  std::vector<std::string> header = {"period"};
  if (group != "none") header.push_back(group);
  header.push_back("events");
  if (deaths) {
    for (const char* h : {"deaths_low", "deaths_best", "deaths_high"}) {
      header.push_back(h);
    }
  }
  auto row = [&](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (markdown) {
        out << "| " << cells[i] << ' ';
      } else {
        // Periods, ids and kinds hold no comma or quote.
        out << (i ? "," : "") << cells[i];
      }
    }
    out << (markdown ? "|\n" : "\n");
  };
  row(header);
  if (markdown) row(std::vector<std::string>(header.size(), "---"));
  for (const Count& c : counts) {
    std::vector<std::string> cells = {c.period};
    if (group != "none") cells.push_back(c.key);
    cells.push_back(std::to_string(c.count));
    if (deaths) {
      cells.push_back(std::to_string(c.deaths_low));
      cells.push_back(std::to_string(c.deaths_best));
      cells.push_back(std::to_string(c.deaths_high));
    }
    row(cells);
  }
}

void write_json(const std::vector<Count>& counts, const std::string& group,
                bool deaths, std::ostream& out) {
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  for (const Count& c : counts) {
    nlohmann::ordered_json r = {{"period", c.period}};
    if (group != "none") r[group] = c.key;
    r["events"] = c.count;
    if (deaths) {
      r["deaths_low"] = c.deaths_low;
      r["deaths_best"] = c.deaths_best;
      r["deaths_high"] = c.deaths_high;
    }
    rows.push_back(std::move(r));
  }
  out << rows.dump(2) << '\n';
}

int run(const CountArgs& a) {
  const Period period = parse_enum<Period>(a.by);
  const GroupBy group = parse_enum<GroupBy>(a.group);
  if (!a.sum.empty() && a.sum != "fatalities") {
    throw Error(Errc::bad_value, "--sum",
                "'" + a.sum + "': only 'fatalities' can be summed");
  }
  if (a.format != "text" && a.format != "csv" && a.format != "json" &&
      a.format != "md") {
    throw Error(Errc::bad_value, "--format",
                "'" + a.format + "': expected text, csv, json or md");
  }
  auto db = open_existing(a.db);
  if (!db) return static_cast<int>(no_input);
  const Query q = build_query(a.filters, *db);
  // With pledge flags, the pledges that pass them (reading the pledges the
  // query selects, not the other events), counted as the events are.
  const std::vector<Count> counts =
      a.pledges.any()
          ? count_pledges(pledge_tracker(*db, q, pledge_filter(a.pledges, q)),
                          period, group)
          : db->count(q, period, group);
  const bool deaths = !a.sum.empty();
  return write_output(a.output, [&](std::ostream& out) {
    if (a.format == "text") return write_text(counts, deaths, out);
    if (a.format == "json") return write_json(counts, a.group, deaths, out);
    write_table(counts, a.group, deaths, a.format == "md", out);
  });
}

}  // namespace

void add_count_command(CLI::App& app, Action& action) {
  auto a = std::make_shared<CountArgs>();
  auto* cmd = app.add_subcommand("count", "Count events per period");
  cmd->add_option("DB", a->db, database_help)->required();
  cmd->add_option("--by", a->by, "day, week, month (default) or year");
  cmd->add_option("--group", a->group,
                  "kind (default), actor, place, process or none");
  add_filter_options(*cmd, a->filters);
  add_pledge_options(*cmd, a->pledges);
  cmd->add_option("--sum", a->sum,
                  "fatalities: also sum the death estimates (low, best, "
                  "high)");
  cmd->add_option("--format", a->format,
                  "text (a bar chart, default), csv, json or md");
  cmd->add_option("-o,--output", a->output, "Write to FILE");
  cmd->footer(
      "Examples:\n"
      "  parley count astana.db --by month\n"
      "  parley count astana.db --by year --group actor --format csv\n"
      "  parley count astana.db --by month --overdue-as-of 2017-03-01\n"
      "  parley count ucdp.db --by month --kind hostilities --sum fatalities");
  cmd->callback([&action, a] { action = [a] { return run(*a); }; });
}

}  // namespace parley::cli
