// Helpers shared by the render tests (tests/render_*_test.cpp).
#ifndef PARLEY_TESTS_RENDER_SUPPORT_HPP
#define PARLEY_TESTS_RENDER_SUPPORT_HPP

#include <cstddef>
#include <sstream>
#include <string>

#include "parley/render/render.hpp"
#include "parley/timeline.hpp"

#include "support.hpp"

namespace parley::test {

// Every event of the example data (astana_db()) as a timeline, read as of
// `read.as_of`.
inline Timeline astana_timeline(const ReadOptions& read = {}) {
  Database& db = astana_db();
  return make_timeline(db, db.events(read), read);
}

// The whole document `format` writes for `timeline`, with iCalendar's
// folded lines (CRLF and a space) unfolded.
inline std::string rendered(const Timeline& timeline, Format format,
                            const RenderOptions& options = {}) {
  std::ostringstream out;
  write(timeline, format, out, options);
  std::string text = out.str();
  for (auto at = text.find("\r\n "); at != std::string::npos;
       at = text.find("\r\n ", at)) {
    text.erase(at, 3);
  }
  return text;
}

// How many times `what` occurs in `text`, without overlaps.
inline std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos;
       at = text.find(what, at + what.size())) {
    ++n;
  }
  return n;
}

}  // namespace parley::test

#endif  // PARLEY_TESTS_RENDER_SUPPORT_HPP
