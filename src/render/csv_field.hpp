// Private: one CSV field, for every CSV parley writes (a timeline,
// src/render/csv.cpp; a report table, src/cli/report_layout.cpp). Pure and
// thread-safe.
#ifndef PARLEY_SRC_RENDER_CSV_FIELD_HPP
#define PARLEY_SRC_RENDER_CSV_FIELD_HPP

#include <string>
#include <string_view>

namespace parley::render_detail {

// RFC 4180: `text` enclosed in double quotes, each quote doubled, when it
// holds a comma, a double quote, CR or LF; otherwise as it is.
std::string csv_field(std::string_view text);

// A text cell made safe for spreadsheets (OWASP's rule against formula
// injection): a leading '=', '+', '-', '@', tab or CR gets a "'" before it,
// so the cell is read as text, not run as a formula; bidi controls are
// shown escaped ("<U+202E>"), so they cannot reorder the row around them.
// Not for numeric cells: "-3.5" stays a number only when left alone.
std::string spreadsheet_text(std::string_view text);

}  // namespace parley::render_detail

#endif  // PARLEY_SRC_RENDER_CSV_FIELD_HPP
