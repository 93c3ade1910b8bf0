// What the dataset importers share: reading one row's cells by column name
// with errors that name the column, the entities a row becomes, and ids
// made from names.
#ifndef PARLEY_SRC_DATASETS_ROW_HPP
#define PARLEY_SRC_DATASETS_ROW_HPP

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <date/date.h>

#include "parley/document.hpp"

#include "datasets/csv.hpp"

namespace parley::detail {

// What one row becomes, each list in the order to write it (a parent or a
// coalition's member before what names it).
struct RowEntities {
  std::vector<Actor> actors;
  std::vector<Place> places;
  std::vector<Process> processes;
  std::vector<Source> sources;
  Event event;
  std::vector<Claim> claims;
  // When the row itself says it became known (GDELT's DATEADDED), and the
  // column that says so; empty: the import's record time. A time after the
  // import's record time is a bad row (the importer refuses it there).
  std::optional<RecordTime> recorded;
  std::string_view recorded_column;
};

// A row that cannot be read: the column (0-based) and why. Thrown by the
// converters, caught by the importer, which adds the file and line.
struct RowError {
  std::size_t column;
  std::string reason;
};

// The column names of a file, from its header or the format's list.
class Columns {
 public:
  explicit Columns(std::vector<std::string> names);
  // The index of `name`, or empty.
  std::optional<std::size_t> find(std::string_view name) const;
  const std::vector<std::string>& names() const noexcept { return names_; }

 private:
  std::vector<std::string> names_;
  std::unordered_map<std::string, std::size_t> index_;
};

// One data row, read by column name. Each accessor marks the column as
// used; the columns left unused at the end are the row's attributes.
// Accessors throw RowError for a value they cannot read.
class RowReader {
 public:
  RowReader(const Columns& columns, const CsvRecord& record);

  // The cell's text; "" for a column the file lacks.
  const std::string& text(std::string_view column);
  // A whole number >= 0; empty when the cell is empty or in `missing`
  // (ACLED's "NA").
  std::optional<int> count(std::string_view column,
                           std::string_view missing = "");
  // A decimal number; empty when the cell is empty or `missing`.
  std::optional<double> number(std::string_view column,
                               std::string_view missing = "");
  // A day written YYYY-MM-DD.
  date::year_month_day day(std::string_view column);
  // Throws RowError at `column` with `reason`.
  [[noreturn]] void fail(std::string_view column,
                         const std::string& reason) const;
  // Marks a column used without reading it.
  void use(std::string_view column);
  // Marks a column unused again: its text goes to the attributes too.
  void keep(std::string_view column);

  // The unused columns with their text, as a JSON object; cells equal to
  // `missing` are kept too (they are the source's text).
  JsonObject unused() const;

 private:
  std::size_t index(std::string_view column) const;

  const Columns& columns_;
  const CsvRecord& record_;
  std::vector<bool> used_;
};

// A part of an id made from a name, one name to one part: ASCII letters,
// digits, '-' and '.' kept and each space '_' ("Ahrar al-Sham" ->
// "Ahrar_al-Sham"); a name with any other character, or longer than 80,
// becomes its first characters (others as '_') ':' and a 64-bit hash of
// the whole ("SOHR, Airwars" -> "SOHR__Airwars:<16 hex digits>").
std::string id_part(std::string_view name);

// A day written YYYY-MM-DD, or empty.
std::optional<date::year_month_day> parse_day(std::string_view text);

// Splits `text` at each `separator`, keeping empty parts.
std::vector<std::string> split(std::string_view text,
                               std::string_view separator);

}  // namespace parley::detail

#endif  // PARLEY_SRC_DATASETS_ROW_HPP
