#include "parley/render/mermaid.hpp"

#include <algorithm>
#include <cctype>
#include <string>
#include <utility>
#include <vector>

#include "parley/slip.hpp"

#include "render/common.hpp"
#include "time/calendar.hpp"

namespace parley {

namespace {

using namespace render_detail;

// Mermaid's entity codes for the characters that its grammars read as
// syntax; one pass, so the '#' of a code is never escaped again.
// Bidi controls are isolated (U+2068..U+2069) so they cannot reorder the
// diagram text around them.
std::string escape(std::string_view text) {
  std::string out;
  for (char c : isolate_bidi_controls(text)) {
    switch (c) {
      case '#':
        out += "#35;";
        break;
      case ':':
        out += "#58;";
        break;
      case ';':
        out += "#59;";
        break;
      case '<':
        out += "#60;";
        break;
      case '>':
        out += "#62;";
        break;
      case '\n':
      case '\r':
      case '\t':
        out += ' ';
        break;
      default:
        out += c;
    }
  }
  return out;
}

bool starts_with_word(std::string_view text, std::string_view word) {
  if (text.size() < word.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) != word[i]) {
      return false;
    }
  }
  return true;
}

// " (1 day late)" for an event that moved from its plan, else "";
// unescaped.
std::string slip_note(const Event& event) {
  const auto moved = slip(event);
  if (!moved || !slipped(*moved)) return "";
  return " (" + slip_words(*moved) + ")";
}

// Lanes in order of first appearance, each with its events in order.
std::vector<std::pair<std::string, std::vector<const Event*>>> lanes(
    const Timeline& timeline, const RenderOptions& options) {
  std::vector<std::pair<std::string, std::vector<const Event*>>> out;
  for (const Event& e : timeline.events) {
    const std::string name = lane_name(timeline, e, options.lang);
    auto it = std::find_if(out.begin(), out.end(),
                           [&](const auto& l) { return l.first == name; });
    if (it == out.end()) {
      out.push_back({name, {}});
      it = out.end() - 1;
    }
    it->second.push_back(&e);
  }
  return out;
}

// A period label: the date for people, never starting with "Timeline"
// (Mermaid refuses such a period).
std::string period_of(const Event& e) {
  std::string period = date_label(e.time);
  if (period.empty()) period = "Undated";
  if (starts_with_word(period, "timeline")) period = "In " + period;
  return escape(period);
}

// Gantt keywords that a task name must not start with.
std::string task_name(std::string_view text) {
  std::string name = escape(text);
  for (std::string_view word :
       {"title", "section", "dateformat", "axisformat", "excludes", "includes",
        "todaymarker", "tickinterval", "weekday", "weekend", "displaymode",
        "inclusiveenddates", "topaxis", "click", "acctitle", "accdescr",
        "%%"}) {
    if (starts_with_word(name, word)) return "‣ " + name;
  }
  return name.empty() ? "(untitled)" : name;
}

}  // namespace

void write_mermaid_timeline(const Timeline& timeline, std::ostream& out,
                            const RenderOptions& options) {
  out << "timeline\n";
  out << "    title " << escape(document_title(timeline, options)) << '\n';
  for (const auto& [lane, events] : lanes(timeline, options)) {
    out << "    section " << escape(lane) << '\n';
    std::vector<std::pair<std::string, std::vector<std::string>>> periods;
    for (const Event* e : events) {
      const std::string period = period_of(*e);
      auto it = std::find_if(periods.begin(), periods.end(),
                             [&](const auto& p) { return p.first == period; });
      if (it == periods.end()) {
        periods.push_back({period, {}});
        it = periods.end() - 1;
      }
      std::string text = escape(title_of(*e, options.lang));
      text += escape(slip_note(*e));
      it->second.push_back(text.empty() ? "(untitled)" : text);
    }
    for (const auto& [period, texts] : periods) {
      out << "        " << period;
      for (const std::string& t : texts) out << " : " << t;
      out << '\n';
    }
  }
  check_stream(out, "mermaid timeline");
}

namespace {

// A day Gantt's YYYY-MM-DD can write: years 1..9999.
bool gantt_writable(Day day) {
  const auto year =
      detail::civil_from_days(day.time_since_epoch().count()).year;
  return year >= 1 && year <= 9999;
}

// The first and last of every known bound that Gantt can show, to clip
// open ends to; empty when there is none.
std::pair<std::optional<Day>, std::optional<Day>> gantt_range(
    const Timeline& timeline) {
  std::optional<Day> lo, hi;
  auto widen = [&](const std::optional<Day>& day) {
    if (!day || !gantt_writable(*day)) return;
    if (!lo || *day < *lo) lo = day;
    if (!hi || *day > *hi) hi = day;
  };
  for (const Event& event : timeline.events) {
    for (const Edtf* time :
         {&event.time, event.planned ? &*event.planned : nullptr}) {
      if (!time) continue;
      const Bounds bounds = time->bounds();
      widen(bounds.earliest_start);
      widen(bounds.latest_start);
      widen(bounds.earliest_end);
      widen(bounds.latest_end);
    }
  }
  return {lo, hi};
}

}  // namespace

void write_mermaid_gantt(const Timeline& timeline, std::ostream& out,
                         const RenderOptions& options) {
  const auto [lo, hi] = gantt_range(timeline);
  out << "gantt\n";
  out << "    title " << escape(document_title(timeline, options)) << '\n';
  out << "    dateFormat YYYY-MM-DD\n";
  out << "    axisFormat %d %b %Y\n";
  std::vector<std::string> skipped;
  int n = 0;
  for (const auto& [lane, events] : lanes(timeline, options)) {
    out << "    section " << escape(lane) << '\n';
    for (const Event* e : events) {
      ++n;
      const Bounds b = e->time.bounds();
      const std::optional<Day> start = b.earliest_start ? b.earliest_start : lo;
      std::optional<Day> end = b.latest_end ? b.latest_end : hi;
      if (!start || !end) {
        skipped.push_back(e->id.value);
        continue;
      }
      if (*end <= *start) end = *start + days64{1};
      if (!gantt_writable(*start) || !gantt_writable(*end)) {
        skipped.push_back(e->id.value);
        continue;
      }
      // Isolated on its own, so that its bidi controls stop before the
      // text added to it.
      const std::string name =
          isolate_bidi_controls(title_of(*e, options.lang));
      const std::string id = "e" + std::to_string(n);
      std::string tags;
      if (e->planned && !(*e->planned == e->time)) {
        const Bounds p = e->planned->bounds();
        if (p.earliest_start && p.latest_end &&
            gantt_writable(*p.earliest_start) &&
            *p.latest_end > *p.earliest_start) {
          out << "    " << task_name("planned: " + name) << " : done, " << id
              << "p, " << iso_day(*p.earliest_start) << ", "
              << (*p.latest_end - *p.earliest_start).count() << "d\n";
        }
        const auto moved = slip(*e);
        if (moved && slipped(*moved)) tags = "crit, ";
      }
      const std::string label = name + slip_note(*e);
      out << "    " << task_name(label) << " : " << tags << id << ", "
          << iso_day(*start) << ", " << (*end - *start).count() << "d\n";
    }
  }
  if (!skipped.empty()) {
    out << "%% left out (no Gantt date):";
    for (const std::string& id : skipped) out << ' ' << escape(id);
    out << '\n';
  }
  check_stream(out, "mermaid gantt");
}

}  // namespace parley
