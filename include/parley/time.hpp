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
// What parse() accepts (all three EDTF levels):
//   level 0  2017, 2017-02, 2017-02-23,
//   2017-02-23T10:00[:00[.5]][Z|±hh|±hh:mm],
//            2017-02-15/2017-02-16
//   level 1  Y170000002 (Y only with more than 4 digits), -0044 (0000 is
//            1 BCE; -0000 is refused), seasons 2017-21..24, a trailing ?, ~
//            or % on a date, 201X, 20XX, 2017-XX, 2017-02-XX, 2017-XX-XX,
//            open (..) and unknown (empty) interval ends
//   level 2  Y-17E7, 1950S2, Y3388E2S3, groupings 2017-25..41, qualifiers on
//            components (2004-?06-11, ?2004-06~-11), X in any digit
//            (156X-12-25, XXXX-12-XX), one-of sets [1667,1668,1670..1672],
//            [..1760-12-03], [1760-12..] and all-of lists {1960,1961-12}
//
// Choices where the specification is silent (all documented behaviour):
//   * Groupings 21..41 map to month blocks given by EdtfOptions; the default
//     is northern meteorological seasons (spring Mar–May, summer Jun–Aug,
//     autumn Sep–Nov, winter Dec to Feb of the next year) for 21–24 and
//     25–28, the southern ones (spring Sep–Nov, summer Dec–Feb, autumn
//     Mar–May, winter Jun–Aug) for 29–32, quarters 33–36 as 3-month
//     blocks from January, quadrimesters 37–39 as 4-month blocks, semesters
//     40–41 as 6-month blocks.
//   * A date-time with a UTC offset ("2017-02-16T02:00:00+06:00") is bounded
//     by its UTC day (2017-02-15); without an offset, by its own day. The
//     bounds are in days; the precision says the value named a second.
//   * X digits bound to the *valid* completions: 2017-0X-31 ends at
//     2017-08-31, 20XX-02-29 at 2096-02-29. X in a month completes to 01–12
//     only (never to a grouping); a pattern with no valid completion is
//     refused.
//   * Significant digits keep the leading digits: 1950S2 is 1900..1999.
//   * An interval needs a date on at least one side ("/" and "../.." are
//     refused), and is refused when its start's earliest day comes after its
//     end's latest day ("2005/2004"); "2004-06/2004" is accepted.
//   * Years are limited to |year| < 10^15 (Day is 64-bit). Beyond
//     date::year's ±32767 the arithmetic is parley's own.
//   * Only '?', '~' and '%' qualify; a qualifier may stand left of a
//     component (covering it alone) or right of it (covering it and every
//     component to its left); both may qualify one component ("?2004~").
//   * A UTC offset lies within -12:00..+14:00, the offsets in use.
//
// Thread-safety: Edtf is an immutable value; concurrent reads are safe.
#ifndef PARLEY_TIME_HPP
#define PARLEY_TIME_HPP

#include <array>
#include <chrono>
#include <compare>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

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
//
// In a one-of set or all-of list an open first member ("[..1760-12-03]")
// sets start_open and an open last member ("[1760-12..]") sets end_open;
// the bounds on that side that remain finite ("latest start 1760-12-03")
// are kept, the others are empty. An empty bound with neither flag set on
// its side means "unbounded" (the earliest end of "[..1760-12-03]").
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
  season,  // seasons, quarters, semesters (EDTF 21..41)
  month,
  day,
  hour,
  minute,
  second,
};
std::string_view to_string(Precision p) noexcept;

// The qualifiers that cover one component of a date.
struct Qualifiers {
  bool uncertain = false;    // '?' (or '%')
  bool approximate = false;  // '~' (or '%')

  bool any() const noexcept { return uncertain || approximate; }
  bool operator==(const Qualifiers&) const = default;
};

// The qualifiers of a date's year, month (or grouping) and day, after the
// left/right rule: "?2004-06~-11" has an uncertain, approximate year, an
// approximate month and an unqualified day.
struct ComponentQualifiers {
  Qualifiers year;
  Qualifiers month;
  Qualifiers day;

  bool any() const noexcept { return year.any() || month.any() || day.any(); }
  bool operator==(const ComponentQualifiers&) const = default;
};

// The shape of a value.
enum class Form {
  date,      // one date (or date-time): "2017-02-23"
  interval,  // "a/b", either side possibly open or unknown
  one_of,    // "[a,b,c..d]": exactly one of the members
  all_of,    // "{a,b}": all of the members
};
std::string_view to_string(Form f) noexcept;

// One part of a value: the date of a single value, a side of an interval,
// or a member of a set or list (a member may be a range "a..b" or open
// "..a" / "a.."). Qualifiers of a range are those of both its dates.
struct EdtfPart {
  ComponentQualifiers qualifiers;
  Precision precision = Precision::unknown;
  bool open = false;         // ".." as an interval side
  bool unknown = false;      // an empty interval side
  bool range = false;        // "a..b" in a set or list
  bool open_before = false;  // "..a" as the first member of a set or list
  bool open_after = false;   // "a.." as the last member of a set or list

  bool operator==(const EdtfPart&) const = default;
};

// How the groupings 21..41 map to months: a block of `months` months
// starting at `first_month` (1..12) of the value's year; a block may run
// into the next year (winter, Dec–Feb).
struct MonthBlock {
  unsigned first_month = 1;
  unsigned months = 3;

  bool operator==(const MonthBlock&) const = default;
};

// Options for Edtf::parse. Cheap to copy; pass by const&.
struct EdtfOptions {
  // The month block of each grouping code 21..41 (index code - 21);
  // first_month 1..12 and months 1..12, else parsing a value that uses the
  // block throws parley::Error (Errc::bad_value).
  // Default: northern_meteorological() (see the header comment). Changing
  // it changes bounds only, never validity or the canonical text.
  std::array<MonthBlock, 21> groupings = northern_meteorological();

  // The default table: 21–24 and 25–28 northern meteorological seasons,
  // 29–32 southern, 33–36 quarters, 37–39 quadrimesters, 40–41 semesters.
  static constexpr std::array<MonthBlock, 21> northern_meteorological() {
    return {{{3, 3}, {6, 3},  {9, 3}, {12, 3},  // 21-24 seasons
             {3, 3}, {6, 3},  {9, 3}, {12, 3},  // 25-28 northern
             {9, 3}, {12, 3}, {3, 3}, {6, 3},   // 29-32 southern
             {1, 3}, {4, 3},  {7, 3}, {10, 3},  // 33-36 quarters
             {1, 4}, {5, 4},  {9, 4},           // 37-39 quadrimesters
             {1, 6}, {7, 6}}};                  // 40-41 semesters
  }
};

// An EDTF value. Construct it with parse(); a default-constructed Edtf is
// empty: ok() is false, str() is "", and bounds() are all unknown.
class Edtf {
 public:
  Edtf() = default;

  // Parses `text` (EDTF levels 0, 1 and 2).
  // Success: the value. Error: parley::Error with Errc::bad_time whose
  // where() names the character position, counted from 1 ("position 5"),
  // and whose message says what was expected there. Never returns an
  // invalid value.
  static Edtf parse(std::string_view text);
  static Edtf parse(std::string_view text, const EdtfOptions& options);

  // The value for one calendar day ("2017-02-23"). Error: parley::Error
  // (Errc::bad_time) when !day.ok(); (Errc::unsupported) for a year beyond
  // -9999..9999, whose days EDTF cannot write.
  static Edtf from_day(date::year_month_day day);

  // False only for a default-constructed value.
  bool ok() const noexcept { return !text_.empty(); }

  // The canonical text: parse(x.str()) == x. parley keeps the text as
  // written (EDTF has one spelling per value apart from exponents, which
  // are kept as the author chose them).
  const std::string& str() const noexcept { return text_; }

  // 0, 1 or 2: the lowest EDTF level whose features cover the value.
  int level() const noexcept { return level_; }

  Precision precision() const noexcept { return precision_; }

  Form form() const noexcept { return form_; }

  // True when the value is an interval ("a/b"), false for a single value,
  // set or list.
  bool is_interval() const noexcept { return form_ == Form::interval; }

  // Any '?', '~' or '%' anywhere in the value. Qualifiers never move bounds.
  bool uncertain() const noexcept { return uncertain_; }
  bool approximate() const noexcept { return approximate_; }

  // The parts: one for a date, two for an interval (start, end), one per
  // member for a set or list. Valid as long as the value.
  std::span<const EdtfPart> parts() const noexcept {
    if (!more_parts_.empty()) return more_parts_;
    return {parts_.data(), part_count_};
  }

  // The bounds under the given semantics.
  Bounds bounds(Semantics semantics = Semantics::within) const;

  bool operator==(const Edtf& other) const noexcept {
    return text_ == other.text_;
  }

 private:
  friend class EdtfBuilder;

  std::string text_;
  int level_ = 0;
  Precision precision_ = Precision::unknown;
  Form form_ = Form::date;
  bool uncertain_ = false;
  bool approximate_ = false;
  static Bounds unknown_bounds() noexcept {
    Bounds b;
    b.start_unknown = b.end_unknown = true;
    return b;
  }

  Bounds within_ = unknown_bounds();
  Bounds spans_ = unknown_bounds();
  std::array<EdtfPart, 2> parts_{};
  std::size_t part_count_ = 0;
  std::vector<EdtfPart> more_parts_;  // sets and lists only
};

// The day as text, "YYYY-MM-DD" (or "-YYYY-MM-DD", or "Y…" beyond 4 digits).
std::string to_string(Day day);

// JSON: an EDTF value is its canonical string. from_json throws
// parley::Error (Errc::bad_time) for an invalid string.
void to_json(nlohmann::json& j, const Edtf& value);
void from_json(const nlohmann::json& j, Edtf& value);

}  // namespace parley

#endif  // PARLEY_TIME_HPP
