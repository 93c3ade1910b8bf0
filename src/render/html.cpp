#include "parley/render/html.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "render/html_common.hpp"

namespace parley {

namespace {

using namespace render_detail;

std::string h(std::string_view text) { return html_escape(text); }

// Layout, in CSS pixels.
constexpr int kAxisHeight = 46;
constexpr int kLaneHeight = 28;
constexpr int kRowHeight = 26;
constexpr int kLeftMargin = 44;  // room for the arrows of open starts
constexpr int kRightMargin = 24;
constexpr int kMaxLinearGap = 7;  // days; longer gaps are compressed

constexpr const char* kColours[] = {"#1f6fb2", "#c2571a", "#2e8b57",
                                    "#8e44ad", "#b8860b", "#c0392b"};
constexpr const char* kOtherColour = "#6b6b6b";

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

// The language of the text best() picks.
std::string picked_lang(const Texts& texts, std::string_view lang) {
  if (texts.find(lang) != texts.end()) return std::string(lang);
  if (texts.find("en") != texts.end()) return "en";
  return texts.empty() ? std::string(lang) : texts.begin()->first;
}

// Text in a language that may run right to left, isolated from its
// surroundings so that bidi reordering stays inside it.
std::string bdi(std::string_view text, std::string_view lang) {
  return "<bdi dir=\"auto\" lang=\"" + h(lang) + "\">" + h(text) + "</bdi>";
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
    double x = kLeftMargin;
    xs_.push_back(x);
    for (std::size_t i = 1; i < keys_.size(); ++i) {
      x += compressed(i) ? 2 * 56.0 : gap(i) * px_per_day_;
      xs_.push_back(x);
    }
  }

  bool empty() const { return keys_.empty(); }
  double left() const { return 6; }
  double right() const { return xs_.empty() ? 200 : xs_.back(); }
  double width() const { return right() + kRightMargin; }
  double px_per_day() const { return px_per_day_; }

  double x(Day d) const {
    if (keys_.empty()) return kLeftMargin;
    if (d <= keys_.front()) return xs_.front();
    if (d >= keys_.back()) return xs_.back();
    const auto it = std::upper_bound(keys_.begin(), keys_.end(), d);
    const std::size_t i = static_cast<std::size_t>(it - keys_.begin());
    const double f = static_cast<double>((d - keys_[i - 1]).count()) /
                     static_cast<double>(gap(i));
    return xs_[i - 1] + f * (xs_[i] - xs_[i - 1]);
  }
  // A point `fraction` of the way through day `d`.
  double x(Day d, double fraction) const {
    return x(d) + fraction * (x(d + days64{1}) - x(d));
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

struct Lane {
  std::string name;
  std::string lang;
  std::string colour;
  std::vector<std::size_t> events;  // indexes into timeline.events
};

std::vector<Lane> make_lanes(const Timeline& timeline,
                             const RenderOptions& options) {
  std::vector<Lane> lanes;
  std::size_t colour = 0;
  for (std::size_t i = 0; i < timeline.events.size(); ++i) {
    const Event& e = timeline.events[i];
    const Process* p = e.process ? timeline.process(*e.process) : nullptr;
    const std::string name = p ? best(p->names, options.lang) : "Other";
    auto it = std::find_if(lanes.begin(), lanes.end(),
                           [&](const Lane& l) { return l.name == name; });
    if (it == lanes.end()) {
      Lane lane;
      lane.name = name;
      lane.lang = p ? picked_lang(p->names, options.lang) : "en";
      lane.colour = p ? kColours[colour++ % std::size(kColours)] : kOtherColour;
      lanes.push_back(std::move(lane));
      it = lanes.end() - 1;
    }
    it->events.push_back(i);
  }
  // The "Other" lane goes last.
  std::stable_partition(lanes.begin(), lanes.end(),
                        [](const Lane& l) { return l.colour != kOtherColour; });
  return lanes;
}

std::string claimant_of(const Timeline& timeline, const Claim& c,
                        const RenderOptions& options) {
  if (!c.claimant) return "the source";
  return actor_name(timeline, *c.claimant, options.lang);
}

// Plain text for an SVG <title> tooltip.
std::string tooltip(const Timeline& timeline, const Event& e,
                    const RenderOptions& options) {
  std::string t = title_of(e, options.lang) + "\n" + describe(e.time);
  if (e.time_of_day) {
    t += ", " + e.time_of_day->label + " " + e.time_of_day->start + "–" +
         e.time_of_day->end + " (" + e.time_of_day->zone + ")";
  }
  if (e.planned && !(*e.planned == e.time)) {
    t += "\nplanned " + describe(*e.planned) + " — " + slip_text(e);
  }
  for (const Claim* c : timeline.claims_on(e.id)) {
    t += "\n" + claimant_of(timeline, *c, options) +
         (c->stance == Stance::denies ? " denies" : " asserts");
  }
  return t;
}

// The hidden details block an event's hover shows.
std::string details(const Timeline& timeline, const Event& e,
                    const RenderOptions& options) {
  std::ostringstream d;
  d << "<h2>"
    << bdi(title_of(e, options.lang), picked_lang(e.title, options.lang))
    << "</h2>";
  for (const auto& [lang, text] : e.title) {
    if (lang == picked_lang(e.title, options.lang)) continue;
    d << "<p class=\"alt\">" << bdi(text, lang) << "</p>";
  }
  d << "<dl><dt>When</dt><dd>" << h(describe(e.time)) << " <code>"
    << h(e.time.str()) << "</code>";
  if (e.time_of_day) {
    d << "<br>" << h(e.time_of_day->label) << " " << h(e.time_of_day->start)
      << "–" << h(e.time_of_day->end) << " " << h(e.time_of_day->zone)
      << " time";
  }
  d << "</dd>";
  if (e.planned) {
    d << "<dt>Planned</dt><dd>" << h(describe(*e.planned));
    const std::string slip = slip_text(e);
    if (!slip.empty()) d << " — <strong>" << h(slip) << "</strong>";
    d << "</dd>";
  }
  if (e.status != Status::none) {
    d << "<dt>Status</dt><dd>" << h(to_string(e.status)) << "</dd>";
  }
  d << "<dt>Kind</dt><dd>" << h(to_string(e.kind())) << "</dd>";
  if (e.place) {
    d << "<dt>Where</dt><dd>";
    bool first = true;
    for (const Place* p : timeline.place_path(*e.place)) {
      d << (first ? "" : ", ")
        << bdi(best(p->names, options.lang),
               picked_lang(p->names, options.lang));
      first = false;
    }
    d << "</dd>";
  }
  if (!e.participants.empty()) {
    d << "<dt>Who</dt><dd>";
    bool first = true;
    for (const Participant& p : e.participants) {
      const Actor* a = timeline.actor(p.actor);
      d << (first ? "" : "; ")
        << (a ? bdi(best(a->names, options.lang),
                    picked_lang(a->names, options.lang))
              : h(p.actor.value))
        << " (" << h(to_string(p.role)) << ")";
      first = false;
    }
    d << "</dd>";
  }
  const std::string& summary = best(e.summary, options.lang);
  if (!summary.empty()) {
    d << "<dt>Summary</dt><dd>"
      << bdi(summary, picked_lang(e.summary, options.lang)) << "</dd>";
  }
  const auto claims = timeline.claims_on(e.id);
  if (!claims.empty()) {
    d << "<dt>Claims</dt><dd><ul>";
    for (const Claim* c : claims) {
      const Source* s = timeline.source(c->source);
      d << "<li class=\"" << h(to_string(c->stance)) << "\">"
        << h(claimant_of(timeline, *c, options)) << " <em>"
        << h(to_string(c->stance)) << "</em>";
      if (!c->quote.empty()) {
        d << ": «"
          << bdi(c->quote, s && !s->language.empty() ? s->language : "und")
          << "»";
      }
      if (s) {
        d << " <span class=\"src\">— " << bdi(s->title, s->language);
        if (s->published) d << ", " << h(describe(*s->published));
        d << "</span>";
      }
      d << "</li>";
    }
    d << "</ul></dd>";
  }
  bool any_link = false;
  for (const Link& l : timeline.links) {
    if (l.from != e.id && l.to != e.id) continue;
    if (!any_link) d << "<dt>Links</dt><dd><ul>";
    any_link = true;
    const bool out = l.from == e.id;
    const Event* other = timeline.event(out ? l.to : l.from);
    d << "<li>" << (out ? "" : "← ") << h(to_string(l.kind)) << " "
      << (other ? h(title_of(*other, options.lang))
                : h((out ? l.to : l.from).value));
    if (!l.reason.empty()) d << " (" << h(l.reason) << ")";
    d << "</li>";
  }
  if (any_link) d << "</ul></dd>";
  d << "</dl>";
  return d.str();
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

}  // namespace

void write_html(const Timeline& timeline, std::ostream& out,
                const RenderOptions& options) {
  const std::string title = document_title(timeline, options);
  const std::vector<Lane> lanes = make_lanes(timeline, options);

  // Scale keys: every finite bound of every time and planned time.
  std::vector<Day> keys;
  for (const Event& e : timeline.events) {
    for (const Edtf* t : {&e.time, e.planned ? &*e.planned : nullptr}) {
      if (!t) continue;
      const Bounds b = t->bounds();
      for (const auto& d :
           {b.earliest_start, b.latest_start, b.earliest_end, b.latest_end}) {
        if (d) keys.push_back(*d);
      }
      // A day-precise start needs its end day as a key for sub-day marks.
      if (b.latest_start) keys.push_back(*b.latest_start + days64{1});
    }
  }
  const Scale scale(std::move(keys));

  int rows = 0;
  for (const Lane& l : lanes) rows += static_cast<int>(l.events.size());
  const int height = kAxisHeight +
                     static_cast<int>(lanes.size()) * kLaneHeight +
                     rows * kRowHeight;
  const double width = scale.width();

  out << "<!DOCTYPE html>\n<html lang=\"" << h(options.lang)
      << "\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, "
         "initial-scale=1\">\n"
      << "<title>" << h(title) << "</title>\n<style>" << kStyle
      << "</style>\n</head>\n<body>\n";
  out << "<h1>" << bdi(title, options.lang) << "</h1>\n";
  out << "<p class=\"sub\">" << timeline.events.size() << " events in "
      << lanes.size() << (lanes.size() == 1 ? " lane" : " lanes")
      << ". Hover or focus an event for its details.</p>\n";

  // Left column: lane headers and event labels with claim badges.
  std::ostringstream labels;
  std::ostringstream svg;
  std::ostringstream hidden;
  labels << "<div class=\"labels\"><div class=\"axis\">Event · claims</div>\n";

  svg << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << num(width)
      << "\" height=\"" << height << "\" viewBox=\"0 0 " << num(width) << ' '
      << height << "\" role=\"img\" aria-label=\"" << h(title) << "\">\n";
  svg << "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" "
         "refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" "
         "orient=\"auto-start-reverse\"><path d=\"M0,0L10,5L0,10z\" "
         "fill=\"#a31d1d\"/></marker>"
      << "<pattern id=\"brk\" width=\"8\" height=\"8\" "
         "patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
         "<rect width=\"8\" height=\"8\" fill=\"#fafafa\"/><line x1=\"0\" "
         "y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"#e2e2e2\" stroke-width=\"3\"/>"
         "</pattern></defs>\n";

  // Axis: compressed gaps as hatched bands, ticks on key days and on every
  // day (or every few days) of the linear stretches.
  svg << "<g class=\"axis\">\n";
  std::vector<Day> ticks;
  for (std::size_t i = 0; i < scale.segments(); ++i) {
    ticks.push_back(scale.key(i));
    if (i + 1 < scale.segments() && !scale.compressed(i + 1)) {
      const auto step = std::max<std::int64_t>(
          1, static_cast<std::int64_t>(std::ceil(48 / scale.px_per_day())));
      for (Day d = scale.key(i) + days64{step}; d < scale.key(i + 1);
           d += days64{step}) {
        ticks.push_back(d);
      }
    }
  }
  for (std::size_t i = 1; i < scale.segments(); ++i) {
    if (!scale.compressed(i)) continue;
    const double x1 = scale.x(scale.key(i - 1)) + 6;
    const double x2 = scale.x(scale.key(i)) - 6;
    svg << "<rect x=\"" << num(x1) << "\" y=\"" << kAxisHeight << "\" width=\""
        << num(x2 - x1) << "\" height=\"" << height - kAxisHeight
        << "\" fill=\"url(#brk)\"/>"
        << "<text class=\"tick\" x=\"" << num((x1 + x2) / 2) << "\" y=\"40\" "
        << "text-anchor=\"middle\" font-style=\"italic\">≈ "
        << h(gap_words(scale.gap(i))) << "</text>"
        << "<path d=\"M" << num(x1) << ",34l5,-8M" << num(x1 + 5) << ",34l5,-8"
        << "\" stroke=\"#888\"/>\n";
  }
  std::int64_t last_year = INT64_MIN;
  double last_x = -100;
  for (Day d : ticks) {
    const double x = scale.x(d);
    svg << "<line x1=\"" << num(x) << "\" y1=\"" << kAxisHeight - 6
        << "\" x2=\"" << num(x) << "\" y2=\"" << height
        << "\" stroke=\"#e6e6e6\"/>";
    if (x - last_x < 34) continue;  // no overlapping labels
    const Civil c = civil(d);
    const std::string dm = day_label(d, Precision::day);
    const std::string day_month = dm.substr(0, dm.rfind(' '));
    svg << "<text class=\"tick\" x=\"" << num(x) << "\" y=\"14\" "
        << "text-anchor=\"middle\">" << h(day_month) << "</text>";
    if (c.year != last_year) {
      svg << "<text class=\"tick\" x=\"" << num(x) << "\" y=\"27\" "
          << "text-anchor=\"middle\" font-weight=\"600\">"
          << h(day_label(d, Precision::year)) << "</text>";
      last_year = c.year;
    }
    last_x = x;
  }
  svg << "<line x1=\"0\" y1=\"" << kAxisHeight << "\" x2=\"" << num(width)
      << "\" y2=\"" << kAxisHeight << "\" stroke=\"#ccc\"/>\n</g>\n";

  int y = kAxisHeight;
  int index = 0;
  for (const Lane& lane : lanes) {
    labels << "<div class=\"lane\"><span class=\"sw\" style=\"background:"
           << lane.colour << "\"></span>" << bdi(lane.name, lane.lang)
           << "</div>\n";
    svg << "<rect x=\"0\" y=\"" << y << "\" width=\"" << num(width)
        << "\" height=\"" << kLaneHeight
        << "\" fill=\"#f4f4f4\" fill-opacity=\"0.9\"/>\n";
    y += kLaneHeight;
    for (std::size_t i : lane.events) {
      const Event& e = timeline.events[i];
      const std::string id = "d" + std::to_string(index++);
      const auto slip = slip_days(e);
      const bool slipped = slip && *slip != 0;
      const auto claims = timeline.claims_on(e.id);

      // Label row.
      labels << "<div class=\"row" << (slipped ? " slipped" : "")
             << "\" tabindex=\"0\" data-detail=\"" << id << "\" data-event=\""
             << h(e.id.value) << "\"><span class=\"t\">"
             << bdi(title_of(e, options.lang),
                    picked_lang(e.title, options.lang));
      if (options.lang != "ar") {
        if (auto ar = e.title.find("ar"); ar != e.title.end()) {
          labels << "<span class=\"sep\">·</span>"
                 << "<bdi class=\"ar\" dir=\"rtl\" lang=\"ar\">"
                 << h(ar->second) << "</bdi>";
        }
      }
      labels << "</span>";
      for (const Claim* c : claims) {
        const std::string who = claimant_of(timeline, *c, options);
        labels << "<span class=\"badge " << h(to_string(c->stance))
               << "\" title=\"" << h(who) << ' ' << h(to_string(c->stance))
               << (c->quote.empty() ? "" : ": " + h(c->quote)) << "\">"
               << (c->stance == Stance::denies ? "✗ " : "") << bdi(who, "und")
               << "</span>";
      }
      labels << "</div>\n";

      // Marks.
      const Bounds b = e.time.bounds();
      const double top = y;
      const double my = top + 9;  // mark top
      const double mh = 12;
      svg << "<g class=\"ev\" data-detail=\"" << id << "\" tabindex=\"-1\">"
          << "<title>" << h(tooltip(timeline, e, options)) << "</title>"
          << "<rect class=\"hl\" x=\"0\" y=\"" << num(top) << "\" width=\""
          << num(width) << "\" height=\"" << kRowHeight
          << "\" fill=\"transparent\"/>";
      const bool qualified = e.time.uncertain() || e.time.approximate();
      const std::string dash =
          qualified ? " stroke-dasharray=\"3 2\"" : std::string();
      const bool certain = b.earliest_start && b.latest_end &&
                           b.earliest_start == b.latest_start &&
                           b.earliest_end == b.latest_end;
      const bool scheduled = e.status == Status::scheduled;
      double mark_left = 0;
      double mark_right = 0;
      if (certain) {
        double x1 = scale.x(*b.earliest_start);
        double x2 = scale.x(*b.latest_end);
        if (e.time_of_day && (*b.latest_end - *b.earliest_start).count() == 1) {
          const int m1 = clock_minutes(e.time_of_day->start);
          const int m2 = clock_minutes(e.time_of_day->end);
          if (m1 >= 0) {
            x1 = scale.x(*b.earliest_start, m1 / 1440.0);
            x2 = m2 > m1 ? scale.x(*b.earliest_start, m2 / 1440.0) : x1 + 3;
          }
        }
        if (x2 - x1 < 4) x2 = x1 + 4;
        mark_left = x1;
        mark_right = x2;
        svg << "<rect x=\"" << num(x1) << "\" y=\"" << num(my) << "\" width=\""
            << num(x2 - x1) << "\" height=\"" << mh << "\" rx=\"2\" fill=\""
            << lane.colour << "\""
            << (scheduled ? " fill-opacity=\"0.35\" stroke-dasharray=\"3 2\""
                          : "")
            << " stroke=\"" << lane.colour << "\"" << dash << "/>";
      } else if (first_day(b)) {
        // A range from the earliest start to the latest end, fading in and
        // out; solid only over the core where the event certainly falls.
        const bool open_start = !b.earliest_start;
        const bool open_end = !b.latest_end;
        const double x1 =
            open_start ? scale.left() : scale.x(*b.earliest_start);
        double x2 = open_end ? scale.right() : scale.x(*b.latest_end);
        if (x2 - x1 < 4) x2 = x1 + 4;
        const double w = x2 - x1;
        auto frac = [&](Day d) {
          return std::clamp((scale.x(d) - x1) / w, 0.0, 1.0);
        };
        const bool core = b.latest_start && b.earliest_end &&
                          *b.latest_start < *b.earliest_end;
        std::vector<std::pair<double, double>> stops;  // offset, opacity
        stops.push_back({0, open_start ? 0.0 : 0.12});
        if (core) {
          stops.push_back({frac(*b.latest_start), 0.95});
          stops.push_back({frac(*b.earliest_end), 0.95});
        } else if (open_start && b.latest_start) {
          stops.push_back({frac(*b.latest_start), 0.7});
        } else if (open_end && b.earliest_end) {
          stops.push_back({frac(*b.earliest_end), 0.7});
        } else {
          stops.push_back({0.5, 0.55});
        }
        stops.push_back({1, open_end ? 0.0 : (open_start ? 0.7 : 0.12)});
        const std::string gid = "g" + id;
        svg << "<linearGradient id=\"" << gid << "\">";
        for (const auto& [offset, opacity] : stops) {
          svg << "<stop offset=\"" << num(offset * 100) << "%\" stop-color=\""
              << lane.colour << "\" stop-opacity=\"" << opacity << "\"/>";
        }
        svg << "</linearGradient>";
        svg << "<rect class=\"range\" x=\"" << num(x1) << "\" y=\"" << num(my)
            << "\" width=\"" << num(w) << "\" height=\"" << mh
            << "\" fill=\"url(#" << gid << ")\"" << dash << "/>";
        if (open_start) {
          svg << "<path class=\"open\" d=\"M" << num(x1) << ',' << num(my + 6)
              << "l8,-6v12z\" fill=\"" << lane.colour << "\"/>";
        }
        if (open_end) {
          svg << "<path class=\"open\" d=\"M" << num(x2) << ',' << num(my + 6)
              << "l-8,-6v12z\" fill=\"" << lane.colour << "\"/>";
        }
        mark_left = x1;
        mark_right = x2;
      }
      if (qualified) {
        svg << "<text x=\"" << num(mark_left - 3) << "\" y=\"" << num(my + 10)
            << "\" text-anchor=\"end\" font-size=\"11\" fill=\"" << lane.colour
            << "\">" << (e.time.uncertain() ? "?" : "~") << "</text>";
      }
      // Planned versus actual: a ghost mark, an arrow and the slip.
      if (e.planned && slipped) {
        const Bounds p = e.planned->bounds();
        const auto pf = first_day(p);
        const auto pe = end_day(p);
        if (pf && pe) {
          const double x1 = scale.x(*pf);
          double x2 = scale.x(*pe);
          if (x2 - x1 < 4) x2 = x1 + 4;
          svg << "<rect class=\"planned\" x=\"" << num(x1) << "\" y=\""
              << num(my) << "\" width=\"" << num(x2 - x1) << "\" height=\""
              << mh << "\" rx=\"2\" fill=\"none\" stroke=\"" << lane.colour
              << "\" stroke-dasharray=\"3 2\" stroke-opacity=\"0.8\"/>";
          const double from = (x1 + x2) / 2;
          const double to = mark_left > from ? mark_left - 1 : mark_left + 1;
          svg << "<line class=\"slip-arrow\" x1=\"" << num(from) << "\" y1=\""
              << num(my + 6) << "\" x2=\"" << num(to) << "\" y2=\""
              << num(my + 6)
              << "\" stroke=\"#a31d1d\" stroke-width=\"1.5\" "
                 "marker-end=\"url(#arrow)\"/>"
              << "<text class=\"slip\" x=\""
              << num(std::max({to, from, mark_right, x2}) + 6) << "\" y=\""
              << num(my + 10) << "\">" << h(slip_text(e)) << "</text>";
        }
      }
      svg << "</g>\n";
      hidden << "<div id=\"" << id << "\" hidden>"
             << details(timeline, e, options) << "</div>\n";
      y += kRowHeight;
    }
  }
  svg << "</svg>";
  labels << "</div>";

  out << "<div class=\"chart\">" << labels.str() << "\n<div class=\"plot\">"
      << svg.str() << "</div></div>\n";

  // Details panel and legend.
  out << "<div class=\"panel\"><aside id=\"details\" aria-live=\"polite\">"
         "<p>Hover or focus an event for its details.</p></aside>\n";
  out << "<section class=\"legend\"><h2>Legend</h2>"
      << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"520\" "
         "height=\"110\" role=\"img\" aria-label=\"Legend\">"
      << "<defs><linearGradient id=\"lg1\"><stop offset=\"0%\" "
         "stop-color=\"#555\" stop-opacity=\"0.12\"/><stop offset=\"35%\" "
         "stop-color=\"#555\" stop-opacity=\"0.95\"/><stop offset=\"65%\" "
         "stop-color=\"#555\" stop-opacity=\"0.95\"/><stop offset=\"100%\" "
         "stop-color=\"#555\" stop-opacity=\"0.12\"/></linearGradient>"
      << "<linearGradient id=\"lg2\"><stop offset=\"0%\" stop-color=\"#555\" "
         "stop-opacity=\"0\"/><stop offset=\"80%\" stop-color=\"#555\" "
         "stop-opacity=\"0.7\"/><stop offset=\"100%\" stop-color=\"#555\" "
         "stop-opacity=\"0.7\"/></linearGradient></defs>"
      << "<rect x=\"4\" y=\"4\" width=\"40\" height=\"12\" rx=\"2\" "
         "fill=\"#555\"/><text x=\"54\" y=\"14\" font-size=\"12\">known "
         "date (or hours of the day)</text>"
      << "<rect x=\"4\" y=\"26\" width=\"40\" height=\"12\" "
         "fill=\"url(#lg1)\"/><text x=\"54\" y=\"36\" font-size=\"12\">"
         "imprecise: faded from earliest start to latest end, solid where "
         "certain</text>"
      << "<rect x=\"4\" y=\"48\" width=\"40\" height=\"12\" "
         "fill=\"url(#lg2)\"/><path d=\"M4,54l8,-6v12z\" fill=\"#555\"/>"
         "<text x=\"54\" y=\"58\" font-size=\"12\">open start (on or before):"
         " clipped to the axis</text>"
      << "<rect x=\"4\" y=\"70\" width=\"14\" height=\"12\" rx=\"2\" "
         "fill=\"none\" stroke=\"#555\" stroke-dasharray=\"3 2\"/><line "
         "x1=\"11\" y1=\"76\" x2=\"29\" y2=\"76\" stroke=\"#a31d1d\" "
         "stroke-width=\"1.5\" marker-end=\"url(#arrow)\"/><rect x=\"30\" "
         "y=\"70\" width=\"14\" height=\"12\" rx=\"2\" fill=\"#555\"/>"
         "<text x=\"54\" y=\"80\" font-size=\"12\">planned (ghost) → actual, "
         "with the slip</text>"
      << "<rect x=\"4\" y=\"92\" width=\"40\" height=\"12\" fill=\"url(#brk)\""
         " stroke=\"#ddd\"/><text x=\"54\" y=\"102\" font-size=\"12\">long "
         "gap, compressed</text>"
      << "</svg><p><span class=\"badge\">Speaker</span> asserts · "
         "<span class=\"badge denies\">✗ Speaker</span> denies</p><p>";
  for (const Lane& lane : lanes) {
    out << "<span style=\"white-space:nowrap;margin-right:10px\"><span "
           "style=\"display:inline-block;width:10px;height:10px;"
           "border-radius:2px;background:"
        << lane.colour << "\"></span> " << bdi(lane.name, lane.lang)
        << "</span> ";
  }
  out << "</p></section></div>\n";
  out << hidden.str();
  out << "<script>" << kScript << "</script>\n</body>\n</html>\n";
  check_stream(out, "html");
}

}  // namespace parley
