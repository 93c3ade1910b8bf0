#include "parley/link.hpp"

#include <nlohmann/json.hpp>

#include "json/reader.hpp"
#include "json/writer.hpp"

namespace parley {

void to_json(nlohmann::json& j, const Link& link) {
  j = nlohmann::json::object();
  detail::put(j, "from", link.from);
  detail::put(j, "kind", link.kind);
  detail::put(j, "to", link.to);
  detail::put(j, "reason", link.reason);
}

void from_json(const nlohmann::json& j, Link& link) {
  detail::ObjectReader in{j};
  in.required("from", link.from);
  in.required("kind", link.kind);
  in.required("to", link.to);
  in.optional("reason", link.reason);
  in.finish();
}

}  // namespace parley
