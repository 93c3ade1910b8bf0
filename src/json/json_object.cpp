#include "parley/json_object.hpp"

#include <utility>

#include <nlohmann/json.hpp>

#include "parley/error.hpp"

namespace parley {

namespace {

const nlohmann::json& empty_object() {
  static const nlohmann::json empty = nlohmann::json::object();
  return empty;
}

}  // namespace

JsonObject::JsonObject()
    : value_(std::make_unique<nlohmann::json>(nlohmann::json::object())) {}

JsonObject::JsonObject(const nlohmann::json& object)
    : value_(std::make_unique<nlohmann::json>(object)) {
  if (!object.is_object()) {
    throw Error(
        Errc::bad_value, "attributes",
        std::string("expected a JSON object, not ") + object.type_name());
  }
}

JsonObject::JsonObject(const JsonObject& other)
    : value_(std::make_unique<nlohmann::json>(other.value())) {}

JsonObject::JsonObject(JsonObject&& other) noexcept = default;

JsonObject& JsonObject::operator=(const JsonObject& other) {
  if (this != &other) value_ = std::make_unique<nlohmann::json>(other.value());
  return *this;
}

JsonObject& JsonObject::operator=(JsonObject&& other) noexcept = default;

JsonObject::~JsonObject() = default;

const nlohmann::json& JsonObject::value() const noexcept {
  return value_ ? *value_ : empty_object();
}

bool JsonObject::empty() const noexcept { return value().empty(); }

bool JsonObject::operator==(const JsonObject& other) const noexcept {
  return value() == other.value();
}

}  // namespace parley
