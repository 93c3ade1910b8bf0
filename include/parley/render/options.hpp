// parley/render/options.hpp — what every renderer takes besides the
// timeline. Each format has its own header in parley/render/ with one
// function, write_<format>(timeline, out, options), which writes the whole
// document to `out` and throws parley::Error (io) when the stream fails.
#ifndef PARLEY_RENDER_OPTIONS_HPP
#define PARLEY_RENDER_OPTIONS_HPP

#include <cstddef>
#include <optional>
#include <string>

#include "parley/document.hpp"

namespace parley {

struct RenderOptions {
  // The preferred language of names and titles; others fall back to
  // English, then to any. Default: "en".
  std::string lang = "en";
  // The document title; empty: the timeline's title, else "Timeline".
  std::string title;
  // The time the output is produced, where a format records it (iCalendar's
  // DTSTAMP). Default: now. Tests set it for reproducible output.
  std::optional<RecordTime> generated_at;
  // CSV only: write text cells exactly as stored. Default false: a text
  // cell that starts with '=', '+', '-', '@', tab or CR gets a "'" first
  // (OWASP's rule, so a spreadsheet does not run it as a formula) and bidi
  // controls are shown as "<U+202E>". Set it for pipelines that read the
  // CSV as data (the CLI's --csv-raw).
  bool csv_raw = false;
  // HTML only: the most events drawn as the detailed page (every row, mark,
  // badge and details block written into the file). A larger timeline gets
  // the overview page instead (parley/render/html.hpp), whose size and
  // drawing time grow far slower. Default 500.
  std::size_t html_detail_limit = 500;
};

}  // namespace parley

#endif  // PARLEY_RENDER_OPTIONS_HPP
