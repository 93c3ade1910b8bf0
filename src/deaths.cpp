#include "parley/payload.hpp"

namespace parley {

std::vector<Flag> Deaths::inconsistencies() const {
  std::vector<Flag> found;
  const auto out_of_order = [&](const std::optional<int>& smaller,
                                const char* smaller_name,
                                const std::optional<int>& larger,
                                const char* larger_name, FlagCode code) {
    if (smaller && larger && *smaller > *larger) {
      found.push_back({code, std::string(smaller_name) + " " +
                                 std::to_string(*smaller) + " > " +
                                 larger_name + " " + std::to_string(*larger)});
    }
  };
  out_of_order(low, "low", best, "best", FlagCode::deaths_low_above_best);
  out_of_order(best, "best", high, "high", FlagCode::deaths_best_above_high);
  out_of_order(low, "low", high, "high", FlagCode::deaths_low_above_high);
  return found;
}

}  // namespace parley
