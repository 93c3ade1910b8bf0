#include "render/csv_field.hpp"

#include "render/common.hpp"

namespace parley::render_detail {

std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
    return std::string(text);
  }
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string spreadsheet_text(std::string_view text) {
  std::string out = escape_bidi_controls(text);
  if (!out.empty() && std::string_view("=+-@\t\r").find(out.front()) !=
                          std::string_view::npos) {
    out.insert(out.begin(), '\'');
  }
  return out;
}

}  // namespace parley::render_detail
