#include "parley/render/html.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

#include "parley/slip.hpp"

#include "render/common.hpp"
#include "render/html_lanes.hpp"
#include "render/html_overview.hpp"
#include "time/calendar.hpp"

namespace parley {

namespace {

using namespace render_detail;

// Layout, in CSS pixels.
constexpr int kAxisHeight = 46;
constexpr int kLaneHeight = 28;
constexpr int kRowHeight = 26;
constexpr int kLeftMargin = 44;  // room for the arrows of open starts
constexpr int kRightMargin = 24;
constexpr int kMaxLinearGap = 7;   // days; longer gaps are compressed
constexpr double kMarkOffset = 9;  // from the top of a row to its mark
constexpr double kMarkHeight = 12;

// A coordinate or length for SVG, with one decimal: "12.5".
std::string pixels(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", value);
  return buffer;
}

// Text from the data in `lang`, escaped and isolated in a <bdi dir="auto">
// so that its direction, and any bidi control inside it, stays inside.
std::string isolated(std::string_view text, std::string_view lang) {
  return "<bdi dir=\"auto\" lang=\"" + html_escape(lang) + "\">" +
         html_escape(text) + "</bdi>";
}

// Text from the data in an attribute or an SVG <title>, where <bdi> cannot
// go: escaped, and wrapped in U+2068..U+2069 when it holds bidi controls.
std::string attribute_text(std::string_view text) {
  return html_escape(isolate_bidi_controls(text));
}

std::string gap_words(std::int64_t days) {
  if (days >= 730) return std::to_string(days / 365) + " years";
  if (days >= 60) return std::to_string(days / 30) + " months";
  if (days >= 14) return std::to_string(days / 7) + " weeks";
  return std::to_string(days) + " days";
}

// A piecewise-linear date scale: the days where something starts or ends,
// with every gap longer than kMaxLinearGap drawn at a fixed width and
// marked as a break.
class Scale {
 public:
  explicit Scale(std::vector<Day> keys) : keys_(std::move(keys)) {
    std::sort(keys_.begin(), keys_.end());
    keys_.erase(std::unique(keys_.begin(), keys_.end()), keys_.end());
    std::int64_t linear = 0;
    for (std::size_t i = 1; i < keys_.size(); ++i) {
      linear += std::min<std::int64_t>(gap(i), kMaxLinearGap);
    }
    px_per_day_ = linear <= 14 ? 56.0 : std::max(2.0, 760.0 / linear);
    double position = kLeftMargin;
    xs_.push_back(position);
    for (std::size_t i = 1; i < keys_.size(); ++i) {
      position += compressed(i) ? 2 * 56.0 : gap(i) * px_per_day_;
      xs_.push_back(position);
    }
  }

  bool empty() const { return keys_.empty(); }
  double left() const { return 6; }
  double right() const { return xs_.empty() ? 200 : xs_.back(); }
  double width() const { return right() + kRightMargin; }
  double px_per_day() const { return px_per_day_; }

  double x(Day day) const {
    if (keys_.empty()) return kLeftMargin;
    if (day <= keys_.front()) return xs_.front();
    if (day >= keys_.back()) return xs_.back();
    const auto it = std::upper_bound(keys_.begin(), keys_.end(), day);
    const std::size_t i = static_cast<std::size_t>(it - keys_.begin());
    const double fraction = static_cast<double>((day - keys_[i - 1]).count()) /
                            static_cast<double>(gap(i));
    return xs_[i - 1] + fraction * (xs_[i] - xs_[i - 1]);
  }
  // A point `fraction` of the way through `day`.
  double x(Day day, double fraction) const {
    return x(day) + fraction * (x(day + days64{1}) - x(day));
  }

  std::size_t segments() const { return keys_.size(); }
  Day key(std::size_t i) const { return keys_[i]; }
  std::int64_t gap(std::size_t i) const {
    return (keys_[i] - keys_[i - 1]).count();
  }
  bool compressed(std::size_t i) const { return gap(i) > kMaxLinearGap; }

 private:
  std::vector<Day> keys_;
  std::vector<double> xs_;
  double px_per_day_ = 56;
};

// The days the scale must show: every finite bound of every time and
// planned time.
std::vector<Day> scale_keys(const Timeline& timeline) {
  std::vector<Day> keys;
  for (const Event& event : timeline.events) {
    for (const Edtf* time :
         {&event.time, event.planned ? &*event.planned : nullptr}) {
      if (!time) continue;
      const Bounds bounds = time->bounds();
      for (const auto& day : {bounds.earliest_start, bounds.latest_start,
                              bounds.earliest_end, bounds.latest_end}) {
        if (day) keys.push_back(*day);
      }
      // A day-precise start needs its end day as a key for sub-day marks.
      if (bounds.latest_start) keys.push_back(*bounds.latest_start + days64{1});
    }
  }
  return keys;
}

// "planned 15 Feb 2017 — 1 day late".
std::string planned_words(const Event& event) {
  std::string words = date_label(*event.planned);
  if (const auto moved = slip(event)) words += " — " + slip_words(*moved);
  return words;
}

// Plain text for an SVG <title> tooltip, not yet escaped.
std::string tooltip(const Timeline& timeline, const Event& event,
                    const RenderOptions& options) {
  std::string text = isolate_bidi_controls(title_of(event, options.lang)) +
                     "\n" + date_label(event.time);
  if (const auto& clock = event.time_of_day) {
    text += ", " + isolate_bidi_controls(clock->label) + " " + clock->start +
            "–" + clock->end + " (" + clock->zone + ")";
  }
  if (event.planned && !(*event.planned == event.time)) {
    text += "\nplanned " + planned_words(event);
  }
  for (const Claim* claim : timeline.claims_on(event.id)) {
    text +=
        "\n" +
        isolate_bidi_controls(speaker_name(timeline, *claim, options.lang)) +
        (claim->stance == Stance::denies ? " denies" : " asserts");
  }
  return text;
}

// Details: the title in every language, when, planned, status and kind.
void write_summary_details(std::ostream& html, const Event& event,
                           const RenderOptions& options) {
  const std::string lang = picked_lang(event.title, options.lang);
  html << "<h2>" << isolated(title_of(event, options.lang), lang) << "</h2>";
  for (const auto& [other_lang, text] : event.title) {
    if (other_lang == lang) continue;
    html << "<p class=\"alt\">" << isolated(text, other_lang) << "</p>";
  }
  html << "<dl><dt>When</dt><dd>" << html_escape(date_label(event.time))
       << " <code>" << html_escape(event.time.str()) << "</code>";
  if (const auto& clock = event.time_of_day) {
    html << "<br>" << isolated(clock->label, "und") << " "
         << html_escape(clock->start) << "–" << html_escape(clock->end) << " "
         << html_escape(clock->zone) << " time";
    if (const auto utc = utc_text({event.time, clock})) {
      html << " <span class=\"utc\">UTC " << html_escape(*utc) << "</span>";
    }
  }
  html << "</dd>";
  if (event.planned) {
    html << "<dt>Planned</dt><dd>" << html_escape(date_label(*event.planned));
    if (const auto moved = slip(event)) {
      html << " — <strong>" << html_escape(slip_words(*moved)) << "</strong>";
    }
    html << "</dd>";
  }
  if (event.status != Status::none) {
    html << "<dt>Status</dt><dd>" << html_escape(to_string(event.status))
         << "</dd>";
  }
  html << "<dt>Kind</dt><dd>" << html_escape(to_string(event.kind()))
       << "</dd>";
}

// Details: where (the place's path), who (participants), the summary.
void write_context_details(std::ostream& html, const Timeline& timeline,
                           const Event& event, const RenderOptions& options) {
  const std::string_view lang = options.lang;
  if (event.place) {
    html << "<dt>Where</dt><dd>";
    bool first = true;
    for (const Place* place : timeline.place_path(*event.place)) {
      html << (first ? "" : ", ")
           << isolated(best(place->names, lang),
                       picked_lang(place->names, lang));
      first = false;
    }
    html << "</dd>";
  }
  if (!event.participants.empty()) {
    html << "<dt>Who</dt><dd>";
    bool first = true;
    for (const Participant& participant : event.participants) {
      const Actor* actor = timeline.actor(participant.actor);
      html << (first ? "" : "; ")
           << (actor ? isolated(best(actor->names, lang),
                                picked_lang(actor->names, lang))
                     : html_escape(participant.actor.value))
           << " (" << html_escape(to_string(participant.role)) << ")";
      first = false;
    }
    html << "</dd>";
  }
  const std::string& summary = best(event.summary, lang);
  if (!summary.empty()) {
    html << "<dt>Summary</dt><dd>"
         << isolated(summary, picked_lang(event.summary, lang)) << "</dd>";
  }
}

// Details: each claim with its speaker, stance, quote and source.
void write_claim_details(std::ostream& html, const Timeline& timeline,
                         const Event& event, const RenderOptions& options) {
  const auto claims = timeline.claims_on(event.id);
  if (claims.empty()) return;
  html << "<dt>Claims</dt><dd><ul>";
  for (const Claim* claim : claims) {
    const Source* source = timeline.source(claim->source);
    const std::string stance(to_string(claim->stance));
    html << "<li class=\"" << html_escape(stance) << "\">"
         << isolated(speaker_name(timeline, *claim, options.lang), "und")
         << " <em>" << html_escape(stance) << "</em>";
    if (!claim->quote.empty()) {
      html << ": «"
           << isolated(claim->quote, source && !source->language.empty()
                                         ? source->language
                                         : "und")
           << "»";
    }
    if (source) {
      html << " <span class=\"src\">— "
           << isolated(source->title, source->language);
      if (source->published) {
        html << ", " << html_escape(date_label(*source->published));
      }
      html << "</span>";
    }
    html << "</li>";
  }
  html << "</ul></dd>";
}

// Details: the links from and to the event.
void write_link_details(std::ostream& html, const Timeline& timeline,
                        const Event& event, const RenderOptions& options) {
  bool any_link = false;
  for (const Link& link : timeline.links) {
    if (link.from != event.id && link.to != event.id) continue;
    if (!any_link) html << "<dt>Links</dt><dd><ul>";
    any_link = true;
    const bool outgoing = link.from == event.id;
    const EventId& other_id = outgoing ? link.to : link.from;
    const Event* other = timeline.event(other_id);
    html << "<li>" << (outgoing ? "" : "← ")
         << html_escape(to_string(link.kind)) << " "
         << (other ? isolated(title_of(*other, options.lang),
                              picked_lang(other->title, options.lang))
                   : html_escape(other_id.value));
    if (!link.reason.empty()) {
      html << " (" << isolated(link.reason, "und") << ")";
    }
    html << "</li>";
  }
  if (any_link) html << "</ul></dd>";
}

// The hidden details block an event's hover shows.
std::string details(const Timeline& timeline, const Event& event,
                    const RenderOptions& options) {
  std::ostringstream html;
  write_summary_details(html, event, options);
  write_context_details(html, timeline, event, options);
  write_claim_details(html, timeline, event, options);
  write_link_details(html, timeline, event, options);
  html << "</dl>";
  return html.str();
}

constexpr const char* kStyle = R"css(
*{box-sizing:border-box}
body{font:14px/1.35 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Naskh Arabic","DejaVu Sans",sans-serif;margin:20px;color:#222;background:#fff}
h1{font-size:20px;margin:0 0 4px}
.sub{color:#555;margin:0 0 14px}
.chart{display:grid;grid-template-columns:minmax(360px,520px) auto;border:1px solid #ddd;border-radius:6px;overflow-x:auto;width:max-content;max-width:100%}
.labels{border-right:1px solid #ddd;min-width:0}
.labels .axis{height:46px;border-bottom:1px solid #ccc;padding:14px 8px 0;color:#666;font-size:12px}
.lane{height:28px;padding:5px 8px;font-weight:600;background:#f4f4f4;border-bottom:1px solid #e4e4e4;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.lane .sw{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px}
.row{height:26px;display:flex;align-items:center;gap:6px;padding:0 8px;border-bottom:1px solid #f0f0f0;cursor:default}
.row .t{flex:1 1 auto;min-width:0;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.row .ar{color:#444}
.row .sep{color:#aaa;padding:0 5px}
.row.on,.ev.on rect.hl{background:#fff6d6}
.badge{flex:none;font-size:11px;line-height:16px;padding:0 6px;border-radius:8px;background:#e8f0fb;color:#1d4f8a;border:1px solid #b9d0ee;white-space:nowrap}
.badge.denies{background:#fde8e8;color:#a31d1d;border-color:#f0b4b4;text-decoration:line-through}
.plot svg{display:block}
svg text{font-family:inherit}
.tick{font-size:11px;fill:#555}
.slip{font-size:10px;fill:#a31d1d;font-weight:600}
.panel{margin-top:14px;display:grid;grid-template-columns:minmax(300px,600px) auto;gap:20px;align-items:start}
#details{border:1px solid #ddd;border-radius:6px;padding:10px 14px;min-height:90px;background:#fcfcfc}
#details h2{font-size:16px;margin:0 0 4px}
#details .alt{margin:0 0 6px;color:#444}
#details dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 10px;margin:6px 0 0}
#details dt{color:#666}
#details dd{margin:0}
#details ul{margin:0;padding-inline-start:18px}
#details li.denies em{color:#a31d1d}
#details .src{color:#666}
.legend{font-size:12px}
.legend h2{font-size:14px;margin:0 0 6px}
[hidden]{display:none!important}
)css";

constexpr const char* kScript = R"js(
(function () {
  var panel = document.getElementById('details');
  var current = null;
  function show(id) {
    if (!id || id === current) return;
    var src = document.getElementById(id);
    if (!src) return;
    current = id;
    panel.innerHTML = src.innerHTML;
    document.querySelectorAll('.on').forEach(function (el) {
      el.classList.remove('on');
    });
    document.querySelectorAll('[data-detail="' + id + '"]').forEach(function (el) {
      el.classList.add('on');
    });
  }
  function pick(event) {
    var el = event.target.closest ? event.target.closest('[data-detail]') : null;
    if (el) show(el.getAttribute('data-detail'));
  }
  document.addEventListener('mouseover', pick);
  document.addEventListener('focusin', pick);
  var first = document.querySelector('.row.slipped') || document.querySelector('.row');
  if (first) show(first.getAttribute('data-detail'));
  document.body.setAttribute('data-ready', '1');
})();
)js";

// The page's head, its heading and the line under it.
void write_head(std::ostream& out, const Timeline& timeline,
                const std::string& title, std::size_t lane_count,
                const RenderOptions& options) {
  out << "<!DOCTYPE html>\n<html lang=\"" << html_escape(options.lang)
      << "\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, "
         "initial-scale=1\">\n"
      << "<title>" << attribute_text(title) << "</title>\n<style>" << kStyle
      << "</style>\n</head>\n<body>\n";
  out << "<h1>" << isolated(title, options.lang) << "</h1>\n";
  out << "<p class=\"sub\">" << timeline.events.size() << " events in "
      << lane_count << (lane_count == 1 ? " lane" : " lanes")
      << ". Hover or focus an event for its details.</p>\n";
}

// The <svg> element and its shared definitions: the slip arrow's head and
// the hatching of compressed gaps.
void write_svg_start(std::ostream& svg, double width, int height,
                     const std::string& title) {
  svg << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << pixels(width)
      << "\" height=\"" << height << "\" viewBox=\"0 0 " << pixels(width) << ' '
      << height << "\" role=\"img\" aria-label=\"" << attribute_text(title)
      << "\">\n";
  svg << "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" "
         "refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" "
         "orient=\"auto-start-reverse\"><path d=\"M0,0L10,5L0,10z\" "
         "fill=\"#a31d1d\"/></marker>"
      << "<pattern id=\"brk\" width=\"8\" height=\"8\" "
         "patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
         "<rect width=\"8\" height=\"8\" fill=\"#fafafa\"/><line x1=\"0\" "
         "y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"#e2e2e2\" stroke-width=\"3\"/>"
         "</pattern></defs>\n";
}

// The days the axis marks: every key day, and every day (or every few
// days) of the linear stretches between them.
std::vector<Day> axis_ticks(const Scale& scale) {
  std::vector<Day> ticks;
  const auto step = std::max<std::int64_t>(
      1, static_cast<std::int64_t>(std::ceil(48 / scale.px_per_day())));
  for (std::size_t i = 0; i < scale.segments(); ++i) {
    ticks.push_back(scale.key(i));
    if (i + 1 < scale.segments() && !scale.compressed(i + 1)) {
      for (Day day = scale.key(i) + days64{step}; day < scale.key(i + 1);
           day += days64{step}) {
        ticks.push_back(day);
      }
    }
  }
  return ticks;
}

// Compressed gaps as hatched bands labelled with their length.
void write_gap_bands(std::ostream& svg, const Scale& scale, int height) {
  for (std::size_t i = 1; i < scale.segments(); ++i) {
    if (!scale.compressed(i)) continue;
    const double left = scale.x(scale.key(i - 1)) + 6;
    const double right = scale.x(scale.key(i)) - 6;
    svg << "<rect x=\"" << pixels(left) << "\" y=\"" << kAxisHeight
        << "\" width=\"" << pixels(right - left) << "\" height=\""
        << height - kAxisHeight << "\" fill=\"url(#brk)\"/>"
        << "<text class=\"tick\" x=\"" << pixels((left + right) / 2)
        << "\" y=\"40\" text-anchor=\"middle\" font-style=\"italic\">≈ "
        << html_escape(gap_words(scale.gap(i))) << "</text>"
        << "<path d=\"M" << pixels(left) << ",34l5,-8M" << pixels(left + 5)
        << ",34l5,-8\" stroke=\"#888\"/>\n";
  }
}

// The axis: gap bands, grid lines and day labels, the year where it
// changes; labels closer than 34 px to the previous one are left out.
void write_axis(std::ostream& svg, const Scale& scale, int height,
                double width) {
  svg << "<g class=\"axis\">\n";
  write_gap_bands(svg, scale, height);
  std::int64_t last_year = INT64_MIN;
  double last_label_x = -100;
  for (Day day : axis_ticks(scale)) {
    const double x = scale.x(day);
    svg << "<line x1=\"" << pixels(x) << "\" y1=\"" << kAxisHeight - 6
        << "\" x2=\"" << pixels(x) << "\" y2=\"" << height
        << "\" stroke=\"#e6e6e6\"/>";
    if (x - last_label_x < 34) continue;
    const std::string full = day_label(day, Precision::day);
    const std::string day_month = full.substr(0, full.rfind(' '));
    svg << "<text class=\"tick\" x=\"" << pixels(x) << "\" y=\"14\" "
        << "text-anchor=\"middle\">" << html_escape(day_month) << "</text>";
    const std::int64_t year =
        detail::civil_from_days(day.time_since_epoch().count()).year;
    if (year != last_year) {
      svg << "<text class=\"tick\" x=\"" << pixels(x) << "\" y=\"27\" "
          << "text-anchor=\"middle\" font-weight=\"600\">"
          << html_escape(day_label(day, Precision::year)) << "</text>";
      last_year = year;
    }
    last_label_x = x;
  }
  svg << "<line x1=\"0\" y1=\"" << kAxisHeight << "\" x2=\"" << pixels(width)
      << "\" y2=\"" << kAxisHeight << "\" stroke=\"#ccc\"/>\n</g>\n";
}

// The label row of an event: its title (and the Arabic one), and a badge
// per claim with its speaker.
void write_label_row(std::ostream& labels, const Timeline& timeline,
                     const Event& event, const std::string& detail_id,
                     bool moved, const RenderOptions& options) {
  labels << "<div class=\"row" << (moved ? " slipped" : "")
         << "\" tabindex=\"0\" data-detail=\"" << detail_id
         << "\" data-event=\"" << html_escape(event.id.value)
         << "\"><span class=\"t\">"
         << isolated(title_of(event, options.lang),
                     picked_lang(event.title, options.lang));
  if (options.lang != "ar") {
    if (auto arabic = event.title.find("ar"); arabic != event.title.end()) {
      labels << "<span class=\"sep\">·</span>"
             << "<bdi class=\"ar\" dir=\"rtl\" lang=\"ar\">"
             << html_escape(arabic->second) << "</bdi>";
    }
  }
  labels << "</span>";
  for (const Claim* claim : timeline.claims_on(event.id)) {
    const std::string who = speaker_name(timeline, *claim, options.lang);
    const std::string stance(to_string(claim->stance));
    labels << "<span class=\"badge " << html_escape(stance) << "\" title=\""
           << attribute_text(who) << ' ' << html_escape(stance)
           << (claim->quote.empty() ? "" : ": " + attribute_text(claim->quote))
           << "\">" << (claim->stance == Stance::denies ? "✗ " : "")
           << isolated(who, "und") << "</span>";
  }
  labels << "</div>\n";
}

// Where a mark was drawn, in pixels.
struct MarkSpan {
  double left = 0;
  double right = 0;
};

// How an event's mark is drawn: its row, lane colour and line style.
struct MarkStyle {
  double top = 0;  // of the mark
  std::string colour;
  std::string dash;  // a stroke-dasharray attribute for qualified values
};

// A value known to the day (or the hours of a day): a solid bar; a
// scheduled event's is pale and dashed.
MarkSpan write_exact_mark(std::ostream& svg, const Scale& scale,
                          const Event& event, const Bounds& bounds,
                          const MarkStyle& style) {
  double left = scale.x(*bounds.earliest_start);
  double right = scale.x(*bounds.latest_end);
  if (event.time_of_day &&
      (*bounds.latest_end - *bounds.earliest_start).count() == 1) {
    const int start = clock_minutes(event.time_of_day->start);
    const int end = clock_minutes(event.time_of_day->end);
    if (start >= 0) {
      left = scale.x(*bounds.earliest_start, start / 1440.0);
      right = end > start ? scale.x(*bounds.earliest_start, end / 1440.0)
                          : left + 3;
    }
  }
  if (right - left < 4) right = left + 4;
  svg << "<rect x=\"" << pixels(left) << "\" y=\"" << pixels(style.top)
      << "\" width=\"" << pixels(right - left) << "\" height=\"" << kMarkHeight
      << "\" rx=\"2\" fill=\"" << style.colour << "\""
      << (event.status == Status::scheduled
              ? " fill-opacity=\"0.35\" stroke-dasharray=\"3 2\""
              : "")
      << " stroke=\"" << style.colour << "\"" << style.dash << "/>";
  return {left, right};
}

// The opacity stops of an imprecise value's range, as (offset, opacity):
// faint at the ends, solid over the core where it certainly falls.
std::vector<std::pair<double, double>> range_stops(const Scale& scale,
                                                   const Bounds& bounds,
                                                   double left, double width) {
  const bool open_start = !bounds.earliest_start;
  const bool open_end = !bounds.latest_end;
  auto offset = [&](Day day) {
    return std::clamp((scale.x(day) - left) / width, 0.0, 1.0);
  };
  std::vector<std::pair<double, double>> stops;
  stops.push_back({0, open_start ? 0.0 : 0.12});
  if (bounds.latest_start && bounds.earliest_end &&
      *bounds.latest_start < *bounds.earliest_end) {
    stops.push_back({offset(*bounds.latest_start), 0.95});
    stops.push_back({offset(*bounds.earliest_end), 0.95});
  } else if (open_start && bounds.latest_start) {
    stops.push_back({offset(*bounds.latest_start), 0.7});
  } else if (open_end && bounds.earliest_end) {
    stops.push_back({offset(*bounds.earliest_end), 0.7});
  } else {
    stops.push_back({0.5, 0.55});
  }
  stops.push_back({1, open_end ? 0.0 : (open_start ? 0.7 : 0.12)});
  return stops;
}

// An imprecise value: a range from the earliest start to the latest end,
// fading in and out; an open side is clipped to the axis with an arrow.
MarkSpan write_range_mark(std::ostream& svg, const Scale& scale,
                          const Bounds& bounds, const std::string& detail_id,
                          const MarkStyle& style) {
  const bool open_start = !bounds.earliest_start;
  const bool open_end = !bounds.latest_end;
  const double left =
      open_start ? scale.left() : scale.x(*bounds.earliest_start);
  double right = open_end ? scale.right() : scale.x(*bounds.latest_end);
  if (right - left < 4) right = left + 4;
  const double width = right - left;
  const std::string gradient_id = "g" + detail_id;
  svg << "<linearGradient id=\"" << gradient_id << "\">";
  for (const auto& [offset, opacity] :
       range_stops(scale, bounds, left, width)) {
    svg << "<stop offset=\"" << pixels(offset * 100) << "%\" stop-color=\""
        << style.colour << "\" stop-opacity=\"" << opacity << "\"/>";
  }
  svg << "</linearGradient>";
  svg << "<rect class=\"range\" x=\"" << pixels(left) << "\" y=\""
      << pixels(style.top) << "\" width=\"" << pixels(width) << "\" height=\""
      << kMarkHeight << "\" fill=\"url(#" << gradient_id << ")\"" << style.dash
      << "/>";
  const double middle = style.top + 6;
  if (open_start) {
    svg << "<path class=\"open\" d=\"M" << pixels(left) << ',' << pixels(middle)
        << "l8,-6v12z\" fill=\"" << style.colour << "\"/>";
  }
  if (open_end) {
    svg << "<path class=\"open\" d=\"M" << pixels(right) << ','
        << pixels(middle) << "l-8,-6v12z\" fill=\"" << style.colour << "\"/>";
  }
  return {left, right};
}

// Planned versus actual: a ghost mark at the plan, an arrow to the actual
// mark and the slip in words.
void write_planned_mark(std::ostream& svg, const Scale& scale,
                        const Event& event, const Slip& moved,
                        const MarkSpan& actual, const MarkStyle& style) {
  const Bounds planned = event.planned->bounds();
  const auto start = mark_start(planned);
  const auto end = mark_end(planned);
  if (!start || !end) return;
  const double left = scale.x(*start);
  double right = scale.x(*end);
  if (right - left < 4) right = left + 4;
  svg << "<rect class=\"planned\" x=\"" << pixels(left) << "\" y=\""
      << pixels(style.top) << "\" width=\"" << pixels(right - left)
      << "\" height=\"" << kMarkHeight << "\" rx=\"2\" fill=\"none\" stroke=\""
      << style.colour << "\" stroke-dasharray=\"3 2\" stroke-opacity=\"0.8\"/>";
  const double from = (left + right) / 2;
  const double to = actual.left > from ? actual.left - 1 : actual.left + 1;
  svg << "<line class=\"slip-arrow\" x1=\"" << pixels(from) << "\" y1=\""
      << pixels(style.top + 6) << "\" x2=\"" << pixels(to) << "\" y2=\""
      << pixels(style.top + 6)
      << "\" stroke=\"#a31d1d\" stroke-width=\"1.5\" "
         "marker-end=\"url(#arrow)\"/>"
      << "<text class=\"slip\" x=\""
      << pixels(std::max({to, from, actual.right, right}) + 6) << "\" y=\""
      << pixels(style.top + 10) << "\">" << html_escape(slip_words(moved))
      << "</text>";
}

// One event's row in the chart: its hover target, its mark, the '?' or '~'
// of a qualified value, and the plan it moved from.
void write_event_marks(std::ostream& svg, const Timeline& timeline,
                       const Event& event, const Scale& scale,
                       const std::string& colour, double row_top,
                       const std::string& detail_id,
                       const RenderOptions& options) {
  const Bounds bounds = event.time.bounds();
  const bool qualified = event.time.uncertain() || event.time.approximate();
  const MarkStyle style{row_top + kMarkOffset, colour,
                        qualified ? " stroke-dasharray=\"3 2\"" : ""};
  svg << "<g class=\"ev\" data-detail=\"" << detail_id << "\" tabindex=\"-1\">"
      << "<title>" << html_escape(tooltip(timeline, event, options))
      << "</title><rect class=\"hl\" x=\"0\" y=\"" << pixels(row_top)
      << "\" width=\"" << pixels(scale.width()) << "\" height=\"" << kRowHeight
      << "\" fill=\"transparent\"/>";
  const bool exact = bounds.earliest_start && bounds.latest_end &&
                     bounds.earliest_start == bounds.latest_start &&
                     bounds.earliest_end == bounds.latest_end;
  MarkSpan mark;
  if (exact) {
    mark = write_exact_mark(svg, scale, event, bounds, style);
  } else if (mark_start(bounds)) {
    mark = write_range_mark(svg, scale, bounds, detail_id, style);
  }
  if (qualified) {
    svg << "<text x=\"" << pixels(mark.left - 3) << "\" y=\""
        << pixels(style.top + 10)
        << "\" text-anchor=\"end\" font-size=\"11\" fill=\"" << colour << "\">"
        << (event.time.uncertain() ? "?" : "~") << "</text>";
  }
  if (const auto moved = slip(event); moved && slipped(*moved)) {
    write_planned_mark(svg, scale, event, *moved, mark, style);
  }
  svg << "</g>\n";
}

// The three columns the chart's rows are written to, side by side.
struct ChartParts {
  std::ostringstream labels;  // lane headers and event labels
  std::ostringstream svg;     // lane bands and marks
  std::ostringstream hidden;  // the details blocks
};

// Each lane: its header and band, then a label row, marks and details per
// event.
void write_lanes(ChartParts& parts, const Timeline& timeline,
                 const std::vector<Lane>& lanes, const Scale& scale,
                 const RenderOptions& options) {
  int row_top = kAxisHeight;
  int index = 0;
  for (const Lane& lane : lanes) {
    parts.labels << "<div class=\"lane\"><span class=\"sw\" "
                    "style=\"background:"
                 << lane.colour << "\"></span>"
                 << isolated(lane.name, lane.lang) << "</div>\n";
    parts.svg << "<rect x=\"0\" y=\"" << row_top << "\" width=\""
              << pixels(scale.width()) << "\" height=\"" << kLaneHeight
              << "\" fill=\"#f4f4f4\" fill-opacity=\"0.9\"/>\n";
    row_top += kLaneHeight;
    for (std::size_t i : lane.events) {
      const Event& event = timeline.events[i];
      const std::string detail_id = "d" + std::to_string(index++);
      const auto moved = slip(event);
      write_label_row(parts.labels, timeline, event, detail_id,
                      moved && slipped(*moved), options);
      write_event_marks(parts.svg, timeline, event, scale, lane.colour, row_top,
                        detail_id, options);
      parts.hidden << "<div id=\"" << detail_id << "\" hidden>"
                   << details(timeline, event, options) << "</div>\n";
      row_top += kRowHeight;
    }
  }
}

// The legend's drawing: one sample of each kind of mark.
constexpr const char* kLegendSvg =
    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"520\" "
    "height=\"110\" role=\"img\" aria-label=\"Legend\">"
    "<defs><linearGradient id=\"lg1\"><stop offset=\"0%\" "
    "stop-color=\"#555\" stop-opacity=\"0.12\"/><stop offset=\"35%\" "
    "stop-color=\"#555\" stop-opacity=\"0.95\"/><stop offset=\"65%\" "
    "stop-color=\"#555\" stop-opacity=\"0.95\"/><stop offset=\"100%\" "
    "stop-color=\"#555\" stop-opacity=\"0.12\"/></linearGradient>"
    "<linearGradient id=\"lg2\"><stop offset=\"0%\" stop-color=\"#555\" "
    "stop-opacity=\"0\"/><stop offset=\"80%\" stop-color=\"#555\" "
    "stop-opacity=\"0.7\"/><stop offset=\"100%\" stop-color=\"#555\" "
    "stop-opacity=\"0.7\"/></linearGradient></defs>"
    "<rect x=\"4\" y=\"4\" width=\"40\" height=\"12\" rx=\"2\" "
    "fill=\"#555\"/><text x=\"54\" y=\"14\" font-size=\"12\">known "
    "date (or hours of the day)</text>"
    "<rect x=\"4\" y=\"26\" width=\"40\" height=\"12\" "
    "fill=\"url(#lg1)\"/><text x=\"54\" y=\"36\" font-size=\"12\">"
    "imprecise: faded from earliest start to latest end, solid where "
    "certain</text>"
    "<rect x=\"4\" y=\"48\" width=\"40\" height=\"12\" "
    "fill=\"url(#lg2)\"/><path d=\"M4,54l8,-6v12z\" fill=\"#555\"/>"
    "<text x=\"54\" y=\"58\" font-size=\"12\">open start (on or before):"
    " clipped to the axis</text>"
    "<rect x=\"4\" y=\"70\" width=\"14\" height=\"12\" rx=\"2\" "
    "fill=\"none\" stroke=\"#555\" stroke-dasharray=\"3 2\"/><line "
    "x1=\"11\" y1=\"76\" x2=\"29\" y2=\"76\" stroke=\"#a31d1d\" "
    "stroke-width=\"1.5\" marker-end=\"url(#arrow)\"/><rect x=\"30\" "
    "y=\"70\" width=\"14\" height=\"12\" rx=\"2\" fill=\"#555\"/>"
    "<text x=\"54\" y=\"80\" font-size=\"12\">planned (ghost) → actual, "
    "with the slip</text>"
    "<rect x=\"4\" y=\"92\" width=\"40\" height=\"12\" fill=\"url(#brk)\""
    " stroke=\"#ddd\"/><text x=\"54\" y=\"102\" font-size=\"12\">long "
    "gap, compressed</text>"
    "</svg>";

// The details panel and the legend: the kinds of mark, the badges and the
// lanes' colours.
void write_panel_and_legend(std::ostream& out, const std::vector<Lane>& lanes) {
  out << "<div class=\"panel\"><aside id=\"details\" aria-live=\"polite\">"
         "<p>Hover or focus an event for its details.</p></aside>\n";
  out << "<section class=\"legend\"><h2>Legend</h2>" << kLegendSvg
      << "<p><span class=\"badge\">Speaker</span> asserts · "
         "<span class=\"badge denies\">✗ Speaker</span> denies</p><p>";
  for (const Lane& lane : lanes) {
    out << "<span style=\"white-space:nowrap;margin-right:10px\"><span "
           "style=\"display:inline-block;width:10px;height:10px;"
           "border-radius:2px;background:"
        << lane.colour << "\"></span> " << isolated(lane.name, lane.lang)
        << "</span> ";
  }
  out << "</p></section></div>\n";
}

}  // namespace

void write_html(const Timeline& timeline, std::ostream& out,
                const RenderOptions& options) {
  if (timeline.events.size() > options.html_detail_limit) {
    render_detail::write_html_overview(timeline, out, options);
    return;
  }
  const std::string title = document_title(timeline, options);
  const std::vector<Lane> lanes = make_lanes(timeline, options);
  const Scale scale(scale_keys(timeline));
  const int height = kAxisHeight +
                     static_cast<int>(lanes.size()) * kLaneHeight +
                     static_cast<int>(timeline.events.size()) * kRowHeight;

  write_head(out, timeline, title, lanes.size(), options);
  ChartParts parts;
  parts.labels
      << "<div class=\"labels\"><div class=\"axis\">Event · claims</div>\n";
  write_svg_start(parts.svg, scale.width(), height, title);
  write_axis(parts.svg, scale, height, scale.width());
  write_lanes(parts, timeline, lanes, scale, options);
  parts.svg << "</svg>";
  parts.labels << "</div>";
  out << "<div class=\"chart\">" << parts.labels.str()
      << "\n<div class=\"plot\">" << parts.svg.str() << "</div></div>\n";
  write_panel_and_legend(out, lanes);
  out << parts.hidden.str();
  out << "<script>" << kScript << "</script>\n</body>\n</html>\n";
  check_stream(out, "html");
}

}  // namespace parley
