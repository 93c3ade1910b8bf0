#include "parley/document.hpp"

#include <sstream>

#include <nlohmann/json.hpp>

#include "json/reader.hpp"
#include "json/stream.hpp"
#include "json/writer.hpp"

namespace parley {
namespace {

using nlohmann::json;

template <class T>
json write_entries(const std::vector<Versioned<T>>& entries) {
  json out = json::array();
  for (const auto& entry : entries) {
    json j = entry.value;
    if (entry.recorded) j["recorded"] = format_record_time(*entry.recorded);
    if (entry.superseded) {
      j["superseded"] = format_record_time(*entry.superseded);
    }
    out.push_back(std::move(j));
  }
  return out;
}

template <class T>
void read_entries(const json& j, const char* key,
                  std::vector<Versioned<T>>& out) {
  auto it = j.find(key);
  if (it == j.end()) return;
  detail::at_path(std::string("/") + key, [&] {
    if (!it->is_array()) detail::throw_type(*it, "an array");
    out.reserve(it->size());
    for (std::size_t i = 0; i < it->size(); ++i) {
      detail::at_path("/" + std::to_string(i), [&] {
        Versioned<T> entry;
        detail::read_entry((*it)[i], entry);
        out.push_back(std::move(entry));
      });
    }
  });
}

}  // namespace

std::string format_record_time(RecordTime t) {
  auto seconds = date::floor<std::chrono::seconds>(t);
  std::string out = date::format("%FT%T", seconds);
  auto fraction = (t - seconds).count();
  if (fraction != 0) {
    std::string digits = std::to_string(fraction + 1000000).substr(1);
    while (digits.back() == '0') digits.pop_back();
    out += "." + digits;
  }
  return out + "Z";
}

void to_json(nlohmann::json& j, const Document& document) {
  j = json{{"format", "parley"}, {"version", document_version}};
  if (document.recorded) {
    j["recorded"] = format_record_time(*document.recorded);
  }
  auto add = [&](const char* key, const auto& entries) {
    if (!entries.empty()) j[key] = write_entries(entries);
  };
  add("actors", document.actors);
  add("places", document.places);
  add("processes", document.processes);
  add("sources", document.sources);
  add("events", document.events);
  add("claims", document.claims);
  add("links", document.links);
}

namespace detail {

// The record-time fields of an entry, and the entity without them.
template <class T>
void read_entry(json value, Versioned<T>& entry) {
  if (!value.is_object()) detail::throw_type(value, "an object");
  for (const char* key : {"recorded", "superseded"}) {
    auto it = value.find(key);
    if (it == value.end()) continue;
    detail::at_path(std::string("/") + key, [&] {
      if (!it->is_string()) detail::throw_type(*it, "a string");
      RecordTime t = parse_record_time(it->template get<std::string>());
      (key[0] == 'r' ? entry.recorded : entry.superseded) = t;
    });
    value.erase(it);
  }
  entry.value = value.template get<T>();
}
template void read_entry(json, Versioned<Actor>&);
template void read_entry(json, Versioned<Place>&);
template void read_entry(json, Versioned<Process>&);
template void read_entry(json, Versioned<Source>&);
template void read_entry(json, Versioned<Event>&);
template void read_entry(json, Versioned<Claim>&);
template void read_entry(json, Versioned<Link>&);

std::optional<RecordTime> read_header(const json& j) {
  detail::ObjectReader in{j};
  std::string format;
  int version = 0;
  in.required("format", format);
  if (format != "parley") {
    throw Error(Errc::bad_document, "/format",
                "expected \"parley\", found \"" + format + "\"");
  }
  in.required("version", version);
  if (version < 1 || version > document_version) {
    throw Error(Errc::bad_document, "/version",
                "unsupported document version " + std::to_string(version) +
                    " (this library reads 1 to " +
                    std::to_string(document_version) + ")");
  }
  std::string recorded;
  in.optional("recorded", recorded);
  if (recorded.empty()) return std::nullopt;
  std::optional<RecordTime> out;
  detail::at_path("/recorded", [&] { out = parse_record_time(recorded); });
  return out;
}

}  // namespace detail

void from_json(const nlohmann::json& j, Document& document) {
  if (!j.is_object()) detail::throw_type(j, "an object");
  json header = json::object();
  for (const char* key : {"format", "version", "recorded"}) {
    if (auto it = j.find(key); it != j.end()) header[key] = *it;
  }
  document.recorded = detail::read_header(header);
  detail::ObjectReader in{j};
  for (const char* key : {"format", "version", "recorded"}) in.known(key);
  // The arrays are read below, entry by entry; mark them as known fields.
  for (const char* key : {"actors", "places", "processes", "sources", "events",
                          "claims", "links"}) {
    in.known(key);
  }
  in.finish();
  read_entries(j, "actors", document.actors);
  read_entries(j, "places", document.places);
  read_entries(j, "processes", document.processes);
  read_entries(j, "sources", document.sources);
  read_entries(j, "events", document.events);
  read_entries(j, "claims", document.claims);
  read_entries(j, "links", document.links);
}

}  // namespace parley
