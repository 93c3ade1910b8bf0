// The dataset importers (UCDP GED, ACLED, GDELT, PA-X): the first byte picks
// the format (bits 0-1), whether bad rows are skipped (bit 2) and whether
// the file is a named release (bit 3); the rest is the file. Properties:
//   - no crash, undefined behaviour or leak (ASan/UBSan);
//   - an import either succeeds with read = imported + updated + unchanged
//     + rejected, or throws parley::Error of an input kind (never storage
//     or io: the file is ours) and leaves every table unchanged;
//   - an accepted file imported again is accepted, reads as many rows,
//     imports no new event and leaves every table unchanged.
// "Unchanged" compares fingerprints of every row of every table
// (database_state.hpp), which covers what the history export reads. Each
// input starts from a fresh database, copied from a template migrated once
// instead of created (which runs every migration).
#include "parley/datasets.hpp"

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "parley/database.hpp"
#include "parley/error.hpp"

#include "database_state.hpp"

namespace {

// The input file, rewritten for each execution in a private directory.
const std::filesystem::path& input_file() {
  static const std::filesystem::path file = [] {
    std::string dir =
        (std::filesystem::temp_directory_path() / "parley-fuzz-datasets-XXXXXX")
            .string();
    if (!mkdtemp(dir.data())) std::abort();
    return std::filesystem::path{dir} / "input.csv";
  }();
  return file;
}

bool input_error(parley::Errc code) {
  return code != parley::Errc::storage && code != parley::Errc::io;
}

void check_counts(const parley::ImportCounts& n) {
  if (n.read != n.imported + n.updated + n.unchanged + n.rejected) {
    std::abort();
  }
  if (n.flagged > n.imported + n.updated + n.unchanged) std::abort();
}

parley::fuzz::FreshDatabase& fresh() {
  static parley::fuzz::FreshDatabase database;
  return database;
}

// Imports the file; on refusal checks that nothing changed (the tables'
// fingerprint is still `before`). Returns whether it was accepted.
bool import_once(parley::Dataset dataset, const parley::DatasetOptions& options,
                 std::uint64_t before, parley::ImportCounts& counts) {
  try {
    counts = parley::import_dataset(fresh().database(), dataset, {input_file()},
                                    options);
  } catch (const parley::Error& e) {
    if (!input_error(e.code())) std::abort();
    if (fresh().fingerprint() != before) std::abort();
    return false;
  }
  check_counts(counts);
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  if (size == 0) return 0;
  const auto dataset = static_cast<parley::Dataset>(data[0] & 3);
  parley::DatasetOptions options;
  if (data[0] & 4) options.on_error = parley::OnError::skip;
  if (data[0] & 8) options.release = "r1";
  options.recorded = parley::parse_record_time("2024-06-01T00:00:00Z");
  options.max_listed = 3;
  {
    std::ofstream out{input_file(), std::ios::binary | std::ios::trunc};
    out.write(reinterpret_cast<const char*>(data + 1),
              static_cast<std::streamsize>(size - 1));
    if (!out) std::abort();
  }
  static const std::uint64_t empty = fresh().fingerprint();
  parley::ImportCounts first;
  if (!import_once(dataset, options, empty, first)) return 0;
  const std::uint64_t imported = fresh().fingerprint();
  // The fingerprint must see what was written.
  if (first.imported > 0 && imported == empty) std::abort();
  parley::ImportCounts again;
  if (!import_once(dataset, options, imported, again)) std::abort();
  if (again.read != first.read || again.imported != 0) std::abort();
  if (fresh().fingerprint() != imported) std::abort();
  fresh().reset();
  return 0;
}
