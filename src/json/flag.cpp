#include "parley/flag.hpp"

#include <nlohmann/json.hpp>

#include "json/reader.hpp"
#include "json/writer.hpp"

namespace parley {

void to_json(nlohmann::json& j, const Flag& flag) {
  j = nlohmann::json::object();
  detail::put(j, "code", flag.code);
  detail::put(j, "message", flag.message);
}

void from_json(const nlohmann::json& j, Flag& flag) {
  detail::ObjectReader in{j};
  in.required("code", flag.code);
  in.optional("message", flag.message);
  in.finish();
}

}  // namespace parley
