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
// A timeline of more than RenderOptions::html_detail_limit events (500)
// gets the overview page instead, built to stay usable at 10^5 events
// (tests/html_scale.test.sh checks 100,000 generated events: a file of
// at most 15 MB, about 2.4 MB, painted by headless Chromium within 3 s):
//   * the events as columns of JSON inside the page, gzipped and in
//     base64, drawn by its script (which needs DecompressionStream:
//     Chromium 80, Firefox 113, Safari 16.4 or later);
//   * an overview strip on top: events per period (day, week, month or
//     year, from the span) as bars, and the best estimate of deaths
//     (Hostilities::deaths) summed per period as a line; dragging over it
//     (or clicking a period) zooms the lanes to that range, "All time"
//     zooms out;
//   * the lanes below, one row per event in the zoomed range, of which only
//     the rows scrolled into view are drawn; each lane's header shows the
//     density of its events over the range as a band;
//   * a filter box: words match titles, ids, kinds, actors and every place
//     that contains the event's place (case- and accent-insensitive);
//     `actor:`, `place:`, `kind:` and `text:` limit a phrase to one field,
//     and every phrase must match ("actor:Ahrar al-Sham place:Aleppo");
//   * an axis whose tick step follows the zoom, so labels never overlap;
//   * the details of the hovered or focused row (date, kind, place path,
//     actors with roles, deaths low/best/high, id).
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
