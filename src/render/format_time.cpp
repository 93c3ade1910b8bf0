#include "render/format_time.hpp"

#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "parley/error.hpp"
#include "parley/zone.hpp"

namespace parley::detail {
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

std::string days_text(std::int64_t n) {
  return std::to_string(n) + (n == 1 ? " day" : " days");
}

std::string slip_text(std::int64_t days) {
  if (days == 0) return "as planned";
  if (days > 0) return days_text(days) + " late";
  return days_text(-days) + " early";
}

// Decodes the code point at `i` and advances `i`; a malformed byte is
// returned as itself.
char32_t next_code_point(std::string_view s, std::size_t& i) {
  const auto b = static_cast<unsigned char>(s[i]);
  int extra = 0;
  char32_t cp = b;
  if (b >= 0xF0 && b < 0xF8) {
    extra = 3;
    cp = b & 0x07;
  } else if (b >= 0xE0 && b < 0xF0) {
    extra = 2;
    cp = b & 0x0F;
  } else if (b >= 0xC0 && b < 0xE0) {
    extra = 1;
    cp = b & 0x1F;
  }
  if (i + extra >= s.size() && extra > 0) {
    ++i;
    return b;
  }
  for (int k = 1; k <= extra; ++k) {
    const auto c = static_cast<unsigned char>(s[i + k]);
    if ((c & 0xC0) != 0x80) {
      ++i;
      return b;
    }
    cp = (cp << 6) | (c & 0x3F);
  }
  i += 1 + extra;
  return cp;
}

bool zero_width(char32_t c) {
  return (c >= 0x0300 && c <= 0x036F) || (c >= 0x0483 && c <= 0x0489) ||
         (c >= 0x0591 && c <= 0x05C7) || (c >= 0x0610 && c <= 0x061A) ||
         c == 0x061C || (c >= 0x064B && c <= 0x065F) || c == 0x0670 ||
         (c >= 0x06D6 && c <= 0x06ED) || (c >= 0x200B && c <= 0x200F) ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x2069) ||
         (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF;
}

bool wide(char32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
         (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1FAFF) ||
         (c >= 0x20000 && c <= 0x3FFFD);
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

std::optional<std::int64_t> slip_days(const Event& event) {
  if (!event.planned) return std::nullopt;
  const auto single_day = [](const Edtf& t) {
    const Bounds b = t.bounds();
    return b.earliest_start && b.latest_end &&
           *b.latest_end - *b.earliest_start == days64{1};
  };
  if (!single_day(*event.planned) || !single_day(event.time)) {
    return std::nullopt;
  }
  return (*event.time.bounds().earliest_start -
          *event.planned->bounds().earliest_start)
      .count();
}

std::string plan_line(const Event& event) {
  if (!event.planned) return "";
  const std::string planned = display_date(*event.planned);
  const std::string actual = display_date(event.time);
  const bool same = *event.planned == event.time;
  const auto slip = slip_days(event);
  const std::string slip_part = slip ? ", " + slip_text(*slip) : "";
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

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) {
    const char32_t c = next_code_point(text, i);
    if (zero_width(c)) continue;
    width += wide(c) ? 2 : 1;
  }
  return width;
}

std::string pad_right(std::string_view text, std::size_t width) {
  std::string out(text);
  const std::size_t w = display_width(text);
  if (w < width) out.append(width - w, ' ');
  return out;
}

std::string actor_name(const Timeline& timeline, const ActorId& id,
                       std::string_view lang) {
  const Actor* a = timeline.actor(id);
  return a ? best(a->names, lang) : id.value;
}

std::string place_name(const Timeline& timeline, const Event& event,
                       std::string_view lang) {
  if (!event.place) return "";
  const Place* p = timeline.place(*event.place);
  return p ? best(p->names, lang) : event.place->value;
}

std::string process_name(const Timeline& timeline, const Event& event,
                         std::string_view lang) {
  if (!event.process) return "";
  const Process* p = timeline.process(*event.process);
  return p ? best(p->names, lang) : event.process->value;
}

std::string claimant_name(const Timeline& timeline, const Claim& claim,
                          std::string_view lang) {
  if (claim.claimant) return actor_name(timeline, *claim.claimant, lang);
  const Source* s = timeline.source(claim.source);
  if (s && !s->publisher.empty()) return s->publisher;
  return "the source";
}

std::string document_title(const Timeline& timeline,
                           const RenderOptions& options) {
  if (!options.title.empty()) return options.title;
  if (!timeline.title.empty()) return timeline.title;
  return "Timeline";
}

std::string decimal(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.6f", value);
  std::string out = buffer;
  while (out.back() == '0') out.pop_back();
  if (out.back() == '.') out.pop_back();
  if (out == "-0") out = "0";
  return out;
}

void check_stream(const std::ostream& out, std::string_view format) {
  if (!out) {
    throw Error(Errc::io, std::string(format), "cannot write the output");
  }
}

}  // namespace parley::detail
