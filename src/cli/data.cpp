// parley init | import | export | stats — the database as a whole.
//
//   parley init astana.db
//   parley import astana.db examples/data/astana-2017.json
//   parley import syria.db --from ucdp ged.csv --release 19.1
//   parley export astana.db --history -o backup.json
//   parley stats astana.db
//   parley flagged syria.db
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>

#include <nlohmann/json.hpp>

#include "parley/database.hpp"
#include "parley/datasets.hpp"
#include "parley/error.hpp"
#include "parley/limits.hpp"
#include "parley/render/render.hpp"
#include "parley/timeline.hpp"

#include "cli/command.hpp"
#include "cli/import.hpp"
#include "cli/location.hpp"
#include "cli/output.hpp"
#include "cli/text.hpp"

namespace parley::cli {
namespace {

// Imports one file in one transaction, reading it as it goes (memory does
// not grow with the file; strings and nesting are checked against `limits`
// as they are read). Returns an exit code.
int import_file(Database& db, const std::string& file, const Limits& limits) {
  std::ifstream in{file, std::ios::binary};
  if (!in) {
    std::cerr << "parley: " << printable(file) << ": cannot read the file\n";
    return no_input;
  }
  const bool progress = isatty(STDERR_FILENO);
  if (progress) {
    std::cerr << "importing " << printable(file) << " ..." << std::flush;
  }
  try {
    std::error_code error;
    const auto size = std::filesystem::file_size(file, error);
    if (!error) check_document_size(size, limits, file);
    db.import_json(in, {}, limits);
  } catch (const Error& e) {
    if (progress) std::cerr << '\n';
    std::cerr << "parley: " << printable(file) << ": "
              << printable(without_passwords(e.what())) << '\n';
    return exit_code(e);
  }
  if (progress) std::cerr << " done\n";
  return ok;
}

struct Paths {
  std::string db;
  std::vector<std::string> files;
  std::string output;
  std::string format = "json";
  bool history = false;
  Limits limits;
};

}  // namespace

namespace {

// parley init DB.
void add_init(CLI::App& app, Action& action,
              const std::shared_ptr<Paths>& paths) {
  auto* init = app.add_subcommand(
      "init", "Create a database (or bring an old one to this version)");
  init->add_option("DB", paths->db, database_help)->required();
  init->footer(
      "Example: parley init astana.db\n"
      "On a server: parley init postgresql://user@host/parley (the database\n"
      "must exist; init creates parley's tables in it)");
  init->callback([&action, paths] {
    action = [paths] {
      Database db{paths->db};
      return static_cast<int>(ok);
    };
  });
}

// parley import DB FILE... [--from DATASET].
void add_import(CLI::App& app, Action& action,
                const std::shared_ptr<Paths>& paths) {
  auto* command = app.add_subcommand(
      "import",
      "Import JSON documents (each file all or nothing), or dataset files "
      "with --from");
  command->add_option("DB", paths->db, database_help)->required();
  command
      ->add_option("FILE", paths->files,
                   "parley JSON documents, or dataset files with --from")
      ->required();
  command->add_option("--max-document-bytes", paths->limits.max_document_bytes,
                      "Refuse a larger file (default 1 GiB)");
  command->add_option("--max-string-bytes", paths->limits.max_string_bytes,
                      "Refuse a longer string or key (default 1 MiB)");
  command->add_option("--max-depth", paths->limits.max_depth,
                      "Refuse deeper nesting of arrays and objects "
                      "(default 64)");
  auto dataset = std::make_shared<DatasetArgs>();
  add_dataset_options(*command, *dataset);
  command->footer(
      "Example: parley import astana.db examples/data/astana-2017.json\n"
      "A file with an error changes nothing; the error names the file, the\n"
      "position or JSON path, and the field. Files before it stay imported.\n"
      "Example: parley import syria.db --from ucdp ged.csv --release 19.1 "
      "--recorded 2019-06-01\n"
      "Dataset files are imported together, all or nothing (--on-error fail)\n"
      "or without their bad rows (--on-error skip --rejects bad.csv).");
  command->callback([&action, paths, dataset] {
    action = [paths, dataset] {
      if (!dataset->from.empty()) {
        return import_dataset_files(paths->db, paths->files, *dataset);
      }
      Database db{paths->db};
      for (const std::string& file : paths->files) {
        if (int code = import_file(db, file, paths->limits); code != ok) {
          return code;
        }
      }
      return static_cast<int>(ok);
    };
  });
}

// parley export DB [--format] [--history].
void add_export(CLI::App& app, Action& action,
                const std::shared_ptr<Paths>& paths) {
  auto* exp = app.add_subcommand("export", "Export every event");
  exp->add_option("DB", paths->db, database_help)->required();
  exp->add_option("--format", paths->format,
                  "json (the interchange document, default) or any "
                  "timeline format");
  exp->add_flag("--history", paths->history,
                "With --format json: every version with its record times");
  exp->add_option("-o,--output", paths->output, "Write to FILE");
  exp->footer("Example: parley export astana.db --history -o backup.json");
  exp->callback([&action, paths] {
    action = [paths] {
      auto db = open_existing(paths->db);
      if (!db) return static_cast<int>(no_input);
      const Format format = parse_format(paths->format);
      if (format == Format::json) {
        const auto doc = db->export_json({.history = paths->history});
        return write_output(paths->output, [&](std::ostream& out) {
          out << doc.dump(2) << '\n';
        });
      }
      const Timeline t = make_timeline(*db, db->events());
      return write_output(paths->output,
                          [&](std::ostream& out) { write(t, format, out); });
    };
  });
}

// parley flagged DB [--code].
void add_flagged(CLI::App& app, Action& action,
                 const std::shared_ptr<Paths>& paths) {
  auto flag_code = std::make_shared<std::string>();
  auto* flagged = app.add_subcommand(
      "flagged", "List the events whose source rows contradict themselves");
  flagged->add_option("DB", paths->db, database_help)->required();
  flagged->add_option("--code", *flag_code,
                      "Only this flag (deaths_low_above_best, "
                      "deaths_best_above_high, deaths_low_above_high, "
                      "end_before_start)");
  flagged->footer(
      "Example: parley flagged syria.db --code deaths_low_above_best");
  flagged->callback([&action, paths, flag_code] {
    action = [paths, flag_code] {
      auto db = open_existing(paths->db);
      if (!db) return static_cast<int>(no_input);
      std::optional<FlagCode> code;
      if (!flag_code->empty()) code = parse_enum<FlagCode>(*flag_code);
      // From the flag index: one line per event and flag.
      for (const FlaggedEvent& f : flagged_events(*db, code)) {
        std::cout << f.event.value << ' ' << to_string(f.code) << '\n';
      }
      return static_cast<int>(ok);
    };
  });
}

// parley stats DB.
void add_stats(CLI::App& app, Action& action,
               const std::shared_ptr<Paths>& paths) {
  auto* stats = app.add_subcommand("stats", "Count what the database holds");
  stats->add_option("DB", paths->db, database_help)->required();
  stats->footer("Example: parley stats astana.db");
  stats->callback([&action, paths] {
    action = [paths] {
      auto db = open_existing(paths->db);
      if (!db) return static_cast<int>(no_input);
      // From the totals and count tables the writes keep: no event is read.
      const Database::Totals totals = db->totals();
      std::map<std::string, std::size_t> kinds;
      for (const Count& c : db->count({}, Period::year, GroupBy::kind)) {
        kinds[c.key] += c.count;
      }
      nlohmann::ordered_json out = {
          {"schema_version", db->schema_version()},
          {"actors", totals.actors},
          {"places", totals.places},
          {"processes", totals.processes},
          {"sources", totals.sources},
          {"events", totals.events},
          {"claims", totals.claims},
          {"links", totals.links},
          {"kinds", kinds},
      };
      std::cout << out.dump(2) << '\n';
      return static_cast<int>(ok);
    };
  });
}

}  // namespace

void add_data_commands(CLI::App& app, Action& action) {
  const auto paths = std::make_shared<Paths>();
  add_init(app, action, paths);
  add_import(app, action, paths);
  add_export(app, action, paths);
  add_flagged(app, action, paths);
  add_stats(app, action, paths);
}

}  // namespace parley::cli
