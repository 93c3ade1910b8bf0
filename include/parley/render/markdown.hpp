// parley/render/markdown.hpp — a timeline as a Markdown document.
//
// A level-1 heading (the title), then a table with one row per event in
// chronological order — date, kind, title, place, status — and, after it,
// a section per event that has a plan or claims, with the claims as a
// nested list:
//
// clang-format off
//   parley::write_markdown(timeline, std::cout);
//
//   # Second Astana round on Syria
//
//   | Date | Kind | Title | Place | Status |
//   |---|---|---|---|---|
//   | 2017-02-16 | negotiation_round | Second Astana round on Syria | Astana | held |
//
//   ## Second Astana round on Syria (2017-02-16)
//
//   - planned 2017-02-15, held 2017-02-16, 1 day late
//   - Claims:
//     - asserts: the source — "متأخرة يوماً"
// clang-format on
//
// GitHub-flavoured Markdown: `|` in a cell is written `\|`, a line break
// inside a cell becomes a space, and `\`, `*`, `_`, `` ` ``, `[`, `]`, `<`,
// `>` and `#` in text are escaped so names cannot turn into markup. Arabic
// text is written as is (UTF-8). Text holding bidi control characters
// (U+202A..U+202E, U+2066..U+2069) is wrapped in U+2068..U+2069 (FSI, PDI)
// so they cannot reorder the table around it. Names and titles are in
// options.lang.
#ifndef PARLEY_RENDER_MARKDOWN_HPP
#define PARLEY_RENDER_MARKDOWN_HPP

#include <ostream>

#include "parley/render/options.hpp"
#include "parley/timeline.hpp"

namespace parley {

// Writes the whole document to `out` (UTF-8, LF line endings). Throws
// parley::Error (Errc::io) when the stream fails.
void write_markdown(const Timeline& timeline, std::ostream& out,
                    const RenderOptions& options = {});

}  // namespace parley

#endif  // PARLEY_RENDER_MARKDOWN_HPP
