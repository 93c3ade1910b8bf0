// Text is valid UTF-8 or refused: the library's validator, and add(),
// update() and import_json() refusing invalid text with Errc::bad_value
// naming the field, with nothing written (once Errc::storage with no
// field, from the JSON library's dump).
#include <string>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "parley/database.hpp"
#include "parley/error.hpp"
#include "parley/text.hpp"

#include "support.hpp"

namespace {

using parley::invalid_utf8_at;
using npos_t = std::string_view;

parley::Event statement(const char* id, std::string title) {
  parley::Event e;
  e.id = parley::EventId{id};
  e.title = {{"en", std::move(title)}};
  e.time = parley::Edtf::parse("2017-02-16");
  e.payload = parley::Statement{};
  return e;
}

// The place of the bad_value Error that `write` throws.
template <class F>
std::string refused(F&& write) {
  try {
    write();
  } catch (const parley::Error& e) {
    CHECK_MESSAGE(e.code() == parley::Errc::bad_value, e.what());
    return e.where();
  }
  FAIL("nothing was thrown");
  return "";
}

}  // namespace

TEST_CASE("the UTF-8 validator accepts UTF-8 and finds the first bad byte") {
  CHECK(invalid_utf8_at("") == npos_t::npos);
  CHECK(invalid_utf8_at("Astana — أستانا 😀") == npos_t::npos);
  CHECK(invalid_utf8_at("\xF4\x8F\xBF\xBF") == npos_t::npos);  // U+10FFFF
  CHECK(invalid_utf8_at("2017-02\xFF\xFE") == 7);
  CHECK(invalid_utf8_at("ab\x80") == 2);            // stray continuation
  CHECK(invalid_utf8_at("a\xC0\xAF") == 1);         // overlong '/'
  CHECK(invalid_utf8_at("a\xE0\x80\xAF") == 1);     // overlong, 3 bytes
  CHECK(invalid_utf8_at("\xED\xA0\x80") == 0);      // surrogate U+D800
  CHECK(invalid_utf8_at("\xF4\x90\x80\x80") == 0);  // beyond U+10FFFF
  CHECK(invalid_utf8_at("ok\xE2\x82") == 2);        // truncated
  CHECK(invalid_utf8_at("\xF5\x80\x80\x80") == 0);  // no such lead
  CHECK(parley::utf8_length("\xD8\xA3", 0) == 2);
  CHECK(parley::utf8_length("a", 1) == 0);
}

TEST_CASE("add and update refuse invalid UTF-8 naming the field") {
  parley::Database db{":memory:"};
  CHECK(refused([&] { db.add(statement("event:x", "bad \xFF title")); }) ==
        "event/title/en");
  CHECK_FALSE(db.event(parley::EventId{"event:x"}));
  db.add(statement("event:x", "good"));
  CHECK(refused([&] { db.update(statement("event:x", "\xC3")); }) ==
        "event/title/en");
  CHECK(parley::best(db.event(parley::EventId{"event:x"})->title) == "good");
}

TEST_CASE(
    "import_json refuses invalid UTF-8 at its JSON path, all or "
    "nothing") {
  parley::Database db{":memory:"};
  nlohmann::json doc = parley::test::astana_json();
  doc["events"][3]["title"]["en"] = "Astana \xE2\x28\xA1";
  CHECK(refused([&] { db.import_json(doc); }) == "/events/3/title/en");
  CHECK(db.events().empty());
  CHECK(db.actors().empty());
}
