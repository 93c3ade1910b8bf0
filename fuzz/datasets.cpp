// The dataset importers (UCDP GED, ACLED, GDELT, PA-X): the first byte picks
// the format (bits 0-1), whether bad rows are skipped (bit 2) and whether
// the file is a named release (bit 3); the rest is the file. Properties:
//   - no crash, undefined behaviour or leak (ASan/UBSan);
//   - an import either succeeds with read = imported + updated + unchanged
//     + rejected, or throws parley::Error of an input kind (never storage
//     or io: the file is ours) and leaves the history export unchanged;
//   - an accepted file imported again is accepted, reads as many rows,
//     imports no new event and leaves the history export unchanged.
#include "parley/datasets.hpp"

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>

#include <nlohmann/json.hpp>

#include "parley/database.hpp"
#include "parley/error.hpp"

namespace {

nlohmann::json history(const parley::Database& db) {
  return db.export_json({.history = true});
}

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

// Imports the file; on refusal checks that nothing changed. Returns
// whether it was accepted.
bool import_once(parley::Database& db, parley::Dataset dataset,
                 const parley::DatasetOptions& options,
                 parley::ImportCounts& counts) {
  const nlohmann::json before = history(db);
  try {
    counts = parley::import_dataset(db, dataset, {input_file()}, options);
  } catch (const parley::Error& e) {
    if (!input_error(e.code())) std::abort();
    if (history(db) != before) std::abort();
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
  static auto db = std::make_unique<parley::Database>(":memory:");
  parley::ImportCounts first;
  if (!import_once(*db, dataset, options, first)) return 0;
  const nlohmann::json imported = history(*db);
  parley::ImportCounts again;
  if (!import_once(*db, dataset, options, again)) std::abort();
  if (again.read != first.read || again.imported != 0) std::abort();
  if (history(*db) != imported) std::abort();
  db = std::make_unique<parley::Database>(":memory:");
  return 0;
}
