// The HTML detail panel shows a clock time's UTC instants beside it.
// Worked out by hand: Damascus was UTC+2 in February 2017, so talks from
// 20:00 on the 3rd to 02:00 local run 18:00Z to 00:00Z on the 4th.
#include <sstream>
#include <string>

#include <doctest/doctest.h>

#include "parley/render/html.hpp"

#include "support.hpp"

TEST_CASE("html: the detail panel shows the UTC instants of a clock time") {
  parley::Timeline t;
  auto e = parley::test::make_event("event:talks", "2017-02-03", "Talks");
  e.time_of_day =
      parley::TimeOfDay{"20:00", "02:00", "Asia/Damascus", "overnight"};
  t.events = {e};
  std::ostringstream out;
  parley::write_html(t, out, {});
  const std::string page = out.str();
  CHECK(page.find("20:00–02:00 Asia/Damascus time") != std::string::npos);
  CHECK(page.find("UTC 2017-02-03T18:00Z/2017-02-04T00:00Z") !=
        std::string::npos);
}
