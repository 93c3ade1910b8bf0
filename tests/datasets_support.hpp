// Reading and writing CSV in the dataset tests, written here independently
// of the importer's reader (libcsv): the expected values come from the
// files themselves.
#ifndef PARLEY_TESTS_DATASETS_SUPPORT_HPP
#define PARLEY_TESTS_DATASETS_SUPPORT_HPP

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "parley/datasets.hpp"

namespace parley::test {

using CsvRow = std::map<std::string, std::string>;  // column -> text

// Every record of an RFC 4180 file (quoted cells with doubled quotes and
// line breaks), the header row first.
std::vector<std::vector<std::string>> read_csv_file(
    const std::filesystem::path& path, char delimiter = ',');

// The data rows of a file with a header, by column name.
std::vector<CsvRow> read_csv_rows(const std::filesystem::path& path);

// One record as a CSV line (quoted where needed), with its line break.
std::string csv_line(const std::vector<std::string>& cells);

// `rows` (cells in `header` order) written as a CSV file with the header.
void write_csv(const std::filesystem::path& path,
               const std::vector<std::string>& header,
               const std::vector<CsvRow>& rows);

// The options of an import of release `name` recorded at `recorded`
// (a record time: "2019-06-01T00:00:00Z", or a day).
parley::DatasetOptions release(const char* name, const char* recorded);

// ../shared/data/<name>, or empty when the shared data is absent.
std::filesystem::path shared_data(const std::string& name);

}  // namespace parley::test

#endif  // PARLEY_TESTS_DATASETS_SUPPORT_HPP
