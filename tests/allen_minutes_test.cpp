// Allen's relations over minute bounds (parley/allen.hpp, MinuteBounds).
// Expected sets are worked out by hand from the definitions.
#include <doctest/doctest.h>

#include "parley/allen.hpp"

using parley::Allen;
using parley::MinuteBounds;
using parley::Relations;

TEST_CASE("minute bounds: exact intervals give one relation") {
  const MinuteBounds talks{0, 0, 600, 600};  // 00:00-10:00
  CHECK(parley::possible_relations(talks, MinuteBounds{600, 600, 700, 700}) ==
        Relations{Allen::meets});
  CHECK(parley::possible_relations(talks, MinuteBounds{601, 601, 700, 700}) ==
        Relations{Allen::before});
  CHECK(parley::possible_relations(talks, MinuteBounds{300, 300, 900, 900}) ==
        Relations{Allen::overlaps});
  CHECK(parley::possible_relations(talks, talks) == Relations{Allen::equals});
}

TEST_CASE("minute bounds: an imprecise start gives every relation it allows") {
  // x starts between minute 0 and 5 and ends at 10; y runs from 5 to 20.
  // x starting before 5 overlaps y; starting at 5 it starts y.
  CHECK(parley::possible_relations(MinuteBounds{0, 5, 10, 10},
                                   MinuteBounds{5, 5, 20, 20}) ==
        (Allen::overlaps | Allen::starts));
  // Bounds with no start before the end are inconsistent: no relation.
  CHECK(parley::possible_relations(MinuteBounds{10, 10, 5, 5},
                                   MinuteBounds{0, 0, 20, 20})
            .empty());
}
