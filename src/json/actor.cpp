#include "parley/actor.hpp"

#include <nlohmann/json.hpp>

#include "json/reader.hpp"
#include "json/writer.hpp"

namespace parley {

void to_json(nlohmann::json& j, const Tie& tie) {
  j = nlohmann::json::object();
  detail::put(j, "kind", tie.kind);
  detail::put(j, "other", tie.other);
  detail::put(j, "time", tie.time);
}

void from_json(const nlohmann::json& j, Tie& tie) {
  detail::ObjectReader in{j};
  in.required("kind", tie.kind);
  in.required("other", tie.other);
  in.optional("time", tie.time);
  in.finish();
}

void to_json(nlohmann::json& j, const Actor& actor) {
  j = nlohmann::json::object();
  detail::put(j, "id", actor.id);
  detail::put(j, "kind", actor.kind);
  detail::put(j, "names", actor.names);
  detail::put(j, "aliases", actor.aliases);
  detail::put(j, "external_ids", actor.external_ids);
  detail::put(j, "ties", actor.ties);
}

void from_json(const nlohmann::json& j, Actor& actor) {
  detail::ObjectReader in{j};
  in.required("id", actor.id);
  in.required("kind", actor.kind);
  in.required("names", actor.names);
  in.optional("aliases", actor.aliases);
  in.optional("external_ids", actor.external_ids);
  in.optional("ties", actor.ties);
  in.finish();
}

}  // namespace parley
