// parley allen A B — Allen's relations between two EDTF values.
//
//   parley allen 2017-02 2017-02-23 --semantics spans
//   {"x":"2017-02","y":"2017-02-23","possible":["contains"],
//    "certain":["contains"],...}
//
// "possible" lists every base relation some reading of the two values
// allows; "certain" lists the relation that every reading gives (empty when
// more than one is possible). "endpoints" answers the simple comparisons
// with "certain", "possible" or "impossible". Invalid values: exit 65.
#include "parley/allen.hpp"

#include <iostream>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "parley/time.hpp"

#include "cli/command.hpp"

namespace parley::cli {

namespace {

struct AllenArgs {
  std::string x;
  std::string y;
  std::string semantics = "within";
  std::string x_semantics;
  std::string y_semantics;
};

Semantics semantics_of(const std::string& s, const std::string& fallback) {
  const std::string& name = s.empty() ? fallback : s;
  return name == "spans" ? Semantics::spans : Semantics::within;
}

std::string verdict(bool certainly, bool possibly) {
  return certainly ? "certain" : possibly ? "possible" : "impossible";
}

}  // namespace

void add_allen_command(CLI::App& app, Action& action) {
  auto args = std::make_shared<AllenArgs>();
  CLI::App* sub = app.add_subcommand(
      "allen", "Allen's relations (possible and certain) between two values");
  sub->footer("Example: parley allen 2017-02 2017-02-23");
  sub->add_option("x", args->x, "The first EDTF value")->required();
  sub->add_option("y", args->y, "The second EDTF value")->required();
  const auto choices = CLI::IsMember({"within", "spans"});
  sub->add_option("--semantics", args->semantics,
                  "within (default) or spans, for both values")
      ->check(choices);
  sub->add_option("--x-semantics", args->x_semantics,
                  "within or spans, for the first value only")
      ->check(choices);
  sub->add_option("--y-semantics", args->y_semantics,
                  "within or spans, for the second value only")
      ->check(choices);
  sub->callback([args, &action] {
    action = [args]() -> int {
      const Semantics sx = semantics_of(args->x_semantics, args->semantics);
      const Semantics sy = semantics_of(args->y_semantics, args->semantics);
      const Bounds x = Edtf::parse(args->x).bounds(sx);
      const Bounds y = Edtf::parse(args->y).bounds(sy);
      const Relations p = possible_relations(x, y);
      nlohmann::ordered_json possible = nlohmann::ordered_json::array();
      for (std::string_view n : names(p)) possible.push_back(n);
      nlohmann::ordered_json certain = nlohmann::ordered_json::array();
      if (p.size() == 1) certain = possible;
      const nlohmann::ordered_json out = {
          {"x", args->x},
          {"y", args->y},
          {"x_semantics", sx == Semantics::spans ? "spans" : "within"},
          {"y_semantics", sy == Semantics::spans ? "spans" : "within"},
          {"possible", possible},
          {"certain", certain},
          {"endpoints",
           {{"starts_before_end", verdict(certainly_starts_before_end(x, y),
                                          possibly_starts_before_end(x, y))},
            {"ends_before_start", verdict(certainly_ends_before_start(x, y),
                                          possibly_ends_before_start(x, y))},
            {"starts_before_start",
             verdict(certainly_starts_before_start(x, y),
                     possibly_starts_before_start(x, y))},
            {"ends_before_end", verdict(certainly_ends_before_end(x, y),
                                        possibly_ends_before_end(x, y))}}}};
      std::cout << out.dump(2) << '\n';
      return ok;
    };
  });
}

}  // namespace parley::cli
