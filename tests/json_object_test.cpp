// Tests for parley/json_object.hpp: a JSON object as a value type, and the
// Custom payload that holds one.
#include "parley/json_object.hpp"

#include <utility>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "parley/error.hpp"
#include "parley/payload.hpp"

TEST_CASE("JsonObject: {} by default, anything but an object is refused") {
  CHECK(parley::JsonObject().value() == nlohmann::json::object());
  CHECK(parley::JsonObject().empty());
  const nlohmann::json array = nlohmann::json::array({1, 2});
  try {
    parley::JsonObject bad(array);
    FAIL("an array was accepted");
  } catch (const parley::Error& e) {
    CHECK(e.code() == parley::Errc::bad_value);
    CHECK(e.where() == "attributes");
  }
}

TEST_CASE("JsonObject: copies are deep, == compares values, moved-from is {}") {
  parley::JsonObject a(nlohmann::json{{"swapped", 12}});
  parley::JsonObject b = a;
  CHECK(b == a);
  CHECK(&b.value() != &a.value());
  b = parley::JsonObject(nlohmann::json{{"swapped", 13}});
  CHECK_FALSE(b == a);
  CHECK(a.value()["swapped"] == 12);
  parley::JsonObject c = std::move(a);
  CHECK(c.value()["swapped"] == 12);
  CHECK(a.value() == nlohmann::json::object());  // NOLINT: moved-from state
}

TEST_CASE("Custom: attributes compare as JSON in payload equality") {
  parley::Custom one{"prisoner_exchange",
                     parley::JsonObject(nlohmann::json{{"swapped", 12}})};
  parley::Custom two = one;
  CHECK(parley::Payload{one} == parley::Payload{two});
  two.attributes = parley::JsonObject(nlohmann::json{{"swapped", 14}});
  CHECK_FALSE(parley::Payload{one} == parley::Payload{two});
}
