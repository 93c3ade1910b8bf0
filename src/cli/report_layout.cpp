// The four layouts of a report table (report_table.hpp).
#include <algorithm>
#include <string>

#include "parley/error.hpp"

#include "cli/report_table.hpp"
#include "render/common.hpp"
#include "render/csv_field.hpp"

namespace parley::cli {
namespace {

using render_detail::escape_bidi_controls;

using Cell = nlohmann::ordered_json;

// A cell as one line of text: arrays joined with "; ", null as "".
std::string flat(const Cell& cell) {
  if (cell.is_null()) return "";
  if (cell.is_string()) return cell.get<std::string>();
  if (!cell.is_array()) return cell.dump();
  std::string out;
  for (const Cell& item : cell) {
    out += (out.empty() ? "" : "; ") + flat(item);
  }
  return out;
}

bool known(const Cell& cell) {
  return !cell.is_null() && !(cell.is_array() && cell.empty()) &&
         !(cell.is_string() && cell.get<std::string>().empty());
}

void write_text(const Table& t, std::ostream& out) {
  for (const auto& row : t.rows) {
    out << escape_bidi_controls(flat(row[0]));
    if (row.size() > 1) out << "  " << escape_bidi_controls(flat(row[1]));
    out << '\n';
    for (std::size_t i = 2; i < row.size(); ++i) {
      if (!known(row[i])) continue;
      out << "  " << t.columns[i] << ": " << escape_bidi_controls(flat(row[i]))
          << '\n';
    }
  }
  if (t.rows.empty()) out << "(none)\n";
}

// A Markdown cell: | and line breaks would end the cell or the row; bidi
// controls are isolated, so they cannot reorder the row around them.
std::string md_cell(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '|') {
      out += "\\|";
    } else {
      out += (c == '\n' || c == '\r') ? ' ' : c;
    }
  }
  return render_detail::isolate_bidi_controls(out);
}

void write_markdown(const Table& t, std::ostream& out) {
  for (const auto& c : t.columns) out << "| " << c << ' ';
  out << "|\n";
  for (std::size_t i = 0; i < t.columns.size(); ++i) out << "| --- ";
  out << "|\n";
  for (const auto& row : t.rows) {
    for (const Cell& cell : row) out << "| " << md_cell(flat(cell)) << ' ';
    out << "|\n";
  }
}

// RFC 4180; unless `raw`, text cells go through spreadsheet_text (numbers
// stay numbers).
std::string csv_cell(const Cell& cell, bool raw) {
  const std::string text = flat(cell);
  return render_detail::csv_field(
      raw || cell.is_number() ? text : render_detail::spreadsheet_text(text));
}

void write_csv(const Table& t, std::ostream& out, bool raw) {
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    out << (i ? "," : "") << t.columns[i];
  }
  out << "\r\n";
  for (const auto& row : t.rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      out << (i ? "," : "") << csv_cell(row[i], raw);
    }
    out << "\r\n";
  }
}

void write_json(const Table& t, std::ostream& out) {
  Cell rows = Cell::array();
  for (const auto& row : t.rows) {
    Cell object = Cell::object();
    for (std::size_t i = 0; i < row.size(); ++i) {
      object[t.columns[i]] = row[i];
    }
    rows.push_back(std::move(object));
  }
  out << rows.dump(2) << '\n';
}

}  // namespace

void write_table(const Table& table, const std::string& format,
                 std::ostream& out, bool csv_raw) {
  if (format == "text") return write_text(table, out);
  if (format == "md") return write_markdown(table, out);
  if (format == "csv") return write_csv(table, out, csv_raw);
  if (format == "json") return write_json(table, out);
  throw Error(Errc::bad_value, "--format",
              "'" + format + "': expected text, md, json or csv");
}

}  // namespace parley::cli
