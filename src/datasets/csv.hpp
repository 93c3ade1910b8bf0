// Reading delimited text (RFC 4180 CSV, tab-separated) one record at a
// time, with libcsv: quoted cells may hold the delimiter, doubled quotes and
// line breaks. Memory holds the records of one input line at most, whatever
// the file's size.
#ifndef PARLEY_SRC_DATASETS_CSV_HPP
#define PARLEY_SRC_DATASETS_CSV_HPP

#include <cstddef>
#include <deque>
#include <istream>
#include <memory>
#include <string>
#include <vector>

namespace parley::detail {

// One record: its cells as written (no space trimmed) and the line of the
// file it starts on (1-based).
struct CsvRecord {
  std::vector<std::string> cells;
  std::size_t line = 0;
};

struct CsvFormat {
  char delimiter = ',';
  bool quoted = true;  // false: '"' is an ordinary character (GDELT)
};

// Not thread-safe; reads `in`, which must outlive it.
class CsvReader {
 public:
  // `file` names the input in errors. A UTF-8 byte-order mark at the start
  // is skipped.
  CsvReader(std::istream& in, std::string file, CsvFormat format = {});
  ~CsvReader();
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  // The next record into `record`; false at the end of the input. Empty
  // lines are skipped. Throws Error (bad_document) at "file:line" for a
  // malformed quote or a quoted cell left open at the end, and Error (io)
  // when reading fails.
  bool next(CsvRecord& record);

  const std::string& file() const noexcept { return file_; }

 private:
  struct Parser;
  void feed(const std::string& text);

  std::istream& in_;
  std::string file_;
  std::unique_ptr<Parser> parser_;
  std::deque<CsvRecord> ready_;
  CsvRecord building_;
  std::size_t line_ = 0;  // lines fed so far
  bool started_ = false;  // the BOM check is done
  bool done_ = false;

  friend struct CsvCallbacks;
};

}  // namespace parley::detail

#endif  // PARLEY_SRC_DATASETS_CSV_HPP
