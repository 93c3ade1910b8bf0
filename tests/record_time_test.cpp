// parse_record_time reads RFC 3339 instants and dates by hand; malformed
// text is refused with Errc::bad_time (once undefined behaviour: a NaN cast
// to an integer inside date::parse).
#include "parley/record_time.hpp"

#include <doctest/doctest.h>

#include "parley/error.hpp"

namespace {

using parley::format_record_time;
using parley::parse_record_time;

parley::Errc failure(const char* text) {
  try {
    parse_record_time(text);
  } catch (const parley::Error& e) {
    return e.code();
  }
  FAIL("accepted: " << text);
  return parley::Errc::storage;
}

}  // namespace

TEST_CASE("malformed record times are refused as bad_time") {
  for (const char* text : {"2017-03-01T00:00:+00Z",
                           "2017-03-01T00:00:nanZ",
                           "2017-03-01T00:00:-1Z",
                           "2017-03-01T00:00:1e9Z",
                           "2017-03-01T00:00:00",
                           "2017-03-01T00:00:00.Z",
                           "2017-03-01T00:00:00.1234567Z",
                           "2017-03-01T24:00:00Z",
                           "2017-03-01T23:60:00Z",
                           "2017-03-01T23:59:60Z",
                           "2017-02-30",
                           "2017-13-01",
                           "2017-00-10",
                           "2017-3-01",
                           "17-03-01",
                           "2017-03-01T00:00:00+2:00",
                           "2017-03-01T00:00:00+24:00",
                           "2017-03-01T00:00:00+02:60",
                           "2017-03-01T00:00:00Zjunk",
                           "2017-03-01 00:00:00Z",
                           "2017-03-01t00:00:00Z",
                           "",
                           "2017",
                           "+017-03-01",
                           "2017-03-01T",
                           "2017-03-01T00:00:00+02:00:00"}) {
    CAPTURE(text);
    CHECK(failure(text) == parley::Errc::bad_time);
  }
}

TEST_CASE("record times in every accepted form") {
  CHECK(format_record_time(parse_record_time("2016-02-29")) ==
        "2016-02-29T00:00:00Z");
  CHECK(format_record_time(parse_record_time("2017-02-16T18:05:09.000001Z")) ==
        "2017-02-16T18:05:09.000001Z");
  CHECK(format_record_time(parse_record_time("2017-02-16T18:05:09.120Z")) ==
        "2017-02-16T18:05:09.12Z");
  CHECK(format_record_time(parse_record_time("2017-03-01T01:00:00+02:00")) ==
        "2017-02-28T23:00:00Z");
  CHECK(format_record_time(parse_record_time("2017-02-28T23:30:00-01:00")) ==
        "2017-03-01T00:30:00Z");
  CHECK(format_record_time(parse_record_time("0000-01-01T00:00:00Z")) ==
        "0000-01-01T00:00:00Z");
}
