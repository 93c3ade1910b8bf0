#include "parley/process.hpp"

#include <nlohmann/json.hpp>

#include "json/reader.hpp"
#include "json/writer.hpp"

namespace parley {

void to_json(nlohmann::json& j, const Process& process) {
  j = nlohmann::json::object();
  detail::put(j, "id", process.id);
  detail::put(j, "kind", process.kind);
  detail::put(j, "names", process.names);
  detail::put(j, "parent", process.parent);
  detail::put(j, "summary", process.summary);
}

void from_json(const nlohmann::json& j, Process& process) {
  detail::ObjectReader in{j};
  in.required("id", process.id);
  in.required("kind", process.kind);
  in.required("names", process.names);
  in.optional("parent", process.parent);
  in.optional("summary", process.summary);
  in.finish();
}

}  // namespace parley
