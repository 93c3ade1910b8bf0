// parley/limits.hpp: documents over a size, string or depth limit are
// refused with Errc::bad_document naming the place and the limit.
#include "parley/limits.hpp"

#include <string>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "parley/error.hpp"

#include "support.hpp"

namespace {

// The Error that `check` throws.
template <class F>
parley::Error refusal(F&& check) {
  try {
    check();
  } catch (const parley::Error& e) {
    return e;
  }
  FAIL("nothing was thrown");
  return parley::Error(parley::Errc::storage, "", "");
}

}  // namespace

TEST_CASE("the example document is within the default limits") {
  CHECK_NOTHROW(parley::check_limits(parley::test::astana_json(), {}));
}

TEST_CASE("a string over the limit is refused at its path") {
  parley::Limits limits;
  limits.max_string_bytes = 10;
  nlohmann::json doc = {{"events", {{{"title", {{"en", "eleven char"}}}}}}};
  const parley::Error e = refusal([&] { parley::check_limits(doc, limits); });
  CHECK(e.code() == parley::Errc::bad_document);
  CHECK(e.where() == "/events/0/title/en");
  CHECK(e.message().find("max_string_bytes") != std::string::npos);
  limits.max_string_bytes = 11;
  CHECK_NOTHROW(parley::check_limits(doc, limits));
}

TEST_CASE("nesting over the limit is refused") {
  nlohmann::json doc = 1;
  for (int i = 0; i < 65; ++i) doc = nlohmann::json::array({doc});
  const parley::Error e = refusal([&] { parley::check_limits(doc, {}); });
  CHECK(e.code() == parley::Errc::bad_document);
  CHECK(e.message().find("max_depth") != std::string::npos);
  parley::Limits deeper;
  deeper.max_depth = 65;
  CHECK_NOTHROW(parley::check_limits(doc, deeper));
}

TEST_CASE("a document over the size limit is refused") {
  parley::Limits limits;
  CHECK_NOTHROW(
      parley::check_document_size(limits.max_document_bytes, limits, "f.json"));
  const parley::Error e = refusal([&] {
    parley::check_document_size(limits.max_document_bytes + 1, limits,
                                "f.json");
  });
  CHECK(e.code() == parley::Errc::bad_document);
  CHECK(e.where() == "f.json");
}
