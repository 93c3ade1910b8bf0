// The dataset tests' own CSV reading and writing (datasets_support.hpp),
// and a check that it reads what RFC 4180 says.
#include "datasets_support.hpp"

#include <fstream>
#include <iterator>

#include <doctest/doctest.h>

#include "support.hpp"

namespace parley::test {

std::vector<std::vector<std::string>> read_csv_file(
    const std::filesystem::path& path, char delimiter) {
  std::ifstream in{path, std::ios::binary};
  const std::string all{std::istreambuf_iterator<char>(in), {}};
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string cell;
  bool quoted = false;
  std::size_t i = all.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
  for (; i < all.size(); ++i) {
    const char c = all[i];
    if (quoted) {
      if (c != '"') {
        cell += c;
      } else if (i + 1 < all.size() && all[i + 1] == '"') {
        cell += '"';
        ++i;
      } else {
        quoted = false;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == delimiter) {
      record.push_back(std::move(cell));
      cell.clear();
    } else if (c == '\n') {
      record.push_back(std::move(cell));
      cell.clear();
      records.push_back(std::move(record));
      record.clear();
    } else if (c != '\r') {
      cell += c;
    }
  }
  if (!cell.empty() || !record.empty()) {
    record.push_back(std::move(cell));
    records.push_back(std::move(record));
  }
  return records;
}

std::vector<CsvRow> read_csv_rows(const std::filesystem::path& path) {
  const auto records = read_csv_file(path);
  std::vector<CsvRow> rows;
  for (std::size_t r = 1; r < records.size(); ++r) {
    CsvRow row;
    for (std::size_t c = 0; c < records[0].size(); ++c) {
      row[records[0][c]] = c < records[r].size() ? records[r][c] : "";
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string csv_line(const std::vector<std::string>& cells) {
  std::string out;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i) out += ',';
    const std::string& cell = cells[i];
    if (cell.find_first_of(",\"\n\r") == std::string::npos) {
      out += cell;
      continue;
    }
    out += '"';
    for (char c : cell)
      out += c == '"' ? std::string("\"\"") : std::string(1, c);
    out += '"';
  }
  return out + "\n";
}

void write_csv(const std::filesystem::path& path,
               const std::vector<std::string>& header,
               const std::vector<CsvRow>& rows) {
  std::ofstream out{path, std::ios::binary};
  out << csv_line(header);
  for (const CsvRow& row : rows) {
    std::vector<std::string> cells;
    for (const std::string& column : header) cells.push_back(row.at(column));
    out << csv_line(cells);
  }
}

parley::DatasetOptions release(const char* name, const char* recorded) {
  parley::DatasetOptions options;
  options.release = name;
  options.recorded = parley::parse_record_time(recorded);
  return options;
}

std::filesystem::path shared_data(const std::string& name) {
  const std::filesystem::path path =
      std::filesystem::path(PARLEY_SHARED_DIR) / "data" / name;
  if (!std::filesystem::exists(path)) return {};
  return path;
}

}  // namespace parley::test

TEST_CASE("the dataset tests' CSV reader follows RFC 4180") {
  parley::test::TempDir dir;
  const auto file = dir.path() / "quoted.csv";
  std::ofstream{file, std::ios::binary}
      << "\xEF\xBB\xBFid,text\r\n1,\"a, \"\"b\"\"\r\nc\"\r\n2,\r\n";
  const auto records = parley::test::read_csv_file(file);
  REQUIRE(records.size() == 3);
  CHECK(records[0] == std::vector<std::string>{"id", "text"});
  CHECK(records[1] == std::vector<std::string>{"1", "a, \"b\"\r\nc"});
  CHECK(records[2] == std::vector<std::string>{"2", ""});
  CHECK(parley::test::csv_line(records[1]) == "1,\"a, \"\"b\"\"\r\nc\"\n");
}
