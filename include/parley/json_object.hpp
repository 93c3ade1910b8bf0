// parley/json_object.hpp — a JSON object held by value, without making its
// includer parse <nlohmann/json.hpp>.
//
// The attributes of a Custom event are any JSON object. Holding a
// nlohmann::json member would make every model header include the whole
// JSON library (~95k preprocessed lines); JsonObject keeps it behind a
// pointer, so parley/payload.hpp needs only <nlohmann/json_fwd.hpp>. Code
// that reads or builds the object includes <nlohmann/json.hpp> itself:
//
//   #include <nlohmann/json.hpp>
//   parley::Custom c{"prisoner_exchange",
//                    parley::JsonObject(nlohmann::json{{"swapped", 12}})};
//   int n = c.attributes.value().at("swapped");  // 12
//
// A value type: copies are deep, == compares the JSON values.
// Thread-safety: as for nlohmann::json (concurrent reads are safe).
#ifndef PARLEY_JSON_OBJECT_HPP
#define PARLEY_JSON_OBJECT_HPP

#include <memory>

#include <nlohmann/json_fwd.hpp>

namespace parley {

class JsonObject {
 public:
  // The empty object {}.
  JsonObject();
  // Throws parley::Error (Errc::bad_value) when `object` is not an object.
  explicit JsonObject(const nlohmann::json& object);

  JsonObject(const JsonObject& other);
  JsonObject(JsonObject&& other) noexcept;
  JsonObject& operator=(const JsonObject& other);
  JsonObject& operator=(JsonObject&& other) noexcept;
  ~JsonObject();

  // The object (never null; {} after being moved from).
  const nlohmann::json& value() const noexcept;

  bool empty() const noexcept;
  bool operator==(const JsonObject& other) const noexcept;

 private:
  std::unique_ptr<nlohmann::json> value_;  // null only when moved from
};

}  // namespace parley

#endif  // PARLEY_JSON_OBJECT_HPP
