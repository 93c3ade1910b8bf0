// Private: the lanes both HTML pages draw (html.cpp's detailed page and
// html_overview.cpp's page for large timelines), so the two group and
// colour events alike. Pure and thread-safe.
#ifndef PARLEY_SRC_RENDER_HTML_LANES_HPP
#define PARLEY_SRC_RENDER_HTML_LANES_HPP

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "parley/render/options.hpp"
#include "parley/timeline.hpp"

namespace parley::render_detail {

struct Lane {
  std::string name;
  std::string lang;                 // of the name, for <bdi lang>
  std::string colour;               // CSS colour
  std::vector<std::size_t> events;  // indexes into timeline.events
};

// One lane per process (render_detail::lane_name), in order of first
// appearance, each with the next of six colours; the grey "Other" lane
// last. Costs one map lookup per event.
std::vector<Lane> make_lanes(const Timeline& timeline,
                             const RenderOptions& options);

// The language of the text best() picks from `texts`.
std::string picked_lang(const Texts& texts, std::string_view lang);

}  // namespace parley::render_detail

#endif  // PARLEY_SRC_RENDER_HTML_LANES_HPP
