// parley — the command-line tool. See README.md, "The parley command".
#include <exception>
#include <iostream>

#include <CLI/CLI.hpp>

#include "parley/error.hpp"

#include "cli/command.hpp"

int main(int argc, char** argv) {
  namespace cli = parley::cli;
  CLI::App app{"parley: an embedded conflict-event timeline database"};
  app.set_version_flag("--version", std::string("parley ") + PARLEY_VERSION);
  app.require_subcommand(1);

  cli::Action action;
  cli::add_time_commands(app, action);
  cli::add_resolve_command(app, action);
  cli::add_data_commands(app, action);
  cli::add_timeline_command(app, action);
  cli::add_count_command(app, action);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "parley: " << e.what() << " (see parley --help)\n";
    return cli::usage;
  }
  try {
    return action ? action() : static_cast<int>(cli::usage);
  } catch (const parley::Error& e) {
    std::cerr << "parley: " << e.what() << '\n';
    return e.code() == parley::Errc::io ? cli::io_error : cli::data_error;
  } catch (const std::exception& e) {
    std::cerr << "parley: internal error: " << e.what() << '\n';
    return cli::software;
  }
}
