// parley migrate DB — brings an older database to this version's schema.
//
//   parley migrate astana.db
//   parley migrate postgresql://localhost/parley
//
// Read commands (timeline, export, stats, count) never migrate: they refuse
// an older file and name this command. import and init migrate too.
#include <filesystem>
#include <iostream>
#include <memory>

#include "parley/database.hpp"

#include "cli/command.hpp"
#include "cli/location.hpp"
#include "cli/text.hpp"

namespace parley::cli {

void add_migrate_command(CLI::App& app, Action& action) {
  auto path = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand(
      "migrate", "Bring an existing database to this version's schema");
  cmd->add_option("DB", *path, database_help)->required();
  cmd->footer(
      "Example: parley migrate astana.db\n"
      "Each migration is one transaction; a failed one changes nothing.");
  cmd->callback([&action, path] {
    action = [path] {
      if (!is_server(*path) && !std::filesystem::exists(*path)) {
        std::cerr << "parley: " << printable(*path) << ": no such database\n";
        return static_cast<int>(no_input);
      }
      Database db{*path, OpenOptions{.create = false}};
      std::cout << printable(without_passwords(*path)) << ": schema version "
                << db.schema_version() << '\n';
      return static_cast<int>(ok);
    };
  });
}

}  // namespace parley::cli
