#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "parley/error.hpp"
#include "parley/slip.hpp"
#include "parley/zone.hpp"

#include "render/common.hpp"
#include "time/calendar.hpp"

namespace parley::render_detail {
namespace {

constexpr std::array<std::string_view, 12> month_names = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun",
    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// The names of EDTF groupings 21..41, as EdtfOptions' default reads them.
constexpr std::array<std::string_view, 21> grouping_names = {"spring",
                                                             "summer",
                                                             "autumn",
                                                             "winter",
                                                             "northern spring",
                                                             "northern summer",
                                                             "northern autumn",
                                                             "northern winter",
                                                             "southern spring",
                                                             "southern summer",
                                                             "southern autumn",
                                                             "southern winter",
                                                             "Q1",
                                                             "Q2",
                                                             "Q3",
                                                             "Q4",
                                                             "first third of",
                                                             "second third of",
                                                             "third third of",
                                                             "first half of",
                                                             "second half of"};

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// "2017" -> "2017", "0800" -> "800", "0000" -> "1 BCE", "-0044" -> "45 BCE".
std::string year_text(bool negative, std::string_view digits) {
  const long long y = std::atoll(std::string(digits).c_str());
  const long long astronomical = negative ? -y : y;
  if (astronomical <= 0) return std::to_string(1 - astronomical) + " BCE";
  return std::to_string(astronomical);
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      out.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

// One date of a value (an interval side, a set member's date), for people.
std::string display_token(std::string_view token) {
  if (token.empty()) return "unknown";
  if (token == "..") return "open";
  bool uncertain = false;
  bool approximate = false;
  std::string clean;
  for (char c : token) {
    if (c == '?' || c == '%') uncertain = true;
    if (c == '~' || c == '%') approximate = true;
    if (c != '?' && c != '~' && c != '%') clean += c;
  }
  std::string out;
  std::string_view date = clean;
  std::string clock;
  if (const auto t = date.find('T'); t != std::string_view::npos) {
    clock = std::string(date.substr(t + 1));
    date = date.substr(0, t);
  }
  const bool negative = !date.empty() && date.front() == '-';
  const auto parts = split(negative ? date.substr(1) : date, '-');
  const bool plain = parts.size() <= 3 && parts[0].size() == 4 &&
                     clean.find_first_of("YES") == std::string::npos;
  if (!plain) {
    out = clean;  // exponents and significant digits: as written
  } else if (clean.find('X') != std::string::npos) {
    out = std::string(date);
    for (char& c : out) {
      if (c == 'X') c = '?';
    }
  } else if (parts.size() == 1) {
    out = year_text(negative, parts[0]);
  } else if (parts.size() == 2 && all_digits(parts[1])) {
    const int m = std::atoi(std::string(parts[1]).c_str());
    const std::string year = year_text(negative, parts[0]);
    if (m >= 1 && m <= 12) {
      out = std::string(month_names[m - 1]) + " " + year;
    } else if (m >= 21 && m <= 41) {
      out = std::string(grouping_names[m - 21]) + " " + year;
    } else {
      out = std::string(date);
    }
  } else {
    out = std::string(date);
  }
  if (!clock.empty()) out += " " + clock;
  if (approximate) out = "c. " + out;
  if (uncertain) out += "?";
  return out;
}

// A member of a set or list: "x", "..x", "x..", "a..b".
std::string display_member(std::string_view member, bool alone) {
  if (member.starts_with("..")) {
    return "on or before " + display_token(member.substr(2));
  }
  if (member.ends_with("..")) {
    return "on or after " + display_token(member.substr(0, member.size() - 2));
  }
  if (const auto r = member.find(".."); r != std::string_view::npos) {
    const std::string a = display_token(member.substr(0, r));
    const std::string b = display_token(member.substr(r + 2));
    return alone ? "between " + a + " and " + b : a + "–" + b;
  }
  return display_token(member);
}

}  // namespace

std::string display_date(const Edtf& time) {
  const std::string_view text = time.str();
  if (text.empty()) return "unknown";
  if (time.form() == Form::one_of || time.form() == Form::all_of) {
    const auto members = split(text.substr(1, text.size() - 2), ',');
    if (members.size() == 1) return display_member(members[0], true);
    std::string out = time.form() == Form::one_of ? "one of " : "all of ";
    for (std::size_t i = 0; i < members.size(); ++i) {
      if (i) out += ", ";
      out += display_member(members[i], false);
    }
    return out;
  }
  if (time.is_interval()) {
    const auto slash = text.find('/');
    return display_token(text.substr(0, slash)) + " – " +
           display_token(text.substr(slash + 1));
  }
  return display_token(text);
}

std::optional<Day> first_day(const Edtf& time) {
  return time.bounds().earliest_start;
}

std::optional<Day> last_day(const Edtf& time) {
  const auto end = time.bounds().latest_end;
  if (!end) return std::nullopt;
  return *end - days64{1};
}

std::string plan_line(const Event& event) {
  if (!event.planned) return "";
  const std::string planned = display_date(*event.planned);
  const std::string actual = display_date(event.time);
  const bool same = *event.planned == event.time;
  const auto moved = slip(event);
  const std::string slip_part = moved ? ", " + slip_words(*moved) : "";
  switch (event.status) {
    case Status::scheduled:
      if (same) return "scheduled for " + planned;
      return "planned " + planned + ", rescheduled to " + actual + slip_part;
    case Status::postponed:
      if (same) return "planned " + planned + ", postponed";
      return "planned " + planned + ", postponed to " + actual + slip_part;
    case Status::cancelled:
      return "planned " + planned + ", cancelled";
    case Status::held:
      return "planned " + planned + ", held " + actual + slip_part;
    case Status::none:
      break;
  }
  return "planned " + planned + ", actual " + actual + slip_part;
}

std::string display_time_of_day(const TimeOfDay& time, std::optional<Day> day) {
  std::string out = time.start;
  if (!time.end.empty()) out += "–" + time.end;
  if (!time.zone.empty()) out += " " + time.zone;
  std::string notes;
  if (day && !time.zone.empty() && time.start.size() == 5) {
    try {
      const auto local =
          date::local_seconds{std::chrono::duration_cast<std::chrono::seconds>(
              day->time_since_epoch())} +
          std::chrono::hours{std::stoi(time.start.substr(0, 2))} +
          std::chrono::minutes{std::stoi(time.start.substr(3, 2))};
      notes = to_utc(local, time.zone, {LocalTimePolicy::earliest}).abbrev;
    } catch (const std::exception&) {
      // An unknown zone or a malformed clock time: leave the note out.
    }
  }
  if (!time.label.empty()) notes += (notes.empty() ? "" : ", ") + time.label;
  if (!notes.empty()) out += " (" + notes + ")";
  return out;
}

namespace {

// Astronomical year 0 is 1 BCE.
std::string year_label(std::int64_t year) {
  if (year <= 0) return std::to_string(1 - year) + " BCE";
  return std::to_string(year);
}

Precision label_precision(Precision precision) {
  if (precision == Precision::season) return Precision::month;
  if (precision > Precision::day) return Precision::day;
  return precision;
}

// "15 Feb 2017" and "16 Feb 2017" -> "15–16 Feb 2017"; "Mar 2017" and
// "May 2017" -> "Mar–May 2017"; otherwise "a – b".
std::string joined(const std::string& from, const std::string& to) {
  // The longest common suffix that starts at a word boundary.
  std::size_t matched = 0;
  std::size_t common = 0;
  while (matched < from.size() && matched < to.size() &&
         from[from.size() - 1 - matched] == to[to.size() - 1 - matched]) {
    ++matched;
    if (matched < from.size() && matched < to.size() &&
        from[from.size() - 1 - matched] == ' ' &&
        to[to.size() - 1 - matched] == ' ') {
      common = matched + 1;  // include the space
    }
  }
  if (common == 0 || common >= from.size() || common >= to.size()) {
    return from + " – " + to;
  }
  return from.substr(0, from.size() - common) + "–" + to;
}

// ", 10:00+06:00": the clock time of a date-time as written, without its
// qualifiers; "" when the value has none.
std::string written_clock(const Edtf& time) {
  const std::string& text = time.str();
  const auto t = text.find('T');
  if (t == std::string::npos) return "";
  std::string clock = text.substr(t + 1);
  while (!clock.empty() &&
         (clock.back() == '?' || clock.back() == '~' || clock.back() == '%')) {
    clock.pop_back();
  }
  return ", " + clock;
}

// The label of a single date (form date) with both bounds known.
std::string single_date_label(const Edtf& time, const Bounds& bounds) {
  const Precision precision = side_precision(time, false);
  const Day last = *bounds.latest_end - days64{1};
  std::string text;
  if (const auto day = written_day(time)) {
    text = day_label(*day, Precision::day);
  } else {
    text = day_label(*bounds.earliest_start, precision);
  }
  if (precision <= Precision::day &&
      (precision == Precision::season || day_label(last, precision) != text)) {
    text = joined(text, day_label(last, precision));
  }
  if (precision > Precision::day) text += written_clock(time);
  return text;
}

// The label of a range or set with both bounds known.
std::string range_label(const Edtf& time, const Bounds& bounds) {
  const Day last = *bounds.latest_end - days64{1};
  const std::string from =
      day_label(*bounds.earliest_start, side_precision(time, false));
  const std::string to = day_label(last, side_precision(time, true));
  if (from == to) return from;
  if (time.form() == Form::one_of) return "between " + from + " and " + to;
  return joined(from, to);
}

}  // namespace

std::string day_label(Day day, Precision precision) {
  const detail::Civil civil =
      detail::civil_from_days(day.time_since_epoch().count());
  const std::string_view month = month_names[civil.month - 1];
  switch (label_precision(precision)) {
    case Precision::day:
      return std::to_string(civil.day) + " " + std::string(month) + " " +
             year_label(civil.year);
    case Precision::month:
      return std::string(month) + " " + year_label(civil.year);
    default:
      return year_label(civil.year);
  }
}

std::string iso_day(Day day) {
  const detail::Civil civil =
      detail::civil_from_days(day.time_since_epoch().count());
  char buffer[48];
  if (civil.year >= 0 && civil.year <= 9999) {
    std::snprintf(buffer, sizeof buffer, "%04lld-%02u-%02u",
                  static_cast<long long>(civil.year), civil.month, civil.day);
  } else {
    std::snprintf(
        buffer, sizeof buffer, "%c%06lld-%02u-%02u", civil.year < 0 ? '-' : '+',
        static_cast<long long>(std::llabs(civil.year)), civil.month, civil.day);
  }
  return buffer;
}

Precision side_precision(const Edtf& time, bool end) {
  const auto parts = time.parts();
  if (time.is_interval() && parts.size() == 2) {
    const Precision precision = parts[end ? 1 : 0].precision;
    if (precision != Precision::unknown) return precision;
  }
  return time.precision();
}

std::optional<Day> mark_start(const Bounds& bounds) {
  if (bounds.earliest_start) return bounds.earliest_start;
  if (bounds.latest_start) return bounds.latest_start;
  if (bounds.earliest_end) return *bounds.earliest_end - days64{1};
  return std::nullopt;
}

std::optional<Day> mark_end(const Bounds& bounds) {
  if (bounds.latest_end) return bounds.latest_end;
  if (bounds.earliest_end) return bounds.earliest_end;
  if (bounds.latest_start) return *bounds.latest_start + days64{1};
  return std::nullopt;
}

std::string date_label(const Edtf& time) {
  const Bounds bounds = time.bounds();
  std::string text;
  if (time.form() == Form::date && bounds.earliest_start && bounds.latest_end) {
    text = single_date_label(time, bounds);
  } else if (!bounds.earliest_start && bounds.latest_end) {
    text = "on or before " + day_label(*bounds.latest_end - days64{1},
                                       side_precision(time, true));
  } else if (bounds.earliest_start && !bounds.latest_end) {
    text = (bounds.end_open ? "from " : "on or after ") +
           day_label(*bounds.earliest_start, side_precision(time, false)) +
           (bounds.end_open ? " (ongoing)" : "");
  } else if (bounds.earliest_start && bounds.latest_end) {
    text = range_label(time, bounds);
  } else {
    return "";
  }
  if (time.approximate()) text += " (approx.)";
  if (time.uncertain()) text += " (uncertain)";
  return text;
}

int clock_minutes(std::string_view hhmm) {
  if (hhmm.size() != 5 || hhmm[2] != ':') return -1;
  for (std::size_t i : {0u, 1u, 3u, 4u}) {
    if (hhmm[i] < '0' || hhmm[i] > '9') return -1;
  }
  const int hours = (hhmm[0] - '0') * 10 + (hhmm[1] - '0');
  const int minutes = (hhmm[3] - '0') * 10 + (hhmm[4] - '0');
  if (hours > 24 || minutes > 59 || (hours == 24 && minutes != 0)) return -1;
  return hours * 60 + minutes;
}

std::optional<Day> written_day(const Edtf& time) {
  if (time.form() != Form::date || time.precision() < Precision::hour) {
    return std::nullopt;
  }
  const std::string& text = time.str();
  const auto t = text.find('T');
  if (t == std::string::npos) return std::nullopt;
  try {
    return Edtf::parse(text.substr(0, t)).bounds().earliest_start;
  } catch (const Error&) {
    return std::nullopt;
  }
}

}  // namespace parley::render_detail
