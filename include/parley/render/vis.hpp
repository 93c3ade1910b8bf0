// parley/render/vis.hpp — a timeline as vis-timeline items and groups.
//
// Writes one JSON object `{"items": [...], "groups": [...]}` for
// vis-timeline (`new vis.Timeline(element, items, groups, options)`).
//
//   parley::write_vis(timeline, std::cout);
//
// What it writes:
//   * groups: one per process of the events, in order of first appearance,
//     plus "other" for events without a process; every item has a group
//     (vis-timeline hides items without one when groups are set).
//   * items `{id, content, start, end?, group, type, title, className}`:
//     a day-precise event is a `box` on its day; an imprecise or multi-day
//     one a `range` from its earliest start to its latest end (half-open),
//     a time of day a `range` over those hours (local wall time); an
//     open-ended one a `point` at its known bound, its title saying "on or
//     before". `range` always has `end`.
//   * dates are ISO strings; years outside 0–9999 use the expanded form
//     "-000044-03-15".
//   * a planned time that differs from the actual one adds a `point` item
//     with id "<event id>#planned" and className "planned".
//   * content and title are HTML-escaped (vis-timeline renders them as
//     HTML). Events with no known bound are left out.
//
// Throws parley::Error (Errc::io) when `out` fails.
#ifndef PARLEY_RENDER_VIS_HPP
#define PARLEY_RENDER_VIS_HPP

#include <ostream>

#include "parley/render/options.hpp"
#include "parley/timeline.hpp"

namespace parley {

void write_vis(const Timeline& timeline, std::ostream& out,
               const RenderOptions& options = {});

}  // namespace parley

#endif  // PARLEY_RENDER_VIS_HPP
