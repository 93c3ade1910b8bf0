#include "parley/claim.hpp"

#include <nlohmann/json.hpp>

#include "json/reader.hpp"
#include "json/writer.hpp"

namespace parley {

void to_json(nlohmann::json& j, const Claim& claim) {
  j = nlohmann::json::object();
  detail::put(j, "id", claim.id);
  detail::put(j, "event", claim.event);
  detail::put(j, "source", claim.source);
  detail::put(j, "claimant", claim.claimant);
  detail::put(j, "stance", claim.stance);
  detail::put(j, "quote", claim.quote);
  detail::put(j, "said", claim.said);
}

void from_json(const nlohmann::json& j, Claim& claim) {
  detail::ObjectReader in{j};
  in.required("id", claim.id);
  in.required("event", claim.event);
  in.required("source", claim.source);
  in.optional("claimant", claim.claimant);
  in.required("stance", claim.stance);
  in.optional("quote", claim.quote);
  in.optional("said", claim.said);
  in.finish();
}

}  // namespace parley
