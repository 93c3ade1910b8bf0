// Helpers shared by parley's tests: the example data, temporary files, and
// a dump of a database file that shows every row of every table.
#ifndef PARLEY_TESTS_SUPPORT_HPP
#define PARLEY_TESTS_SUPPORT_HPP

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "parley/database.hpp"

namespace parley::test {

// True in the sanitizer build (PARLEY_SANITIZE). Tests that import hundreds
// of thousands of events measure scale; under AddressSanitizer they take
// minutes, their memory figures mean nothing, and the smaller tests run the
// same code. They are marked `* doctest::skip(sanitized_build)`.
#ifdef PARLEY_TEST_SANITIZED
inline constexpr bool sanitized_build = true;
#else
inline constexpr bool sanitized_build = false;
#endif

// examples/data/astana-2017.json, parsed.
nlohmann::json astana_json();

// The example data in an in-memory database shared by the tests that only
// read it; loaded on first use.
parley::Database& astana_db();

// The one event factory of the tests: an event with the given id, EDTF time
// (parley::Edtf::parse; throws parley::Error on a bad value), English title
// (the id when empty) and payload (a Meeting unless given). Set any other
// field on the result.
parley::Event make_event(const std::string& id, const std::string& time,
                         const std::string& title = "",
                         parley::Payload payload = parley::Meeting{});

// A fresh temporary directory, removed when the object is destroyed.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Every row of every table of the SQLite file, and its user_version, as
// text: two dumps are equal exactly when the stored data is.
std::string dump(const std::filesystem::path& database);

}  // namespace parley::test

// Lists of strings print in test failures as ["a", "b"].
#include <vector>

#include <doctest/doctest.h>

template <>
struct doctest::StringMaker<std::vector<std::string>> {
  static doctest::String convert(const std::vector<std::string>& v) {
    std::string out = "[";
    for (const auto& s : v) out += (out.size() > 1 ? ", \"" : "\"") + s + "\"";
    return (out + "]").c_str();
  }
};

#endif  // PARLEY_TESTS_SUPPORT_HPP
