// Tests for parley/text.hpp: choosing a text among languages, and that the
// choice from a temporary is a value.
#include "parley/text.hpp"

#include <string>
#include <type_traits>

#include <doctest/doctest.h>

namespace {

parley::Texts title() { return {{"ar", "جنيف"}, {"ru", "Женева"}}; }

}  // namespace

TEST_CASE("best: the language asked for, else English, else the first") {
  const parley::Texts both{{"ar", "أستانا"}, {"en", "Astana"}};
  CHECK(parley::best(both, "ar") == "أستانا");
  CHECK(parley::best(both, "ru") == "Astana");
  CHECK(parley::best(title(), "fr") == "جنيف");  // "ar" sorts first
  CHECK(parley::best(parley::Texts{}).empty());
}

TEST_CASE("best: a reference into a named map, a value from a temporary") {
  const parley::Texts named{{"en", "Astana"}};
  CHECK(&parley::best(named) == &named.at("en"));
  static_assert(
      std::is_same_v<decltype(parley::best(named)), const std::string&>);
  // A temporary map dies at the end of the statement: the result must not
  // refer into it.
  static_assert(std::is_same_v<decltype(parley::best(title())), std::string>);
  const auto& kept = parley::best(title(), "ru");  // lifetime-extended value
  CHECK(kept == "Женева");
}
