// Tests for parley/enum_names.hpp: every value has its name, a name reads
// back, and a value outside the enum is an error, not a placeholder.
#include "parley/enum_names.hpp"

#include <string>

#include <doctest/doctest.h>

#include "parley/error.hpp"
#include "parley/event.hpp"

TEST_CASE("enum names: to_string and enum_from are inverse") {
  CHECK(parley::to_string(parley::EventKind::negotiation_round) ==
        "negotiation_round");
  CHECK(parley::to_string(parley::Status::held) == "held");
  CHECK(parley::enum_from<parley::Status>("postponed") ==
        parley::Status::postponed);
  CHECK_FALSE(parley::enum_from<parley::Status>("maybe").has_value());
  for (const auto& [value, name] :
       parley::detail::EnumText<parley::EventKind>::names) {
    CHECK(parley::enum_from<parley::EventKind>(parley::to_string(value)) ==
          value);
  }
}

TEST_CASE("enum names: an out-of-range value throws bad_value") {
  const auto bad = static_cast<parley::EventKind>(99);
  try {
    (void)parley::to_string(bad);
    FAIL("to_string of an out-of-range value returned");
  } catch (const parley::Error& e) {
    CHECK(e.code() == parley::Errc::bad_value);
    const std::string message = e.message();
    CHECK(message.find("99") != std::string::npos);
    CHECK(message.find("negotiation_round") != std::string::npos);
  }
}

TEST_CASE("enum names: parse_enum names the accepted values") {
  try {
    (void)parley::parse_enum<parley::Status>("maybe");
    FAIL("parse_enum accepted an unknown name");
  } catch (const parley::Error& e) {
    CHECK(e.code() == parley::Errc::bad_value);
    CHECK(e.message().find("held") != std::string::npos);
  }
}
