#include "datasets/row.hpp"

#include <charconv>
#include <cstdint>
#include <cstdio>

#include <nlohmann/json.hpp>

namespace parley::detail {

Columns::Columns(std::vector<std::string> names) : names_(std::move(names)) {
  for (std::size_t i = 0; i < names_.size(); ++i) index_.emplace(names_[i], i);
}

std::optional<std::size_t> Columns::find(std::string_view name) const {
  auto it = index_.find(std::string(name));
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

RowReader::RowReader(const Columns& columns, const CsvRecord& record)
    : columns_(columns),
      record_(record),
      used_(std::max(columns.names().size(), record.cells.size()), false) {}

std::size_t RowReader::index(std::string_view column) const {
  return columns_.find(column).value_or(used_.size());
}

void RowReader::fail(std::string_view column, const std::string& reason) const {
  throw RowError{index(column), reason};
}

void RowReader::use(std::string_view column) {
  const std::size_t i = index(column);
  if (i < used_.size()) used_[i] = true;
}

void RowReader::keep(std::string_view column) {
  const std::size_t i = index(column);
  if (i < used_.size()) used_[i] = false;
}

const std::string& RowReader::text(std::string_view column) {
  static const std::string none;
  const std::size_t i = index(column);
  if (i >= record_.cells.size()) return none;
  used_[i] = true;
  return record_.cells[i];
}

std::optional<int> RowReader::count(std::string_view column,
                                    std::string_view missing) {
  const std::string& cell = text(column);
  if (cell.empty() || cell == missing) return std::nullopt;
  int value = 0;
  const auto [end, error] =
      std::from_chars(cell.data(), cell.data() + cell.size(), value);
  if (error != std::errc{} || end != cell.data() + cell.size() || value < 0) {
    fail(column, "'" + cell + "' is not a whole number >= 0");
  }
  return value;
}

std::optional<double> RowReader::number(std::string_view column,
                                        std::string_view missing) {
  const std::string& cell = text(column);
  if (cell.empty() || cell == missing) return std::nullopt;
  double value = 0;
  const auto [end, error] =
      std::from_chars(cell.data(), cell.data() + cell.size(), value);
  if (error != std::errc{} || end != cell.data() + cell.size()) {
    fail(column, "'" + cell + "' is not a number");
  }
  return value;
}

date::year_month_day RowReader::day(std::string_view column) {
  const std::string& cell = text(column);
  const std::optional<date::year_month_day> day = parse_day(cell);
  if (!day) fail(column, "'" + cell + "' is not a date (YYYY-MM-DD)");
  return *day;
}

JsonObject RowReader::unused() const {
  nlohmann::json out = nlohmann::json::object();
  for (std::size_t i = 0; i < record_.cells.size(); ++i) {
    if (used_[i]) continue;
    const std::string name = i < columns_.names().size()
                                 ? columns_.names()[i]
                                 : "column_" + std::to_string(i + 1);
    out[name] = record_.cells[i];
  }
  return JsonObject(out);
}

std::string id_part(std::string_view name) {
  constexpr std::size_t max_size = 80;
  std::string out;
  bool exact = !name.empty() && name.size() <= max_size;
  for (char c : name) {
    const bool kept = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                      (c >= '0' && c <= '9') || c == '-' || c == '.';
    out += kept ? c : '_';
    exact = exact && (kept || c == ' ');
  }
  if (exact) return out;
  // FNV-1a of the whole name: the same id on every platform and run. No
  // exact part holds ':', so a hashed one never equals an exact one.
  std::uint64_t fnv = 14695981039346656037ull;
  for (char c : name) {
    fnv = (fnv ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  }
  char hash[17];
  std::snprintf(hash, sizeof hash, "%016llx",
                static_cast<unsigned long long>(fnv));
  return out.substr(0, max_size - 17) + ":" + hash;
}

std::optional<date::year_month_day> parse_day(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return {};
  int parts[3] = {};
  const std::size_t starts[3] = {0, 5, 8}, sizes[3] = {4, 2, 2};
  for (int i = 0; i < 3; ++i) {
    const char* begin = text.data() + starts[i];
    const auto [end, error] =
        std::from_chars(begin, begin + sizes[i], parts[i]);
    if (error != std::errc{} || end != begin + sizes[i]) return {};
  }
  const date::year_month_day day{date::year{parts[0]},
                                 date::month{static_cast<unsigned>(parts[1])},
                                 date::day{static_cast<unsigned>(parts[2])}};
  if (!day.ok()) return {};
  return day;
}

std::vector<std::string> split(std::string_view text,
                               std::string_view separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (;;) {
    const std::size_t at = text.find(separator, start);
    parts.emplace_back(text.substr(start, at - start));
    if (at == std::string_view::npos) return parts;
    start = at + separator.size();
  }
}

}  // namespace parley::detail
