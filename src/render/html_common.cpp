#include "render/html_common.hpp"

#include <cstdio>
#include <cstdlib>

namespace parley::render_detail {

namespace {

constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

std::string year_label(std::int64_t year) {
  // Astronomical year 0 is 1 BCE.
  if (year <= 0) return std::to_string(1 - year) + " BCE";
  return std::to_string(year);
}

Precision coarse(Precision p) {
  if (p == Precision::season) return Precision::month;
  if (p > Precision::day) return Precision::day;
  return p;
}

// "15 Feb 2017" and "16 Feb 2017" -> "15–16 Feb 2017"; "Mar 2017" and
// "May 2017" -> "Mar–May 2017"; otherwise "a – b".
std::string joined(const std::string& from, const std::string& to) {
  // The longest common suffix that starts at a word boundary.
  std::size_t n = 0;
  std::size_t common = 0;
  while (n < from.size() && n < to.size() &&
         from[from.size() - 1 - n] == to[to.size() - 1 - n]) {
    ++n;
    if (n < from.size() && n < to.size() && from[from.size() - 1 - n] == ' ' &&
        to[to.size() - 1 - n] == ' ') {
      common = n + 1;  // include the space
    }
  }
  if (common == 0 || common >= from.size() || common >= to.size()) {
    return from + " – " + to;
  }
  return from.substr(0, from.size() - common) + "–" + to;
}

}  // namespace

Civil civil(Day day) {
  // The days-to-civil algorithm on 64-bit integers, with eras of 400 years
  // so that it holds for negative years too.
  std::int64_t z = day.time_since_epoch().count() + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe =
      (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  Civil c;
  c.day = static_cast<unsigned>(doy - (153 * mp + 2) / 5 + 1);
  c.month = static_cast<unsigned>(mp < 10 ? mp + 3 : mp - 9);
  c.year = yoe + era * 400 + (c.month <= 2 ? 1 : 0);
  return c;
}

std::string iso_day(Day day) {
  const Civil c = civil(day);
  char buf[48];
  if (c.year >= 0 && c.year <= 9999) {
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u",
                  static_cast<long long>(c.year), c.month, c.day);
  } else {
    std::snprintf(buf, sizeof buf, "%c%06lld-%02u-%02u", c.year < 0 ? '-' : '+',
                  static_cast<long long>(std::llabs(c.year)), c.month, c.day);
  }
  return buf;
}

std::string day_label(Day day, Precision precision) {
  const Civil c = civil(day);
  switch (coarse(precision)) {
    case Precision::day:
      return std::to_string(c.day) + " " + kMonths[c.month - 1] + " " +
             year_label(c.year);
    case Precision::month:
      return std::string(kMonths[c.month - 1]) + " " + year_label(c.year);
    default:
      return year_label(c.year);
  }
}

Precision side_precision(const Edtf& time, bool end) {
  const auto parts = time.parts();
  if (time.is_interval() && parts.size() == 2) {
    const Precision p = parts[end ? 1 : 0].precision;
    if (p != Precision::unknown) return p;
  }
  return time.precision();
}

std::optional<Day> first_day(const Bounds& b) {
  if (b.earliest_start) return b.earliest_start;
  if (b.latest_start) return b.latest_start;
  if (b.earliest_end) return *b.earliest_end - days64{1};
  return std::nullopt;
}

std::optional<Day> end_day(const Bounds& b) {
  if (b.latest_end) return b.latest_end;
  if (b.earliest_end) return b.earliest_end;
  if (b.latest_start) return *b.latest_start + days64{1};
  return std::nullopt;
}

std::string describe(const Edtf& time) {
  const Bounds b = time.bounds();
  std::string text;
  const Precision ps = side_precision(time, false);
  const Precision pe = side_precision(time, true);
  if (time.form() == Form::date && b.earliest_start && b.latest_end) {
    const Day last = *b.latest_end - days64{1};
    if (const auto day = written_day(time)) {
      text = day_label(*day, Precision::day);
    } else {
      text = day_label(*b.earliest_start, ps);
    }
    if (ps <= Precision::day &&
        (ps == Precision::season || day_label(last, ps) != text)) {
      text = joined(text, day_label(last, ps));
    }
    if (ps > Precision::day) {
      // Keep the clock time as written, with its offset.
      const std::string& s = time.str();
      if (auto t = s.find('T'); t != std::string::npos) {
        std::string clock = s.substr(t + 1);
        while (!clock.empty() && (clock.back() == '?' || clock.back() == '~' ||
                                  clock.back() == '%')) {
          clock.pop_back();
        }
        text += ", " + clock;
      }
    }
  } else if (!b.earliest_start && b.latest_end) {
    const Day last = *b.latest_end - days64{1};
    text = "on or before " + day_label(last, pe);
  } else if (b.earliest_start && !b.latest_end) {
    text = (b.end_open ? "from " : "on or after ") +
           day_label(*b.earliest_start, ps) + (b.end_open ? " (ongoing)" : "");
  } else if (b.earliest_start && b.latest_end) {
    const Day last = *b.latest_end - days64{1};
    const std::string from = day_label(*b.earliest_start, ps);
    const std::string to = day_label(last, pe);
    if (from == to) {
      text = from;
    } else if (time.form() == Form::one_of) {
      text = "between " + from + " and " + to;
    } else {
      text = joined(from, to);
    }
  } else {
    return "";
  }
  if (time.approximate()) text += " (approx.)";
  if (time.uncertain()) text += " (uncertain)";
  return text;
}

std::optional<std::int64_t> slip_days(const Event& event) {
  if (!event.planned) return std::nullopt;
  const auto actual = first_day(event.time.bounds());
  const auto planned = first_day(event.planned->bounds());
  if (!actual || !planned) return std::nullopt;
  return (*actual - *planned).count();
}

std::string slip_text(const Event& event) {
  const auto days = slip_days(event);
  if (!days) return "";
  if (*days == 0) return "as planned";
  const std::int64_t n = *days < 0 ? -*days : *days;
  return std::to_string(n) + (n == 1 ? " day " : " days ") +
         (*days > 0 ? "late" : "early");
}

int clock_minutes(std::string_view hhmm) {
  if (hhmm.size() != 5 || hhmm[2] != ':') return -1;
  for (std::size_t i : {0u, 1u, 3u, 4u}) {
    if (hhmm[i] < '0' || hhmm[i] > '9') return -1;
  }
  const int h = (hhmm[0] - '0') * 10 + (hhmm[1] - '0');
  const int m = (hhmm[3] - '0') * 10 + (hhmm[4] - '0');
  if (h > 24 || m > 59 || (h == 24 && m != 0)) return -1;
  return h * 60 + m;
}

std::optional<Day> written_day(const Edtf& time) {
  if (time.form() != Form::date || time.precision() < Precision::hour) {
    return std::nullopt;
  }
  const std::string& s = time.str();
  const auto t = s.find('T');
  if (t == std::string::npos) return std::nullopt;
  try {
    return Edtf::parse(s.substr(0, t)).bounds().earliest_start;
  } catch (const Error&) {
    return std::nullopt;
  }
}

const std::string& title_of(const Event& event, std::string_view lang) {
  return best(event.title, lang);
}

std::string lane_name(const Timeline& timeline, const Event& event,
                      std::string_view lang) {
  if (event.process) {
    if (const Process* p = timeline.process(*event.process)) {
      return best(p->names, lang);
    }
  }
  return "Other";
}

std::string actor_name(const Timeline& timeline, const ActorId& id,
                       std::string_view lang) {
  if (const Actor* a = timeline.actor(id)) return best(a->names, lang);
  return id.value;
}

std::string document_title(const Timeline& timeline,
                           const RenderOptions& options) {
  if (!options.title.empty()) return options.title;
  if (!timeline.title.empty()) return timeline.title;
  return "Timeline";
}

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

void check_stream(const std::ostream& out, std::string_view format) {
  if (!out) {
    throw Error(Errc::io, std::string(format),
                "cannot write the output stream");
  }
}

}  // namespace parley::render_detail
