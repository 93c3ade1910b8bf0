// The query filters that `parley timeline` and `parley count` share: their
// flags, and the Query they build.
#ifndef PARLEY_CLI_FILTERS_HPP
#define PARLEY_CLI_FILTERS_HPP

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "parley/database.hpp"
#include "parley/query.hpp"
#include "parley/record_time.hpp"
#include "parley/reports.hpp"

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
  // --flagged [CODE]: the option, to tell whether it was given without a
  // code; and the code.
  const CLI::Option* flagged = nullptr;
  std::string flag;
};

// The pledge flags of `parley timeline` and `parley report pledges`.
struct PledgeArgs {
  std::vector<std::string> due_between;
  std::string due_from;
  std::string due_to;  // --due-to, --due-by
  std::string overdue_as_of;
  std::vector<std::string> pledge_statuses;
  bool violated = false;

  // True when any of them was given.
  bool any() const;
};

// Adds --from, --to, --relation, --certainty, --semantics, --actor, --role,
// --members, --kind, --place, --process, --status, --topic, --text,
// --flagged and --as-of to `cmd`, stored in `args` (which must outlive the
// parse).
void add_filter_options(CLI::App& cmd, FilterArgs& args);

// The query the flags ask for. Actors, places and processes may be given
// by id, by a name or alias in any language, or by a prefix of exactly one
// id ("actor:ru" for actor:russia), read from `db`. Throws Error
// (bad_value) naming the flag of a value that matches nothing, or a
// prefix that matches several ids (listing up to five).
Query build_query(const FilterArgs& args, const Database& db);

// A record time given on the command line (--as-of, --overdue-as-of): a
// plain day (2017-02-16) means by the end of that day (UTC). Throws Error
// as parse_record_time does.
RecordTime end_of_day(const std::string& text);

// The query's record time, or now.
RecordTime known_at(const Query& query);

// Adds --due-between, --due-from, --due-to (--due-by), --overdue-as-of,
// --pledge-status and --violated to `cmd`, stored in `args`.
void add_pledge_options(CLI::App& cmd, PledgeArgs& args);

// The pledge filter the flags ask for. "overdue" among the statuses means
// overdue as of --overdue-as-of, else the query's as_of, else now. Throws
// Error (bad_value) naming the flag of a day or status it cannot read.
PledgeFilter pledge_filter(const PledgeArgs& args, const Query& query);

}  // namespace parley::cli

#endif  // PARLEY_CLI_FILTERS_HPP
