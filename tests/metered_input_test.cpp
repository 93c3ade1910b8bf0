// Strings measured while a document is read (src/json/metered_input.hpp):
// the length counted is the decoded UTF-8 one, as the JSON library builds
// it, and an over-long string or key is refused by the meter ("reading
// stopped at byte N") at its entry's path, before it is held whole.
#include <sstream>
#include <string>

#include <doctest/doctest.h>

#include "parley/database.hpp"
#include "parley/error.hpp"
#include "parley/limits.hpp"

namespace {

// A document with one actor whose English name is `name` (JSON text).
std::string with_name(const std::string& name) {
  return R"({"format": "parley", "version": 1, "actors": [{"id": "actor:a", )"
         R"("kind": "person", "names": {"en": ")" +
         name + R"("}}]})";
}

std::string times(int n, const std::string& text) {
  std::string out;
  for (int i = 0; i < n; ++i) out += text;
  return out;
}

// The message of the refusal, or "" when the document was imported.
std::string refusal(const std::string& document) {
  parley::Database db{":memory:"};
  parley::Limits limits;
  limits.max_string_bytes = 12;
  std::istringstream in{document};
  try {
    db.import_json(in, {}, limits);
  } catch (const parley::Error& e) {
    CHECK(e.code() == parley::Errc::bad_document);
    CHECK(e.where() == "/actors/0");
    CHECK(db.totals().actors == 0);
    return e.message();
  }
  CHECK(db.totals().actors == 1);
  return "";
}

const std::string stopped =
    "string length (bytes) is over the limit of 12 "
    "(Limits::max_string_bytes); reading stopped at byte ";

}  // namespace

TEST_CASE("meter: plain bytes, up to the limit and one over") {
  CHECK(refusal(with_name(times(12, "a"))).empty());
  CHECK(refusal(with_name(times(13, "a"))) == stopped + "13 of the string");
  CHECK(refusal(with_name(times(6, "\xd8\xa7"))).empty());  // Arabic alef
  CHECK(refusal(with_name(times(7, "\xd8\xa7"))) ==
        stopped + "13 of the string");
}

TEST_CASE("meter: escapes count as the bytes they decode to") {
  CHECK(refusal(with_name(times(12, "\\n"))).empty());
  CHECK(refusal(with_name(times(13, "\\\""))) == stopped + "13 of the string");
  CHECK(refusal(with_name(times(12, "\\u0041"))).empty());  // 1 byte each
  CHECK(refusal(with_name(times(6, "\\u00e9"))).empty());   // 2 bytes each
  CHECK(refusal(with_name(times(7, "\\u00e9"))) ==
        stopped + "14 of the string");
  CHECK(refusal(with_name(times(4, "\\u20ac"))).empty());  // 3 bytes each
  CHECK(refusal(with_name(times(5, "\\u20ac"))) ==
        stopped + "15 of the string");
  // A surrogate pair is one 4-byte character.
  CHECK(refusal(with_name(times(3, "\\ud83d\\ude00"))).empty());
  CHECK(refusal(with_name(times(4, "\\ud83d\\ude00"))) ==
        stopped + "16 of the string");
}

TEST_CASE("meter: a key over the limit is refused at its entry") {
  const std::string doc =
      R"({"format": "parley", "version": 1, "actors": [{"id": "actor:a", )"
      R"("kind": "person", "names": {")" +
      times(13, "k") + R"(": "a"}}]})";
  CHECK(refusal(doc) == stopped + "13 of the string");
}
