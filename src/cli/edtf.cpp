// parley edtf EXPR — parse an EDTF value and print what parley knows of it.
//
//   parley edtf 2017-02~
//   {"input":"2017-02~","valid":true,"level":1,"canonical":"2017-02~",
//    "earliest_start":"2017-02-01","latest_start":"2017-02-28",
//    "earliest_end":"2017-02-01","latest_end":"2017-02-28",...}
//
// In this output the end bounds are inclusive (the last day), unlike the
// library's half-open Bounds; a bound is null where that end is open,
// unknown or unbounded. Exit 0 for a valid value, 65 for an invalid one.
// The hidden --batch flag reads one value per line from stdin and writes
// one JSON object per line (used by the differential test); it exits 0.
#include <iostream>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "parley/error.hpp"
#include "parley/time.hpp"

#include "cli/command.hpp"

namespace parley::cli {

void add_edtf_command(CLI::App& app, Action& action);
void add_allen_command(CLI::App& app, Action& action);

void add_time_commands(CLI::App& app, Action& action) {
  add_edtf_command(app, action);
  add_allen_command(app, action);
}

namespace {

struct EdtfArgs {
  std::string expr;
  std::string semantics = "within";
  bool batch = false;
};

nlohmann::ordered_json day_or_null(const std::optional<Day>& d, int shift) {
  if (!d) return nullptr;
  return to_string(*d + days64{shift});
}

std::string marks(const Qualifiers& q) {
  if (q.uncertain && q.approximate) return "%";
  if (q.uncertain) return "?";
  if (q.approximate) return "~";
  return "";
}

nlohmann::ordered_json describe(const std::string& input, Semantics semantics) {
  nlohmann::ordered_json out = {
      {"input", input},           {"valid", false},
      {"level", nullptr},         {"canonical", nullptr},
      {"form", nullptr},          {"earliest_start", nullptr},
      {"latest_start", nullptr},  {"earliest_end", nullptr},
      {"latest_end", nullptr},    {"start_open", nullptr},
      {"start_unknown", nullptr}, {"end_open", nullptr},
      {"end_unknown", nullptr},   {"precision", nullptr},
      {"qualifiers", nullptr},    {"error", nullptr}};
  Edtf v;
  try {
    v = Edtf::parse(input);
  } catch (const Error& e) {
    out["error"] = e.what();
    return out;
  }
  const Bounds b = v.bounds(semantics);
  out["valid"] = true;
  out["level"] = v.level();
  out["canonical"] = v.str();
  out["form"] = to_string(v.form());
  out["earliest_start"] = day_or_null(b.earliest_start, 0);
  out["latest_start"] = day_or_null(b.latest_start, 0);
  out["earliest_end"] = day_or_null(b.earliest_end, -1);
  out["latest_end"] = day_or_null(b.latest_end, -1);
  out["start_open"] = b.start_open;
  out["start_unknown"] = b.start_unknown;
  out["end_open"] = b.end_open;
  out["end_unknown"] = b.end_unknown;
  out["precision"] = to_string(v.precision());
  nlohmann::ordered_json parts = nlohmann::ordered_json::array();
  for (const EdtfPart& p : v.parts())
    parts.push_back({{"year", marks(p.qualifiers.year)},
                     {"month", marks(p.qualifiers.month)},
                     {"day", marks(p.qualifiers.day)}});
  out["qualifiers"] = {{"uncertain", v.uncertain()},
                       {"approximate", v.approximate()},
                       {"parts", parts}};
  return out;
}

}  // namespace

void add_edtf_command(CLI::App& app, Action& action) {
  auto args = std::make_shared<EdtfArgs>();
  CLI::App* sub = app.add_subcommand(
      "edtf", "Parse an EDTF value and print its level, bounds and flags");
  sub->footer("Example: parley edtf 2017-02-1X");
  sub->add_option("expr", args->expr, "The EDTF value, e.g. 2017-02~");
  sub->add_option("--semantics", args->semantics,
                  "within (default: some part of the period) or spans (the "
                  "whole period)")
      ->check(CLI::IsMember({"within", "spans"}));
  sub->add_flag("--batch", args->batch,
                "Read values from stdin, one per line; print JSON lines")
      ->group("");
  sub->callback([args, &action] {
    action = [args]() -> int {
      const Semantics semantics =
          args->semantics == "spans" ? Semantics::spans : Semantics::within;
      if (args->batch) {
        std::string line;
        while (std::getline(std::cin, line)) {
          if (!line.empty() && line.back() == '\r') line.pop_back();
          std::cout << describe(line, semantics).dump() << '\n';
        }
        std::cout.flush();
        return std::cout ? ok : io_error;
      }
      const nlohmann::ordered_json out = describe(args->expr, semantics);
      std::cout << out.dump(2) << '\n';
      return out["valid"].get<bool>() ? ok : data_error;
    };
  });
}

}  // namespace parley::cli
