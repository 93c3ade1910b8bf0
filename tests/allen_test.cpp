// Tests for parley/allen.hpp: Allen's relations under imprecision.
// Expected sets come from notes/time.md's worked cases and from reasoning
// on the endpoint ranges, not from the implementation's output.
#include "parley/allen.hpp"

#include <string>
#include <string_view>

#include <doctest/doctest.h>

#include "parley/time.hpp"

namespace {

using parley::Allen;
using parley::Edtf;
using parley::Relations;
using parley::Semantics;

parley::Bounds b(std::string_view text, Semantics s = Semantics::within) {
  return Edtf::parse(text).bounds(s);
}

std::string possible(std::string_view x, std::string_view y,
                     Semantics sx = Semantics::within,
                     Semantics sy = Semantics::within) {
  return parley::to_string(parley::possible_relations(b(x, sx), b(y, sy)));
}

}  // namespace

TEST_CASE("Relations is a 13-bit set with names") {
  CHECK(Relations::all().size() == 13);
  CHECK(Relations::none().empty());
  CHECK(parley::to_string(Allen::finished_by) == "finished-by");
  CHECK(parley::to_string(Allen::overlapped_by) == "overlapped-by");
  CHECK(parley::allen_from_string("met_by") == Allen::met_by);
  CHECK(parley::allen_from_string("met-by") == Allen::met_by);
  CHECK(!parley::allen_from_string("metby"));
  CHECK(parley::to_string(Allen::before | Allen::meets) == "before|meets");
  CHECK(Relations{Allen::before}.inverse() == Relations{Allen::after});
  CHECK(Relations{Allen::during}.inverse() == Relations{Allen::contains});
  CHECK(Relations{Allen::equals}.inverse() == Relations{Allen::equals});
  CHECK(Relations{Allen::starts}.inverse() == Relations{Allen::started_by});
  CHECK((Allen::before | Allen::meets).subset_of(Relations::all()));
  CHECK(!(Allen::before | Allen::meets).subset_of(Allen::before));
  CHECK((~Relations{Allen::before}).size() == 12);
  static_assert(Relations::all().bits() == 0x1FFF);
}

TEST_CASE("worked cases of notes/time.md") {
  CHECK(possible("2017-02", "2017-02-23") ==
        "before|meets|equals|finished-by|contains|started-by|met-by|after");
  CHECK(!parley::certain(b("2017-02"), b("2017-02-23"), Allen::contains));

  CHECK(possible("2017-02", "2017-02-23", Semantics::spans) == "contains");
  CHECK(parley::certain(b("2017-02", Semantics::spans), b("2017-02-23"),
                        Allen::contains));

  CHECK(possible("1985~", "199X") == "before");
  CHECK(parley::certain(b("1985~"), b("199X"), Allen::before));

  CHECK(parley::possible_relations(b("198X"), b("1985")) == Relations::all());
  CHECK(!parley::certain(b("198X"), b("1985"), ~Relations{Allen::equals}));

  CHECK(possible("2017-02-22", "2017-02-23") == "meets");
  CHECK(parley::certain(b("2017-02-22"), b("2017-02-23"), Allen::meets));

  CHECK(possible("../2017-02-23", "2017-03") == "before");
  CHECK(parley::certain(b("../2017-02-23"), b("2017-03"), Allen::before));
}

TEST_CASE("precise intervals have exactly one relation") {
  CHECK(possible("2017-02-01/2017-02-10", "2017-02-05/2017-02-20") ==
        "overlaps");
  CHECK(possible("2017-02-05/2017-02-20", "2017-02-01/2017-02-10") ==
        "overlapped-by");
  CHECK(possible("2017-02-01/2017-02-10", "2017-02-01/2017-02-20") == "starts");
  CHECK(possible("2017-02-05/2017-02-06", "2017-02", Semantics::within,
                 Semantics::spans) == "during");
  CHECK(possible("2017-02-20/2017-02-28", "2017-02", Semantics::within,
                 Semantics::spans) == "finishes");
  CHECK(possible("2017-02", "2017-02-01/2017-02-28", Semantics::spans) ==
        "equals");
  CHECK(possible("2017-02-01/2017-02-10", "2017-02-12") == "before");
  CHECK(possible("2017-02-12", "2017-02-01/2017-02-10") == "after");
  CHECK(possible("2017-02-11", "2017-02-01/2017-02-10") == "met-by");
}

TEST_CASE("open and unknown ends") {
  // Two open starts are both minus infinity.
  CHECK(possible("../2017", "../2018") == "starts");
  CHECK(possible("2017/..", "2018/..") == "finished-by");
  CHECK(possible("2017/..", "2018") == "contains");
  CHECK(possible("../2017", "2010") == "contains");
  // An unknown start is finite: it may lie anywhere before the end.
  CHECK(possible("/2017", "2010") ==
        "contains|started-by|overlapped-by|met-by|after");
  CHECK(possible("2017/", "2018") ==
        "before|meets|overlaps|finished-by|contains");
  // An unknown start is never minus infinity, so it is after an open one.
  CHECK(possible("../2017", "/2017-06") ==
        "before|meets|overlaps|finished-by|contains");
  // One-of sets with open members.
  CHECK(possible("[..1760-12-03]", "1761") == "before");
  CHECK(possible("[1760-12..]", "1700") == "after");
}

TEST_CASE("possible relations of y to x are the inverses") {
  const char* values[] = {"2017-02", "2017-02-23", "1985~",
                          "198X",    "../2017",    "/2017-03",
                          "2016/..", "2017-02/",   "[2016,2018]",
                          "2017-21", "201X-0X",    "2017-02-10/2017-03"};
  for (const char* x : values)
    for (const char* y : values)
      for (Semantics sx : {Semantics::within, Semantics::spans})
        for (Semantics sy : {Semantics::within, Semantics::spans}) {
          const Relations xy = parley::possible_relations(b(x, sx), b(y, sy));
          const Relations yx = parley::possible_relations(b(y, sy), b(x, sx));
          const std::string what = std::string(x) + " vs " + y + ": " +
                                   parley::to_string(xy) + " / " +
                                   parley::to_string(yx);
          INFO(what);
          CHECK(xy == yx.inverse());
          CHECK(!xy.empty());
          CHECK(parley::certain(b(x, sx), b(y, sy), xy));
          CHECK(parley::possible(b(x, sx), b(y, sy), xy));
          CHECK(!parley::possible(b(x, sx), b(y, sy), ~xy));
        }
}

TEST_CASE("endpoint comparisons") {
  // February (within) against the 23rd: it may start before the 23rd ends
  // (any day up to the 23rd) or after (the 24th to the 28th).
  CHECK(parley::possibly_starts_before_end(b("2017-02"), b("2017-02-23")));
  CHECK(!parley::certainly_starts_before_end(b("2017-02"), b("2017-02-23")));
  CHECK(parley::certainly_starts_before_end(b("2017-02-23"), b("2017-02-23")));
  CHECK(!parley::possibly_ends_before_start(b("2017-02-23"), b("2017-02-23")));
  CHECK(parley::certainly_ends_before_start(b("2017-02-22"), b("2017-02-23")));
  CHECK(parley::certainly_ends_before_start(b("1985~"), b("199X")));
  CHECK(!parley::possibly_ends_before_start(b("199X"), b("1985~")));
  CHECK(parley::certainly_starts_before_start(b("../2017"), b("/2017")));
  CHECK(!parley::possibly_starts_before_start(b("/2017"), b("../2017")));
  CHECK(parley::possibly_ends_before_end(b("2017/"), b("2018")));
  CHECK(!parley::certainly_ends_before_end(b("2017/"), b("2018")));
  CHECK(parley::certainly_ends_before_end(b("2017"), b("2017/..")));
  const parley::Orders o =
      parley::possible_orders(b("2017-02"), parley::Endpoint::start,
                              b("2017-02-01"), parley::Endpoint::start);
  CHECK(!o.less);
  CHECK(o.equal);
  CHECK(o.greater);
}

TEST_CASE("regression: an open end against an open start does not overflow") {
  // Bellman-Ford over infinite bounds once wrapped around and reported
  // "meets" (+infinity == -infinity) as possible.
  CHECK(possible("2016/..", "../2017") == "overlapped-by");
  CHECK(possible("../2017", "2016/..") == "overlaps");
  CHECK(possible("2018/..", "../2017") == "met-by|after");
  CHECK(possible("2019/..", "../2017") == "after");
}
