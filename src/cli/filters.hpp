// The query filters that `parley timeline` and `parley count` share: their
// flags, and the Query they build.
#ifndef PARLEY_CLI_FILTERS_HPP
#define PARLEY_CLI_FILTERS_HPP

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "parley/database.hpp"
#include "parley/query.hpp"

namespace parley::cli {

struct FilterArgs {
  std::string from;
  std::string to;
  std::string relation;
  std::string certainty = "possible";
  std::string semantics = "within";
  std::vector<std::string> actors;
  std::string role;
  bool members = false;
  std::vector<std::string> kinds;
  std::vector<std::string> places;
  std::vector<std::string> processes;
  std::vector<std::string> statuses;
  std::vector<std::string> topics;
  std::string text;
  std::string as_of;
};

// Adds --from, --to, --relation, --certainty, --semantics, --actor, --role,
// --members, --kind, --place, --process, --status, --topic, --text and
// --as-of to `cmd`, stored in `args` (which must outlive the parse).
void add_filter_options(CLI::App& cmd, FilterArgs& args);

// The query the flags ask for. Actors, places and processes may be given
// by id or by a name or alias in any language (read from `db`). Throws
// Error (bad_value) naming the flag of a value that matches nothing.
Query build_query(const FilterArgs& args, const Database& db);

}  // namespace parley::cli

#endif  // PARLEY_CLI_FILTERS_HPP
