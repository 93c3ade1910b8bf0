// The dataset formats parley imports: how each file is read and what each
// row becomes. One converter per format, in src/datasets/<format>.cpp.
#ifndef PARLEY_SRC_DATASETS_FORMATS_HPP
#define PARLEY_SRC_DATASETS_FORMATS_HPP

#include <string>
#include <vector>

#include "parley/datasets.hpp"

#include "datasets/csv.hpp"
#include "datasets/row.hpp"

namespace parley::detail {

// Converts one data row; throws RowError for a cell it cannot read.
// `release` goes into the event's ExternalRef.
using RowConverter = RowEntities (*)(RowReader& row,
                                     const std::string& release);

struct DatasetFormat {
  CsvFormat csv;
  // The columns of a file without a header row (GDELT); empty: the first
  // row is the header.
  std::vector<std::string> fixed_columns;
  // The columns a header must name.
  std::vector<std::string> required;
  RowConverter convert;
};

const DatasetFormat& format_of(Dataset dataset);

RowEntities ucdp_row(RowReader& row, const std::string& release);
RowEntities acled_row(RowReader& row, const std::string& release);
RowEntities gdelt_row(RowReader& row, const std::string& release);
RowEntities pax_row(RowReader& row, const std::string& release);

// A CAMEO event code ("0871"; a string: "871" is another code) as a
// PLOVER type ("" where PLOVER has none) and a parley kind: the codes
// named in notes/datasets.md, then by root code (the first two digits);
// custom for a code with no root.
struct CameoKind {
  std::string_view plover;
  EventKind kind;
};
CameoKind cameo_kind(std::string_view code);

// GDELT 2.0's 61 event columns, in file order.
const std::vector<std::string>& gdelt_columns();

}  // namespace parley::detail

#endif  // PARLEY_SRC_DATASETS_FORMATS_HPP
