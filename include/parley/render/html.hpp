// parley/render/html.hpp — a timeline as one self-contained HTML page.
//
//   std::ofstream page{"astana.html"};
//   parley::write_html(timeline, page);
//
// The page needs no network and loads no file: an inline SVG chart, inline
// CSS and a small inline script (hover or focus on an event shows its
// details in a side panel; without script, SVG <title> tooltips remain).
//
// What it draws:
//   * one lane per process, in order of first appearance, and an "Other"
//     lane for events without one; one row per event, its label on the left
//     (HTML, so Arabic reads right to left: <bdi dir="auto" lang="ar">).
//   * a date axis with ticks; long empty stretches are compressed and
//     marked with a break, so a resolution from 2015 and a round in 2017
//     both stay legible.
//   * a precise value as a solid mark; an imprecise one as a range fading
//     in from its earliest start and out to its latest end, solid only
//     where the event certainly falls; an open start ("[..2017-02-16]")
//     clipped to the axis with an arrow.
//   * a time of day as the hours within its day (local wall time).
//   * a planned time that differs as a ghost mark, with an arrow to the
//     actual mark and the slip ("1 day late").
//   * claims as badges with their speaker; a denial is struck through and
//     red.
//   * a legend.
// All text from the data is HTML-escaped.
//
// Throws parley::Error (Errc::io) when `out` fails.
#ifndef PARLEY_RENDER_HTML_HPP
#define PARLEY_RENDER_HTML_HPP

#include <ostream>

#include "parley/render/options.hpp"
#include "parley/timeline.hpp"

namespace parley {

void write_html(const Timeline& timeline, std::ostream& out,
                const RenderOptions& options = {});

}  // namespace parley

#endif  // PARLEY_RENDER_HTML_HPP
