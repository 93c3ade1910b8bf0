#include "datasets/csv.hpp"

#include <csv.h>

#include <algorithm>

#include "parley/error.hpp"

namespace parley::detail {

struct CsvReader::Parser {
  csv_parser state{};
};

// libcsv's callbacks: a cell ended, a record ended.
struct CsvCallbacks {
  static void cell(void* text, std::size_t size, void* data) {
    auto* reader = static_cast<CsvReader*>(data);
    std::string value(static_cast<const char*>(text), size);
    if (reader->building_.cells.empty()) {
      // The record starts on the line where its first cell does: the
      // current line less the line breaks inside that cell.
      const auto breaks = std::count(value.begin(), value.end(), '\n');
      reader->building_.line = reader->line_ - static_cast<std::size_t>(breaks);
    }
    reader->building_.cells.push_back(std::move(value));
  }
  static void record(int, void* data) {
    auto* reader = static_cast<CsvReader*>(data);
    reader->ready_.push_back(std::move(reader->building_));
    reader->building_ = CsvRecord{};
  }
};

namespace {

// No character is a space: cells keep their text as written.
int no_space(unsigned char) { return 0; }

}  // namespace

CsvReader::CsvReader(std::istream& in, std::string file, CsvFormat format)
    : in_(in), file_(std::move(file)), parser_(std::make_unique<Parser>()) {
  if (csv_init(&parser_->state, CSV_STRICT | CSV_STRICT_FINI) != 0) {
    throw Error(Errc::storage, file_, "cannot start the CSV parser");
  }
  csv_set_delim(&parser_->state, static_cast<unsigned char>(format.delimiter));
  // Without quoting, the quote is a byte that text never holds.
  if (!format.quoted) csv_set_quote(&parser_->state, 0);
  csv_set_space_func(&parser_->state, no_space);
}

CsvReader::~CsvReader() { csv_free(&parser_->state); }

void CsvReader::feed(const std::string& text) {
  const std::size_t used =
      csv_parse(&parser_->state, text.data(), text.size(), CsvCallbacks::cell,
                CsvCallbacks::record, this);
  if (used != text.size()) {
    throw Error(Errc::bad_document, file_ + ":" + std::to_string(line_),
                std::string("malformed CSV: ") +
                    csv_strerror(csv_error(&parser_->state)));
  }
}

bool CsvReader::next(CsvRecord& record) {
  std::string text;
  while (ready_.empty() && !done_) {
    if (!std::getline(in_, text)) {
      if (in_.bad()) throw Error(Errc::io, file_, "cannot read the file");
      done_ = true;
      if (csv_fini(&parser_->state, CsvCallbacks::cell, CsvCallbacks::record,
                   this) != 0) {
        throw Error(Errc::bad_document, file_ + ":" + std::to_string(line_),
                    "malformed CSV: a quoted cell is not closed");
      }
      break;
    }
    ++line_;
    if (!started_) {
      started_ = true;
      if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
    }
    // A "\r" before the line break stays: libcsv ends a record at "\r\n",
    // and keeps it inside a quoted cell.
    text += '\n';
    feed(text);
  }
  if (ready_.empty()) return false;
  record = std::move(ready_.front());
  ready_.pop_front();
  return true;
}

}  // namespace parley::detail
