// parley/render/mermaid.hpp — a timeline as Mermaid diagrams for Markdown.
//
//   parley::write_mermaid_timeline(timeline, std::cout);  // "timeline"
//   parley::write_mermaid_gantt(timeline, std::cout);     // "gantt"
//
// Both write the diagram text only (no ``` fence), one section per process
// ("Other" for events without one), in chronological order.
//
// Text from the data is escaped with Mermaid's entity codes, which both
// diagram types accept: '#' -> "#35;", ':' -> "#58;", ';' -> "#59;",
// '<' -> "#60;", '>' -> "#62;"; line breaks become spaces. So a title with a
// colon neither splits an event nor truncates a task, and '#' starts no
// comment.
//
// timeline: one period per distinct date label ("16 Feb 2017", "on or
// before 16 Feb 2017"; never with a colon, never starting with "Timeline"),
// each with its events.
//
// gantt: `dateFormat YYYY-MM-DD`, one task per event spanning its days (an
// imprecise value spans its envelope; an open end is clipped to the range of
// the other events). An event whose planned time differs gets two tasks:
// the planned one, and the actual one marked `crit` when it slipped. Gantt
// has no BCE dates: events before year 1 or after 9999 are left out and
// listed in a `%%` comment.
//
// Throws parley::Error (Errc::io) when `out` fails.
#ifndef PARLEY_RENDER_MERMAID_HPP
#define PARLEY_RENDER_MERMAID_HPP

#include <ostream>

#include "parley/render/options.hpp"
#include "parley/timeline.hpp"

namespace parley {

void write_mermaid_timeline(const Timeline& timeline, std::ostream& out,
                            const RenderOptions& options = {});
void write_mermaid_gantt(const Timeline& timeline, std::ostream& out,
                         const RenderOptions& options = {});

}  // namespace parley

#endif  // PARLEY_RENDER_MERMAID_HPP
