// parley import --from ucdp|acled|gdelt|pax: the dataset importers
// (parley/datasets.hpp) on the command line.
#ifndef PARLEY_CLI_IMPORT_HPP
#define PARLEY_CLI_IMPORT_HPP

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace parley::cli {

struct DatasetArgs {
  std::string from;  // empty: the files are parley JSON documents
  std::string release;
  std::string recorded;
  std::string on_error = "fail";
  std::string rejects;
};

// Adds --from, --release, --recorded, --on-error and --rejects to `import`.
void add_dataset_options(CLI::App& import, DatasetArgs& args);

// Imports `files` into the database at `db` (created if missing) and
// prints the counts to stdout. Returns the exit code: 65 for bad rows or a
// bad file (the error lists every bad row, on stderr), 66 for a missing
// file, 74 for a failing disk.
int import_dataset_files(const std::string& db,
                         const std::vector<std::string>& files,
                         const DatasetArgs& args);

}  // namespace parley::cli

#endif  // PARLEY_CLI_IMPORT_HPP
