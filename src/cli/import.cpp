#include "cli/import.hpp"

#include <filesystem>
#include <iostream>

#include "parley/database.hpp"
#include "parley/datasets.hpp"
#include "parley/error.hpp"
#include "parley/record_time.hpp"

#include "cli/command.hpp"
#include "cli/location.hpp"
#include "cli/text.hpp"

namespace parley::cli {

void add_dataset_options(CLI::App& import, DatasetArgs& args) {
  import
      .add_option("--from", args.from,
                  "The files are a dataset: ucdp (GED CSV), acled, gdelt, pax")
      ->check(CLI::IsMember({"ucdp", "acled", "gdelt", "pax"}));
  import.add_option("--release", args.release,
                    "With --from: the release the files are (\"19.1\"); rows "
                    "it no longer holds are closed");
  import.add_option("--recorded", args.recorded,
                    "With --from: the record time of the versions written "
                    "(date or RFC 3339; default now)");
  import
      .add_option("--on-error", args.on_error,
                  "With --from: fail (default: nothing is imported, every "
                  "bad row is listed) or skip (the bad rows are left out)")
      ->check(CLI::IsMember({"fail", "skip"}));
  import.add_option("--rejects", args.rejects,
                    "With --on-error skip: write the bad rows, with their "
                    "reasons, to FILE (CSV)");
}

int import_dataset_files(const std::string& db,
                         const std::vector<std::string>& files,
                         const DatasetArgs& args) {
  DatasetOptions options;
  options.release = args.release;
  options.on_error = parse_enum<OnError>(args.on_error);
  if (!args.rejects.empty()) options.rejects = args.rejects;
  std::vector<std::filesystem::path> paths;
  for (const std::string& file : files) {
    if (!std::filesystem::is_regular_file(file)) {
      std::cerr << "parley: " << printable(file) << ": cannot read the file\n";
      return no_input;
    }
    paths.emplace_back(file);
  }
  try {
    if (!args.recorded.empty()) {
      options.recorded = parse_record_time(args.recorded);
    }
    Database database{db};
    const ImportCounts n = import_dataset(
        database, parse_enum<Dataset>(args.from), paths, options);
    std::cout << "read " << n.read << ", imported " << n.imported
              << ", updated " << n.updated << ", unchanged " << n.unchanged
              << ", rejected " << n.rejected << ", flagged " << n.flagged
              << ", closed " << n.closed << '\n';
  } catch (const Error& e) {
    // One bad row per line.
    const std::string message = without_passwords(e.what());
    std::string_view text = message;
    std::cerr << "parley:";
    for (std::size_t at = 0; at != std::string_view::npos;) {
      const std::size_t end = text.find('\n', at);
      std::cerr << (at ? "\n" : " ")
                << printable(
                       text.substr(at, end == text.npos ? end : end - at));
      at = end == text.npos ? end : end + 1;
    }
    std::cerr << '\n';
    return exit_code(e);
  }
  return ok;
}

}  // namespace parley::cli
