#include "parley/event.hpp"

#include <nlohmann/json.hpp>

#include "json/reader.hpp"
#include "json/writer.hpp"

namespace parley {

void to_json(nlohmann::json& j, const Participant& participant) {
  j = nlohmann::json::object();
  detail::put(j, "actor", participant.actor);
  detail::put(j, "role", participant.role);
}

void from_json(const nlohmann::json& j, Participant& participant) {
  detail::ObjectReader in{j};
  in.required("actor", participant.actor);
  in.required("role", participant.role);
  in.finish();
}

// TimeOfDay JSON: src/json/clock.cpp.

void to_json(nlohmann::json& j, const ExternalRef& ref) {
  j = nlohmann::json::object();
  detail::put(j, "dataset", ref.dataset);
  detail::put(j, "id", ref.id);
  detail::put(j, "release", ref.release);
}

void from_json(const nlohmann::json& j, ExternalRef& ref) {
  detail::ObjectReader in{j};
  in.required("dataset", ref.dataset);
  in.required("id", ref.id);
  in.optional("release", ref.release);
  in.finish();
}

void to_json(nlohmann::json& j, const Event& event) {
  j = nlohmann::json::object();
  detail::put(j, "id", event.id);
  detail::put(j, "kind", event.kind());
  detail::put(j, "title", event.title);
  detail::put(j, "summary", event.summary);
  detail::put(j, "time", event.time);
  detail::put(j, "time_rule", event.time_rule);
  detail::put(j, "planned", event.planned);
  if (event.status != Status::none) detail::put(j, "status", event.status);
  if (event.time_of_day) {  // with its UTC instants
    j["time_of_day"] = time_of_day_json(*event.time_of_day, event.time);
  }
  detail::put(j, "place", event.place);
  detail::put(j, "process", event.process);
  detail::put(j, "parent", event.parent);
  detail::put(j, "participants", event.participants);
  detail::put(j, "topics", event.topics);
  nlohmann::json details = payload_to_json(event.payload);
  if (!details.empty()) j["details"] = std::move(details);
  detail::put(j, "external", event.external);
  detail::put(j, "flags", event.flags);
  if (!event.attributes.empty()) j["attributes"] = event.attributes.value();
}

void from_json(const nlohmann::json& j, Event& event) {
  detail::ObjectReader in{j};
  EventKind kind = EventKind::custom;
  in.required("id", event.id);
  in.required("kind", kind);
  in.required("title", event.title);
  in.optional("summary", event.summary);
  // With a rule, the time is derived when the event is written.
  if (j.contains("time_rule")) {
    in.optional("time_rule", event.time_rule);
    in.optional("time", event.time);
  } else {
    in.required("time", event.time);
  }
  in.optional("planned", event.planned);
  in.optional("status", event.status);
  in.optional("time_of_day", event.time_of_day);
  in.optional("place", event.place);
  in.optional("process", event.process);
  in.optional("parent", event.parent);
  in.optional("participants", event.participants);
  in.optional("topics", event.topics);
  nlohmann::json details = nlohmann::json::object();
  in.optional("details", details);
  in.optional("external", event.external);
  in.optional("flags", event.flags);
  nlohmann::json attributes = nlohmann::json::object();
  in.optional("attributes", attributes);
  in.finish();
  if (!attributes.is_object()) {
    throw Error(Errc::bad_document, "/attributes", "expected an object");
  }
  event.attributes = JsonObject(attributes);
  detail::at_path("/details",
                  [&] { event.payload = payload_from_json(kind, details); });
}

}  // namespace parley
