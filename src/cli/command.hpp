// The parley command's subcommands. Each add_*_command adds one subcommand
// to the app; when the user picks it, CLI11 runs its callback, which stores
// the subcommand's work in `action`. main() runs the action and returns its
// exit code.
#ifndef PARLEY_CLI_COMMAND_HPP
#define PARLEY_CLI_COMMAND_HPP

#include <functional>

#include <CLI/CLI.hpp>

#include "parley/error.hpp"

namespace parley::cli {

// Exit codes (sysexits.h meanings).
enum Exit : int {
  ok = 0,
  usage = 64,        // EX_USAGE: bad flags or arguments
  data_error = 65,   // EX_DATAERR: the input data is wrong
  no_input = 66,     // EX_NOINPUT: an input file is missing or unreadable
  software = 70,     // EX_SOFTWARE: an internal error
  cant_create = 73,  // EX_CANTCREAT: the output cannot be created
  io_error = 74,     // EX_IOERR: reading or writing failed
};

// The exit code of an error: 74 for storage and I/O failures (a file that
// cannot be opened, read or written; a full disk), 65 for bad data.
int exit_code(const Error& error);

using Action = std::function<int()>;
void add_time_commands(CLI::App& app, Action& action);  // edtf, allen
void add_resolve_command(CLI::App& app, Action& action);
void add_data_commands(CLI::App& app, Action& action);  // init, import, ...
void add_timeline_command(CLI::App& app, Action& action);
void add_migrate_command(CLI::App& app, Action& action);
void add_count_command(CLI::App& app, Action& action);
void add_report_command(CLI::App& app, Action& action);
void add_help_command(CLI::App& app, Action& action);

}  // namespace parley::cli

#endif  // PARLEY_CLI_COMMAND_HPP
