#include "parley/source.hpp"

#include <nlohmann/json.hpp>

#include "json/reader.hpp"
#include "json/writer.hpp"

namespace parley {

void to_json(nlohmann::json& j, const Source& source) {
  j = nlohmann::json::object();
  detail::put(j, "id", source.id);
  detail::put(j, "publisher", source.publisher);
  detail::put(j, "title", source.title);
  detail::put(j, "language", source.language);
  detail::put(j, "published", source.published);
  detail::put(j, "published_note", source.published_note);
  detail::put(j, "url", source.url);
}

void from_json(const nlohmann::json& j, Source& source) {
  detail::ObjectReader in{j};
  in.required("id", source.id);
  in.optional("publisher", source.publisher);
  in.optional("title", source.title);
  in.optional("language", source.language);
  in.optional("published", source.published);
  in.optional("published_note", source.published_note);
  in.optional("url", source.url);
  in.finish();
}

}  // namespace parley
