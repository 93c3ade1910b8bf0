// parley — the command-line tool. See README.md, "The parley command".
#include <exception>
#include <iostream>

#include <CLI/CLI.hpp>

#include "parley/error.hpp"

#include "cli/command.hpp"
#include "cli/location.hpp"
#include "cli/text.hpp"

int parley::cli::exit_code(const Error& error) {
  const Errc code = error.code();
  return code == Errc::storage || code == Errc::io ? io_error : data_error;
}

int main(int argc, char** argv) {
  namespace cli = parley::cli;
  CLI::App app{"parley: an embedded conflict-event timeline database"};
  app.set_version_flag("--version", std::string("parley ") + PARLEY_VERSION);
  app.require_subcommand(1);
  app.footer(
      "DB, wherever a command takes one, is a SQLite file or a PostgreSQL\n"
      "connection string: postgresql://user@host:5432/dbname or\n"
      "'host=/run/postgresql dbname=parley' (libpq's forms). parley never\n"
      "prints its password. Example: parley init "
      "postgresql://localhost/parley");

  cli::Action action;
  cli::add_time_commands(app, action);
  cli::add_resolve_command(app, action);
  cli::add_data_commands(app, action);
  cli::add_timeline_command(app, action);
  cli::add_migrate_command(app, action);
  cli::add_count_command(app, action);
  cli::add_report_command(app, action);
  cli::add_help_command(app, action);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "parley: " << cli::printable(cli::without_passwords(e.what()))
              << " (see parley --help)\n";
    return cli::usage;
  }
  try {
    cli::check_arguments(app);
    return action ? action() : static_cast<int>(cli::usage);
  } catch (const parley::Error& e) {
    std::cerr << "parley: " << cli::printable(cli::without_passwords(e.what()))
              << '\n';
    return cli::exit_code(e);
  } catch (const std::exception& e) {
    std::cerr << "parley: internal error: "
              << cli::printable(cli::without_passwords(e.what())) << '\n';
    return cli::software;
  }
}
