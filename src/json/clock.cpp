// JSON of clock times (parley/clock.hpp).
#include "parley/clock.hpp"

#include <nlohmann/json.hpp>

#include "json/reader.hpp"
#include "json/writer.hpp"

namespace parley {

void to_json(nlohmann::json& j, const TimeOfDay& time) {
  j = nlohmann::json::object();
  detail::put(j, "start", time.start);
  detail::put(j, "end", time.end);
  detail::put(j, "zone", time.zone);
  detail::put(j, "label", time.label);
  if (time.approximate) j["approximate"] = true;
}

void from_json(const nlohmann::json& j, TimeOfDay& time) {
  detail::ObjectReader in{j};
  in.required("start", time.start);
  in.optional("end", time.end);
  in.required("zone", time.zone);
  in.optional("label", time.label);
  in.optional("approximate", time.approximate);
  in.known("utc");  // derived from the rest on export; not read back
  in.finish();
}

nlohmann::json time_of_day_json(const TimeOfDay& clock, const Edtf& time) {
  nlohmann::json j = clock;
  if (auto utc = utc_text(ClockedTime{time, clock})) j["utc"] = std::move(*utc);
  return j;
}

}  // namespace parley
