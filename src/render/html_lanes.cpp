#include "render/html_lanes.hpp"

#include <algorithm>
#include <iterator>
#include <unordered_map>

#include "render/common.hpp"

namespace parley::render_detail {

namespace {

constexpr const char* kColours[] = {"#1f6fb2", "#c2571a", "#2e8b57",
                                    "#8e44ad", "#b8860b", "#c0392b"};
constexpr const char* kOtherColour = "#6b6b6b";

}  // namespace

std::string picked_lang(const Texts& texts, std::string_view lang) {
  if (texts.find(lang) != texts.end()) return std::string(lang);
  if (texts.find("en") != texts.end()) return "en";
  return texts.empty() ? std::string(lang) : texts.begin()->first;
}

std::vector<Lane> make_lanes(const Timeline& timeline,
                             const RenderOptions& options) {
  std::vector<Lane> lanes;
  std::unordered_map<std::string, std::size_t> lane_of_name;
  std::size_t colour = 0;
  for (std::size_t i = 0; i < timeline.events.size(); ++i) {
    const Event& event = timeline.events[i];
    const Process* process =
        event.process ? timeline.process(*event.process) : nullptr;
    std::string name = lane_name(timeline, event, options.lang);
    auto [it, added] = lane_of_name.try_emplace(name, lanes.size());
    if (added) {
      Lane lane;
      lane.name = std::move(name);
      lane.lang = process ? picked_lang(process->names, options.lang) : "en";
      lane.colour =
          process ? kColours[colour++ % std::size(kColours)] : kOtherColour;
      lanes.push_back(std::move(lane));
    }
    lanes[it->second].events.push_back(i);
  }
  std::stable_partition(lanes.begin(), lanes.end(), [](const Lane& lane) {
    return lane.colour != kOtherColour;
  });
  return lanes;
}

}  // namespace parley::render_detail
