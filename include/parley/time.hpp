// parley/time.hpp — EDTF time values and their bounds.
//
// Every time in parley's model is an EDTF value (Extended Date/Time Format,
// Library of Congress 2019 = ISO 8601-2 profile): "2017-02-23", "2017-02",
// "2017-02-16?", "2017-02-15/2017-02-16", "../2017-02-23". A value knows its
// canonical text and four bounds in days — the earliest and latest possible
// start, and the earliest and latest possible end — so that "February 2017"
// and "2017-02-23" compare correctly.
//
//   parley::Edtf feb = parley::Edtf::parse("2017-02");
//   parley::Bounds b = feb.bounds();           // occurs-within semantics
//   // b.earliest_start == 2017-02-01, b.latest_end == 2017-03-01 (half-open)
//   feb.str();                                 // "2017-02"
//
// Bounds are half-open: an end bound is the day after the last day.
// Open ends ("..") and unknown ends (empty) are kept distinct: both leave
// the bound empty, and the flags tell which.
//
// Thread-safety: Edtf is an immutable value; concurrent reads are safe.
#ifndef PARLEY_TIME_HPP
#define PARLEY_TIME_HPP

#include <chrono>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <date/date.h>
#include <nlohmann/json_fwd.hpp>

namespace parley {

// A day count since 1970-01-01 wide enough for any EDTF year (date::sys_days
// counts in 32 bits, about ±5.8 million years; EDTF allows Y-17E7 and more).
// It is a date::sys_time, so date's arithmetic works on it, and any
// date::sys_days converts to it implicitly.
using days64 = std::chrono::duration<std::int64_t, date::days::period>;
using Day = date::sys_time<days64>;

// How an interval asserted by a value relates to the period it names.
enum class Semantics {
  // "In February 2017": the event took some non-empty part of February.
  // Its start and end may lie anywhere inside the period. (Default.)
  within,
  // "Throughout February 2017": the event spans the whole period.
  spans,
};

// The four bounds of a value. Each is empty when that end is open or
// unknown; the flags say which. End bounds are half-open.
struct Bounds {
  std::optional<Day> earliest_start;
  std::optional<Day> latest_start;
  std::optional<Day> earliest_end;
  std::optional<Day> latest_end;
  bool start_open = false;     // "../x": no start
  bool start_unknown = false;  // "/x": a start exists but is not known
  bool end_open = false;       // "x/..": no end (still going)
  bool end_unknown = false;    // "x/": an end exists but is not known

  bool operator==(const Bounds&) const = default;
};

// The finest unit a value states.
enum class Precision {
  unknown,  // no date at all (e.g. "/" halves, "XXXX")
  year,
  season,   // seasons, quarters, semesters (EDTF 21..41)
  month,
  day,
  hour,
  minute,
  second,
};
std::string_view to_string(Precision p) noexcept;

// An EDTF value. Construct it with parse(); a default-constructed Edtf is
// empty: ok() is false, str() is "", and bounds() are all unknown.
class Edtf {
 public:
  Edtf() = default;

  // Parses `text` (EDTF levels 0, 1 and 2).
  // Success: the value. Error: parley::Error with Errc::bad_time whose
  // where() names the character position ("position 5") and whose message
  // says what was expected there. Never returns an invalid value.
  static Edtf parse(std::string_view text);

  // The value for one calendar day.
  static Edtf from_day(date::year_month_day day);

  // False only for a default-constructed value.
  bool ok() const noexcept { return !text_.empty(); }

  // The canonical text: parse(x.str()) == x.
  const std::string& str() const noexcept { return text_; }

  // 0, 1 or 2: the lowest EDTF level whose features cover the value.
  int level() const noexcept { return level_; }

  Precision precision() const noexcept { return precision_; }

  // True when the value is an interval ("a/b"), false for a single value,
  // set or list.
  bool is_interval() const noexcept { return interval_; }

  // Any '?', '~' or '%' anywhere in the value. Qualifiers never move bounds.
  bool uncertain() const noexcept { return uncertain_; }
  bool approximate() const noexcept { return approximate_; }

  // The bounds under the given semantics.
  Bounds bounds(Semantics semantics = Semantics::within) const;

  bool operator==(const Edtf& other) const noexcept {
    return text_ == other.text_;
  }

 private:
  std::string text_;
  int level_ = 0;
  Precision precision_ = Precision::unknown;
  bool interval_ = false;
  bool uncertain_ = false;
  bool approximate_ = false;
  Bounds within_;
  Bounds spans_;
};

// The day as text, "YYYY-MM-DD" (or "-YYYY-MM-DD", or "Y…" beyond 4 digits).
std::string to_string(Day day);

// JSON: an EDTF value is its canonical string. from_json throws
// parley::Error (Errc::bad_time) for an invalid string.
void to_json(nlohmann::json& j, const Edtf& value);
void from_json(const nlohmann::json& j, Edtf& value);

}  // namespace parley

#endif  // PARLEY_TIME_HPP
