// EDTF parsing: a hand-written recursive-descent parser over the text, one
// pass, no allocation beyond the value's own string (and the member vector
// of a set or list). Bounds are computed while parsing, so bounds() is a
// copy.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "parley/error.hpp"
#include "parley/time.hpp"

#include "time/calendar.hpp"

namespace parley {

namespace {
class Parser;
struct RawBoundsPair;
}  // namespace

// Fills an Edtf's private fields; a friend of Edtf.
class EdtfBuilder {
 public:
  static Edtf parse(std::string_view text, const EdtfOptions& options);

 private:
  static void note(Edtf& v, const EdtfPart& part);
  static void parse_date(Parser& p, Edtf& v);
  static void parse_set(Parser& p, std::string_view text, Edtf& v);
  static EdtfPart set_member(Parser& p, bool first, char close,
                             RawBoundsPair& bounds, bool& start_open,
                             bool& end_open);
  static void parse_interval(Parser& p, std::string_view text,
                             std::size_t slash, Edtf& v);
};

namespace {

using detail::civil_from_days;
using detail::days_from_civil;
using detail::kNegInf;
using detail::kPosInf;
using detail::last_day;
using detail::month_start;
using detail::RawBounds;

constexpr std::int64_t kYearLimit = 1'000'000'000'000'000;  // 10^15

enum Mark : std::uint8_t { kNone = 0, kUncertain = 1, kApproximate = 2 };

Qualifiers to_qualifiers(unsigned marks) {
  return {(marks & kUncertain) != 0, (marks & kApproximate) != 0};
}

// One parsed date: its qualifiers, precision, level and the periods of its
// earliest and latest valid completions.
struct DateInfo {
  ComponentQualifiers qualifiers;
  Precision precision = Precision::unknown;
  int level = 0;
  std::int64_t first_min = 0;  // first day of the earliest completion
  std::int64_t end_min = 0;    // day after the earliest completion
  std::int64_t first_max = 0;  // first day of the latest completion
  std::int64_t end_max = 0;    // day after the latest completion

  RawBounds within() const {
    return {first_min, end_max - 1, first_min + 1, end_max};
  }
  RawBounds spans() const { return {first_min, first_max, end_min, end_max}; }
};

// The candidate years of a year component: a 4-digit pattern with X digits,
// or a contiguous range (long years, significant digits).
struct YearSet {
  bool pattern = true;
  bool negative = false;
  std::int64_t base = 0;         // pattern value with every X as 0
  std::int64_t weights[4] = {};  // weights of the X digits, most significant
  int x_count = 0;
  std::int64_t lo = 0;  // range form
  std::int64_t hi = 0;

  std::int64_t count() const {
    if (!pattern) return hi - lo + 1;
    std::int64_t n = 1;
    for (int i = 0; i < x_count; ++i) n *= 10;
    return n;
  }
  std::int64_t value(std::int64_t index) const {
    std::int64_t v = base;
    for (int i = x_count - 1; i >= 0; --i) {
      v += (index % 10) * weights[i];
      index /= 10;
    }
    return v;
  }
  // The index-th smallest year (index in [0, count())).
  std::int64_t at(std::int64_t index) const {
    if (!pattern) return lo + index;
    return negative ? -value(count() - 1 - index) : value(index);
  }
};

// Bit v set when the two-character pattern (digits or X) matches v.
std::uint32_t match_mask(const char* p, unsigned lo, unsigned hi) {
  std::uint32_t mask = 0;
  for (unsigned v = lo; v <= hi; ++v) {
    const char t = static_cast<char>('0' + v / 10);
    const char u = static_cast<char>('0' + v % 10);
    if ((p[0] == 'X' || p[0] == t) && (p[1] == 'X' || p[1] == u))
      mask |= std::uint32_t{1} << v;
  }
  return mask;
}

// Parser::date and EdtfBuilder::parse are split into named steps below;
// the steps are declared inline so that GCC inlines them back into one
// function as before (bench/edtf.cpp: without the hint, GCC 12 -O3 left
// them as calls and level-0 parsing measured ~25% slower).
//
// The components of one date as written, before bounds are computed: the
// year set, the month and day digit patterns (digits or X) and the
// qualifier marks left and right of each component.
struct DateText {
  YearSet years;
  bool range_form = false;  // a Y year or significant digits
  bool has_month = false;
  bool has_day = false;
  char month_p[2] = {0, 0};
  char day_p[2] = {0, 0};
  unsigned year_left = 0, year_right = 0;
  unsigned month_left = 0, month_right = 0;
  unsigned day_left = 0, day_right = 0;
  std::size_t month_at = 0;  // offsets of the month and day digits
  std::size_t day_at = 0;
  unsigned grouping = 0;  // 21..41 for a season or month block, else 0

  bool month_x() const {
    return has_month && (month_p[0] == 'X' || month_p[1] == 'X');
  }
  bool day_x() const { return has_day && (day_p[0] == 'X' || day_p[1] == 'X'); }
  bool any_x() const { return years.x_count > 0 || month_x() || day_x(); }
};

class Parser {
 public:
  Parser(std::string_view text, const EdtfOptions& options)
      : s_(text), options_(options) {}

  [[noreturn]] void fail(std::size_t at, const std::string& message) const {
    throw Error(Errc::bad_time, "position " + std::to_string(at + 1),
                message + " in \"" + std::string(s_) + "\"");
  }

  char peek(std::size_t ahead = 0) const {
    return pos_ + ahead < s_.size() ? s_[pos_ + ahead] : '\0';
  }
  bool at_end() const { return pos_ >= s_.size(); }
  bool at_dots() const { return peek() == '.' && peek(1) == '.'; }
  std::size_t pos() const { return pos_; }
  void skip(std::size_t n) { pos_ += n; }

  static bool is_digit(char c) { return c >= '0' && c <= '9'; }

  unsigned mark() {
    switch (peek()) {
      case '?':
        ++pos_;
        return kUncertain;
      case '~':
        ++pos_;
        return kApproximate;
      case '%':
        ++pos_;
        return kUncertain | kApproximate;
      default:
        return kNone;
    }
  }

  // Reads one or more digits as an integer no larger than `limit`.
  std::int64_t number(std::int64_t limit, const char* what) {
    const std::size_t start = pos_;
    std::int64_t v = 0;
    if (!is_digit(peek())) fail(pos_, std::string("expected ") + what);
    while (is_digit(peek())) {
      v = v * 10 + (peek() - '0');
      if (v >= limit) fail(start, std::string(what) + " is out of range");
      ++pos_;
    }
    return v;
  }

  unsigned two_digits(const char* what) {
    if (!is_digit(peek()) || !is_digit(peek(1)))
      fail(pos_, std::string("expected two digits for the ") + what);
    const unsigned v =
        static_cast<unsigned>((peek() - '0') * 10 + (peek(1) - '0'));
    pos_ += 2;
    return v;
  }

  DateInfo date();

 private:
  void year(YearSet& years, bool& range_form, int& level);
  void month(DateText& d, int& level);
  void day(DateText& d);
  void exact_bounds(const DateText& d, std::size_t start, DateInfo& info);
  void pattern_bounds(const DateText& d, std::size_t start, DateInfo& info);
  bool complete(const DateText& d, std::uint32_t months, std::uint32_t days,
                std::int64_t y, bool latest, unsigned& om, unsigned& od) const;
  void period(const DateText& d, std::int64_t y, unsigned m, unsigned dd,
              std::int64_t& first, std::int64_t& end) const;
  void time(DateInfo& info, std::int64_t& day);

  std::string_view s_;
  const EdtfOptions& options_;
  std::size_t pos_ = 0;
};

void Parser::year(YearSet& years, bool& range_form, int& level) {
  const std::size_t start = pos_;
  if (peek() == 'Y') {
    ++pos_;
    range_form = true;
    years.pattern = false;
    const bool negative = peek() == '-';
    if (negative) ++pos_;
    const std::size_t digits_at = pos_;
    if (peek() == '0') fail(pos_, "a Y year must not start with 0");
    std::int64_t v = number(kYearLimit, "year digits after 'Y'");
    const std::size_t ndigits = pos_ - digits_at;
    bool exponent = false;
    if (peek() == 'E') {
      ++pos_;
      exponent = true;
      const std::size_t e_at = pos_;
      const std::int64_t e = number(100, "exponent digits after 'E'");
      if (e == 0) fail(e_at, "an exponent must be at least 1");
      for (std::int64_t i = 0; i < e; ++i) {
        if (v >= kYearLimit / 10)
          fail(start, "year is out of range (|year| < 10^15)");
        v *= 10;
      }
    } else if (ndigits <= 4) {
      fail(digits_at, "a Y year needs more than 4 digits (or an exponent)");
    }
    level = std::max(level, exponent ? 2 : 1);
    years.lo = years.hi = v;
    if (peek() == 'S') {
      ++pos_;
      level = 2;
      const std::size_t s_at = pos_;
      const std::int64_t sig = number(100, "significant digits after 'S'");
      int width = 0;
      for (std::int64_t t = v; t > 0; t /= 10) ++width;
      if (sig < 1 || sig > width)
        fail(s_at, "significant digits must be 1.." + std::to_string(width));
      std::int64_t unit = 1;
      for (std::int64_t i = 0; i < width - sig; ++i) unit *= 10;
      years.lo = v / unit * unit;
      years.hi = years.lo + unit - 1;
    }
    if (negative) {
      const std::int64_t lo = years.lo;
      years.lo = -years.hi;
      years.hi = -lo;
    }
    return;
  }
  years.negative = peek() == '-';
  if (years.negative) {
    ++pos_;
    level = std::max(level, 1);
  }
  const std::size_t digits_at = pos_;
  for (int i = 0; i < 4; ++i) {
    const char c = peek();
    static constexpr std::int64_t kWeight[4] = {1000, 100, 10, 1};
    if (is_digit(c)) {
      years.base += (c - '0') * kWeight[i];
    } else if (c == 'X') {
      years.weights[years.x_count++] = kWeight[i];
    } else {
      fail(pos_, i == 0 ? "expected a year (4 digits, or 'Y' and more digits)"
                        : "expected 4 year digits");
    }
    ++pos_;
  }
  if (is_digit(peek()) || peek() == 'X')
    fail(pos_,
         "expected '-' after a 4-digit year (basic format like 20170223 is "
         "not EDTF; longer years need 'Y')");
  if (years.negative && years.x_count == 0 && years.base == 0)
    fail(start, "-0000 is not a year (0000 is 1 BCE)");
  if (peek() == 'S') {
    if (years.x_count > 0)
      fail(pos_, "significant digits need a year without X");
    ++pos_;
    level = 2;
    range_form = true;
    years.pattern = false;
    const std::size_t s_at = pos_;
    const std::int64_t sig = number(100, "significant digits after 'S'");
    if (sig < 1 || sig > 4) fail(s_at, "significant digits must be 1..4");
    std::int64_t unit = 1;
    for (std::int64_t i = 0; i < 4 - sig; ++i) unit *= 10;
    const std::int64_t lo = years.base / unit * unit;
    years.lo = lo;
    years.hi = lo + unit - 1;
    if (years.negative) {
      years.lo = -(lo + unit - 1);
      years.hi = -lo;
      if (years.hi == 0) years.hi = -1;  // -0 is not a year
    }
  }
  // Level 1 allows X only as the last one or two year digits; the caller
  // refines the level once month and day are known.
  (void)digits_at;
}

void Parser::time(DateInfo& info, std::int64_t& day) {
  ++pos_;  // 'T'
  const std::size_t h_at = pos_;
  const unsigned h = two_digits("hour");
  if (h > 23) fail(h_at, "hour must be 00-23");
  if (peek() != ':') fail(pos_, "expected ':' and minutes");
  ++pos_;
  const std::size_t m_at = pos_;
  const unsigned m = two_digits("minute");
  if (m > 59) fail(m_at, "minute must be 00-59");
  info.precision = Precision::minute;
  if (peek() == ':') {
    ++pos_;
    const std::size_t s_at = pos_;
    const unsigned sec = two_digits("second");
    if (sec > 59) fail(s_at, "second must be 00-59");
    if (peek() == '.') {
      ++pos_;
      if (!is_digit(peek()))
        fail(pos_, "expected digits of a fraction of a second");
      while (is_digit(peek())) ++pos_;
    }
    info.precision = Precision::second;
  }
  std::int64_t offset = 0;  // minutes east of UTC
  if (peek() == 'Z') {
    ++pos_;
  } else if (peek() == '+' || peek() == '-') {
    const bool minus = peek() == '-';
    const std::size_t o_at = pos_;
    ++pos_;
    const std::size_t oh_at = pos_;
    const unsigned oh = two_digits("UTC offset hours");
    if (oh > 23) fail(oh_at, "offset hours must be 00-23");
    unsigned om = 0;
    if (peek() == ':') {
      ++pos_;
      const std::size_t om_at = pos_;
      om = two_digits("UTC offset minutes");
      if (om > 59) fail(om_at, "offset minutes must be 00-59");
    }
    if (minus && oh == 0 && om == 0)
      fail(o_at, "a zero offset is written 'Z' or '+00:00', never '-00:00'");
    offset = (minus ? -1 : 1) * static_cast<std::int64_t>(oh * 60 + om);
    if (offset < -12 * 60 || offset > 14 * 60)
      fail(o_at, "a UTC offset lies within -12:00..+14:00");
  }
  const std::int64_t minutes = static_cast<std::int64_t>(h * 60 + m) - offset;
  day += detail::floor_div(minutes, 1440);
}

// Reads "-MM" after the year: two digits or X, a month 01-12 or a
// grouping 21-41 (whose block in options_ must be valid).
inline void Parser::month(DateText& d, int& level) {
  if (d.range_form)
    fail(pos_, "a Y year or a year with significant digits takes no month");
  ++pos_;
  d.month_left = mark();
  d.month_at = pos_;
  for (int i = 0; i < 2; ++i) {
    const char c = peek();
    if (!is_digit(c) && c != 'X')
      fail(d.month_at, "expected two month digits (01-12, 21-41, or X)");
    d.month_p[i] = c;
    ++pos_;
  }
  d.has_month = true;
  d.month_right = mark();
  if (d.month_p[0] == 'X' || d.month_p[1] == 'X') return;
  const unsigned m =
      static_cast<unsigned>((d.month_p[0] - '0') * 10 + (d.month_p[1] - '0'));
  if (m >= 21 && m <= 41) {
    d.grouping = m;
    const MonthBlock block = options_.groupings[m - 21];
    if (block.first_month < 1 || block.first_month > 12 || block.months < 1 ||
        block.months > 12)
      throw Error(Errc::bad_value,
                  "EdtfOptions.groupings[" + std::to_string(m - 21) + "]",
                  "a month block starts in month 1..12 and lasts 1..12 "
                  "months");
    level = std::max(level, m <= 24 ? 1 : 2);
  } else if (m < 1 || m > 12) {
    fail(d.month_at, "month " + std::string(d.month_p, 2) +
                         " is not 01-12 or a grouping 21-41");
  }
}

// Reads "-DD" after the month: two digits or X.
inline void Parser::day(DateText& d) {
  if (d.grouping != 0) fail(pos_, "a season or grouping takes no day");
  ++pos_;
  d.day_left = mark();
  d.day_at = pos_;
  for (int i = 0; i < 2; ++i) {
    const char c = peek();
    if (!is_digit(c) && c != 'X')
      fail(d.day_at, "expected two day digits (01-31, or X)");
    d.day_p[i] = c;
    ++pos_;
  }
  d.has_day = true;
  d.day_right = mark();
  if (is_digit(peek()) || peek() == 'X')
    fail(pos_, "expected the end of the date after two day digits");
}

// Qualifiers: a mark right of a component covers it and everything to its
// left; a mark left of a component covers it alone. Trailing marks only are
// level 1; any other placement is level 2.
inline ComponentQualifiers qualify(const DateText& d, int& level) {
  ComponentQualifiers q;
  q.year =
      to_qualifiers(d.year_left | d.year_right | d.month_right | d.day_right);
  q.month = to_qualifiers(d.month_left | d.month_right | d.day_right);
  q.day = to_qualifiers(d.day_left | d.day_right);
  const unsigned last_right =
      d.has_day ? d.day_right : (d.has_month ? d.month_right : d.year_right);
  const bool only_trailing =
      d.year_left == 0 && d.month_left == 0 && d.day_left == 0 &&
      (d.has_day ? (d.year_right | d.month_right) == 0
                 : (d.has_month ? d.year_right == 0 : true));
  if (d.year_left | d.year_right | d.month_left | d.month_right | d.day_left |
      d.day_right)
    level = std::max(level, only_trailing && last_right != 0 ? 1 : 2);
  return q;
}

// The level of X digits. Level 1: 201X, 20XX (year only), 2017-XX,
// 2017-02-XX, 2017-XX-XX; any other pattern is level 2.
inline int x_level(const DateText& d) {
  const YearSet& years = d.years;
  const bool month_full_x =
      d.has_month && d.month_p[0] == 'X' && d.month_p[1] == 'X';
  const bool day_full_x = d.has_day && d.day_p[0] == 'X' && d.day_p[1] == 'X';
  if (years.x_count > 0) {
    const bool year_tail_x =
        years.x_count <= 2 &&
        (years.x_count == 0 || years.weights[years.x_count - 1] == 1) &&
        (years.x_count < 2 || years.weights[0] == 10);
    return year_tail_x && !d.has_month ? 1 : 2;
  }
  const bool month_x = d.month_x();
  const bool day_x = d.day_x();
  return (!month_x || month_full_x) && (!day_x || day_full_x) &&
                 (!month_x || !d.has_day || day_full_x)
             ? 1
             : 2;
}

// The finest component with at least one stated digit.
inline Precision precision_of(const DateText& d) {
  if (d.has_day && !(d.day_p[0] == 'X' && d.day_p[1] == 'X'))
    return Precision::day;
  if (d.has_month && !(d.month_p[0] == 'X' && d.month_p[1] == 'X'))
    return d.grouping ? Precision::season : Precision::month;
  if (!d.years.pattern || d.years.x_count < 4) return Precision::year;
  return Precision::unknown;
}

DateInfo Parser::date() {
  DateInfo info;
  const std::size_t start = pos_;
  if (at_end()) fail(pos_, "expected a date");
  int level = 0;
  DateText d;
  d.year_left = mark();
  year(d.years, d.range_form, level);
  d.year_right = mark();
  if (peek() == '-') {
    month(d, level);
    if (is_digit(peek()) || peek() == 'X')
      fail(pos_, "expected '-' and two day digits after the month");
    if (peek() == '-') day(d);
  }
  info.qualifiers = qualify(d, level);
  if (d.any_x()) level = std::max(level, x_level(d));
  info.precision = precision_of(d);
  if (!d.any_x() && d.years.pattern) {
    exact_bounds(d, start, info);
  } else {
    pattern_bounds(d, start, info);
  }
  info.level = level;
  return info;
}

// The first day and the day after the period of year y, month m, day dd at
// the date's precision.
inline void Parser::period(const DateText& d, std::int64_t y, unsigned m,
                           unsigned dd, std::int64_t& first,
                           std::int64_t& end) const {
  if (d.grouping) {
    const MonthBlock block = options_.groupings[d.grouping - 21];
    first = month_start(y, block.first_month, 0);
    end = month_start(y, block.first_month, block.months);
  } else if (!d.has_month) {
    first = days_from_civil(y, 1, 1);
    end = days_from_civil(y + 1, 1, 1);
  } else if (!d.has_day) {
    first = days_from_civil(y, m, 1);
    end = month_start(y, m, 1);
  } else {
    first = days_from_civil(y, m, dd);
    end = first + 1;
  }
}

// The common case: one exact date, perhaps with a time of day.
inline void Parser::exact_bounds(const DateText& d, std::size_t start,
                                 DateInfo& info) {
  const std::int64_t y = d.years.negative ? -d.years.base : d.years.base;
  unsigned m = 1, dd = 1;
  if (d.has_month && !d.grouping)
    m = static_cast<unsigned>((d.month_p[0] - '0') * 10 + (d.month_p[1] - '0'));
  if (d.has_day) {
    dd = static_cast<unsigned>((d.day_p[0] - '0') * 10 + (d.day_p[1] - '0'));
    if (dd < 1 || dd > last_day(y, m)) {
      if (dd < 1 || dd > 31) fail(d.day_at, "day must be 01-31");
      fail(d.day_at, std::string(s_.substr(start, d.day_at - start - 1)) +
                         " has no day " + std::string(d.day_p, 2));
    }
  }
  period(d, y, m, dd, info.first_min, info.end_min);
  if (peek() == 'T') {
    if (!d.has_day) fail(pos_, "a time needs a full date (YYYY-MM-DD)");
    if (info.qualifiers.any())
      fail(pos_, "a qualified date takes no time of day");
    std::int64_t utc_day = info.first_min;
    time(info, utc_day);
    info.first_min = utc_day;
    info.end_min = utc_day + 1;
  }
  info.first_max = info.first_min;
  info.end_max = info.end_min;
}

// The earliest (or latest) valid completion of year y under the month and
// day masks, as (om, od); false when the year has none.
inline bool Parser::complete(const DateText& d, std::uint32_t months,
                             std::uint32_t days, std::int64_t y, bool latest,
                             unsigned& om, unsigned& od) const {
  if (!d.has_month || d.grouping) return true;
  for (unsigned k = 0; k < 12; ++k) {
    const unsigned m = latest ? 12 - k : 1 + k;
    if (!(months >> m & 1)) continue;
    if (!d.has_day) {
      om = m;
      return true;
    }
    const unsigned last = last_day(y, m);
    for (unsigned j = 0; j < 31; ++j) {
      const unsigned dd = latest ? 31 - j : 1 + j;
      if (dd > last || !(days >> dd & 1)) continue;
      om = m;
      od = dd;
      return true;
    }
  }
  return false;
}

// A date with X digits or a year range: the earliest and the latest valid
// completions bound it.
inline void Parser::pattern_bounds(const DateText& d, std::size_t start,
                                   DateInfo& info) {
  if (peek() == 'T')
    fail(pos_, "a date with X or significant digits takes no time of day");
  const std::uint32_t months =
      !d.has_month || d.grouping ? 0 : match_mask(d.month_p, 1, 12);
  const std::uint32_t days = d.has_day ? match_mask(d.day_p, 1, 31) : 0;
  if (d.has_month && !d.grouping && months == 0)
    fail(d.month_at, "no month 01-12 matches " + std::string(d.month_p, 2));

  const YearSet& years = d.years;
  const std::int64_t n = years.count();
  bool found = false;
  unsigned m = 1, dd = 1;
  for (std::int64_t i = 0; i < n && !found; ++i) {
    const std::int64_t y = years.at(i);
    if (years.pattern && years.negative && y == 0) continue;
    if (complete(d, months, days, y, false, m, dd)) {
      found = true;
      period(d, y, m, dd, info.first_min, info.end_min);
    }
  }
  if (!found) fail(start, "no valid date matches this pattern");
  found = false;
  for (std::int64_t i = n - 1; i >= 0 && !found; --i) {
    const std::int64_t y = years.at(i);
    if (years.pattern && years.negative && y == 0) continue;
    if (complete(d, months, days, y, true, m, dd)) {
      found = true;
      period(d, y, m, dd, info.first_max, info.end_max);
    }
  }
}

RawBounds envelope(const RawBounds& a, const RawBounds& b) {
  return {std::min(a.earliest_start, b.earliest_start),
          std::max(a.latest_start, b.latest_start),
          std::min(a.earliest_end, b.earliest_end),
          std::max(a.latest_end, b.latest_end)};
}

std::optional<Day> to_day(std::int64_t v) {
  if (v <= kNegInf || v >= kPosInf) return std::nullopt;
  return Day{days64{v}};
}

Bounds to_bounds(const RawBounds& r) {
  Bounds b;
  b.earliest_start = to_day(r.earliest_start);
  b.latest_start = to_day(r.latest_start);
  b.earliest_end = to_day(r.earliest_end);
  b.latest_end = to_day(r.latest_end);
  return b;
}

EdtfPart part_of(const DateInfo& d) {
  EdtfPart p;
  p.qualifiers = d.qualifiers;
  p.precision = d.precision;
  return p;
}

// The within and spans bounds of one part of a value.
struct RawBoundsPair {
  RawBounds within;
  RawBounds spans;
};

}  // namespace

// Folds a part's precision and qualifiers into the value's.
inline void EdtfBuilder::note(Edtf& v, const EdtfPart& part) {
  v.precision_ = std::max(v.precision_, part.precision);
  for (const Qualifiers* q :
       {&part.qualifiers.year, &part.qualifiers.month, &part.qualifiers.day}) {
    v.uncertain_ = v.uncertain_ || q->uncertain;
    v.approximate_ = v.approximate_ || q->approximate;
  }
}

// One date: "2017-02-16", "2017-02?", "201X".
inline void EdtfBuilder::parse_date(Parser& p, Edtf& v) {
  v.form_ = Form::date;
  const DateInfo d = p.date();
  if (!p.at_end()) p.fail(p.pos(), "expected the end of the date");
  v.level_ = d.level;
  v.parts_[0] = part_of(d);
  v.part_count_ = 1;
  note(v, v.parts_[0]);
  v.within_ = to_bounds(d.within());
  v.spans_ = to_bounds(d.spans());
}

// One member of a set or list: a date, "..date" (first member only),
// "date.." (last member only) or a range "a..b". Its bounds go to `bounds`.
EdtfPart EdtfBuilder::set_member(Parser& p, bool first, char close,
                                 RawBoundsPair& bounds, bool& start_open,
                                 bool& end_open) {
  RawBounds& w = bounds.within;
  RawBounds& s = bounds.spans;
  EdtfPart part;
  if (p.at_dots()) {
    if (!first)
      p.fail(p.pos(), "only the first member may be open before ('..x')");
    p.skip(2);
    const DateInfo d = p.date();
    part = part_of(d);
    part.open_before = true;
    start_open = true;
    w = {kNegInf, d.within().latest_start, kNegInf, d.end_max};
    s = {kNegInf, d.first_max, kNegInf, d.end_max};
    return part;
  }
  const DateInfo a = p.date();
  part = part_of(a);
  w = a.within();
  s = a.spans();
  if (!p.at_dots()) return part;
  p.skip(2);
  if (p.peek() == ',' || p.peek() == close) {
    part.open_after = true;
    end_open = true;
    w.latest_start = w.latest_end = kPosInf;
    s.latest_start = s.latest_end = kPosInf;
    if (p.peek() == ',')
      p.fail(p.pos(), "only the last member may be open after ('x..')");
    return part;
  }
  const std::size_t b_at = p.pos();
  const DateInfo b = p.date();
  if (b.first_min < a.first_min)
    p.fail(b_at, "a range must not end before it starts");
  part.range = true;
  part.precision = std::max(a.precision, b.precision);
  const auto merge = [](Qualifiers x, Qualifiers y) {
    return Qualifiers{x.uncertain || y.uncertain,
                      x.approximate || y.approximate};
  };
  part.qualifiers.year = merge(a.qualifiers.year, b.qualifiers.year);
  part.qualifiers.month = merge(a.qualifiers.month, b.qualifiers.month);
  part.qualifiers.day = merge(a.qualifiers.day, b.qualifiers.day);
  w = envelope(a.within(), b.within());
  s = envelope(a.spans(), b.spans());
  return part;
}

// A set "[a,b..c]" (one of) or a list "{a,b}" (all of).
void EdtfBuilder::parse_set(Parser& p, std::string_view text, Edtf& v) {
  const char close = text[0] == '[' ? ']' : '}';
  v.form_ = text[0] == '[' ? Form::one_of : Form::all_of;
  v.level_ = 2;
  p.skip(1);
  if (p.peek() == close) p.fail(p.pos(), "a set or list needs a member");
  RawBounds within{kPosInf, kNegInf, kPosInf, kNegInf};
  RawBounds spans = within;
  bool first = true;
  bool start_open = false, end_open = false;
  for (;;) {
    RawBoundsPair member;
    const EdtfPart part =
        set_member(p, first, close, member, start_open, end_open);
    note(v, part);
    v.more_parts_.push_back(part);
    within = envelope(within, member.within);
    spans = envelope(spans, member.spans);
    first = false;
    if (p.peek() == ',') {
      p.skip(1);
      continue;
    }
    if (p.peek() == close) {
      p.skip(1);
      break;
    }
    p.fail(p.pos(), std::string("expected ',' or '") + close + "'");
  }
  if (!p.at_end()) p.fail(p.pos(), "expected the end after the set or list");
  v.within_ = to_bounds(within);
  v.spans_ = to_bounds(spans);
  v.within_.start_open = v.spans_.start_open = start_open;
  v.within_.end_open = v.spans_.end_open = end_open;
}

// An interval "a/b", with either side open ("..") or unknown (empty).
void EdtfBuilder::parse_interval(Parser& p, std::string_view text,
                                 std::size_t slash, Edtf& v) {
  v.form_ = Form::interval;
  if (text.find('/', slash + 1) != std::string_view::npos)
    p.fail(text.find('/', slash + 1), "an interval has one '/'");
  DateInfo side[2];
  EdtfPart parts[2];
  for (int i = 0; i < 2; ++i) {
    const std::size_t end = i == 0 ? slash : text.size();
    if (p.pos() == end) {
      parts[i].unknown = true;
    } else if (p.at_dots() && p.pos() + 2 == end) {
      parts[i].open = true;
      p.skip(2);
    } else {
      side[i] = p.date();
      parts[i] = part_of(side[i]);
      v.level_ = std::max(v.level_, side[i].level);
      note(v, parts[i]);
      if (p.pos() != end)
        p.fail(p.pos(), i == 0 ? "expected '/' after the interval's start"
                               : "expected the end of the interval");
    }
    if (i == 0) p.skip(1);  // '/'
  }
  const bool start_known = !parts[0].open && !parts[0].unknown;
  const bool end_known = !parts[1].open && !parts[1].unknown;
  if (!start_known && !end_known)
    p.fail(0, "an interval needs a date on at least one side");
  if (!start_known || !end_known) v.level_ = std::max(v.level_, 1);
  if (start_known && end_known && side[0].first_min >= side[1].end_max)
    p.fail(slash + 1, "the interval ends before it starts");
  RawBounds w, s;
  if (start_known) {
    w.earliest_start = side[0].first_min;
    w.latest_start = side[0].within().latest_start;
    s.earliest_start = side[0].first_min;
    s.latest_start = side[0].first_max;
  }
  if (end_known) {
    w.earliest_end = side[1].within().earliest_end;
    w.latest_end = side[1].end_max;
    s.earliest_end = side[1].end_min;
    s.latest_end = side[1].end_max;
  }
  if (start_known && end_known) {
    // The start comes before the end: clamp each side by the other.
    for (RawBounds* r : {&w, &s}) {
      r->latest_start = std::min(r->latest_start, r->latest_end - 1);
      r->earliest_end = std::max(r->earliest_end, r->earliest_start + 1);
    }
  }
  v.within_ = to_bounds(w);
  v.spans_ = to_bounds(s);
  for (Bounds* b : {&v.within_, &v.spans_}) {
    b->start_open = parts[0].open;
    b->start_unknown = parts[0].unknown;
    b->end_open = parts[1].open;
    b->end_unknown = parts[1].unknown;
    if (!start_known) b->earliest_start = b->latest_start = std::nullopt;
    if (!end_known) b->earliest_end = b->latest_end = std::nullopt;
  }
  v.parts_[0] = parts[0];
  v.parts_[1] = parts[1];
  v.part_count_ = 2;
}

Edtf EdtfBuilder::parse(std::string_view text, const EdtfOptions& options) {
  Parser p(text, options);
  Edtf v;
  if (text.empty()) p.fail(0, "expected an EDTF value, got nothing");
  if (text[0] == '[' || text[0] == '{') {
    parse_set(p, text, v);
  } else if (const std::size_t slash = text.find('/');
             slash != std::string_view::npos) {
    parse_interval(p, text, slash, v);
  } else {
    parse_date(p, v);
  }
  v.text_.assign(text);
  return v;
}

Edtf Edtf::parse(std::string_view text) {
  static constexpr EdtfOptions kDefaults{};
  return EdtfBuilder::parse(text, kDefaults);
}

Edtf Edtf::parse(std::string_view text, const EdtfOptions& options) {
  return EdtfBuilder::parse(text, options);
}

}  // namespace parley
