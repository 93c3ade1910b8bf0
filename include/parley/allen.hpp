// parley/allen.hpp — Allen's interval relations between imprecise times.
//
// Allen's 13 base relations (before, meets, overlaps, starts, during,
// finishes, equals and their inverses) hold between two intervals of days,
// half-open as everywhere in parley: [start, end). Between two EDTF values,
// whose endpoints are only known to lie within bounds, several base
// relations may be possible; possible_relations() computes exactly which.
// Each base relation is a conjunction of (in)equalities between endpoints;
// together with the bounds and start < end it is a difference-constraint
// system over five nodes (zero and the four endpoints), feasible iff its
// constraint graph has no negative cycle.
//
//   parley::Bounds feb = parley::Edtf::parse("2017-02").bounds();
//   parley::Bounds day = parley::Edtf::parse("2017-02-23").bounds();
//   parley::Relations p = parley::possible_relations(feb, day);
//   p.has(parley::Allen::contains);                        // true
//   parley::certain(feb, day, parley::Allen::contains);    // false
//   parley::possible(feb, day, parley::Relations{parley::Allen::overlaps});
//                                                          // false
//
// Open and unknown ends: an open start ("../x") is minus infinity and an
// open end ("x/..") plus infinity, so two open starts are equal. An unknown
// end ("/x", "x/") is some finite day, constrained only by start < end.
// An empty bound with no flag (a set's "[..x]" has no earliest end) leaves
// that side unbounded.
//
// Thread-safety: all functions are pure; Relations is a value type.
#ifndef PARLEY_ALLEN_HPP
#define PARLEY_ALLEN_HPP

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/time.hpp"

namespace parley {

// Allen's base relations of x to y. Stable: values are never reordered.
enum class Allen : std::uint8_t {
  before,         // x ends before y starts, with a gap
  meets,          // x ends where y starts
  overlaps,       // x starts first, y starts inside x, x ends inside y
  starts,         // same start, x ends first
  during,         // x lies strictly inside y
  finishes,       // same end, x starts later
  equals,         // same start and end
  finished_by,    // same end, x starts first
  contains,       // y lies strictly inside x
  started_by,     // same start, y ends first
  overlapped_by,  // y starts first, x starts inside y, y ends inside x
  met_by,         // y ends where x starts
  after,          // y ends before x starts, with a gap
};

// "before", "meets", ..., "finished-by", "met-by", "after".
std::string_view to_string(Allen r) noexcept;
// The relation named `name` (as to_string writes it; '_' is accepted for
// '-'), or empty.
std::optional<Allen> allen_from_string(std::string_view name) noexcept;

// A set of base relations (a bitset of 13).
class Relations {
 public:
  constexpr Relations() noexcept = default;
  constexpr Relations(Allen r) noexcept  // NOLINT: implicit by design
      : bits_(static_cast<std::uint16_t>(1u << static_cast<unsigned>(r))) {}

  static constexpr Relations none() noexcept { return {}; }
  static constexpr Relations all() noexcept { return from_bits(0x1FFF); }
  static constexpr Relations from_bits(std::uint16_t bits) noexcept {
    Relations r;
    r.bits_ = static_cast<std::uint16_t>(bits & 0x1FFF);
    return r;
  }

  constexpr std::uint16_t bits() const noexcept { return bits_; }
  constexpr bool has(Allen r) const noexcept {
    return (bits_ >> static_cast<unsigned>(r) & 1u) != 0;
  }
  constexpr bool empty() const noexcept { return bits_ == 0; }
  constexpr int size() const noexcept {
    int n = 0;
    for (std::uint16_t b = bits_; b != 0;
         b &= static_cast<std::uint16_t>(b - 1))
      ++n;
    return n;
  }
  // True when every relation of *this is in `other`.
  constexpr bool subset_of(Relations other) const noexcept {
    return (bits_ & ~other.bits_) == 0;
  }
  constexpr bool intersects(Relations other) const noexcept {
    return (bits_ & other.bits_) != 0;
  }
  // The relations of y to x.
  constexpr Relations inverse() const noexcept {
    Relations r;
    for (unsigned i = 0; i < 13; ++i)
      if (bits_ >> i & 1u)
        r.bits_ |= static_cast<std::uint16_t>(1u << (12 - i));
    return r;
  }

  constexpr Relations operator|(Relations o) const noexcept {
    return from_bits(static_cast<std::uint16_t>(bits_ | o.bits_));
  }
  constexpr Relations operator&(Relations o) const noexcept {
    return from_bits(static_cast<std::uint16_t>(bits_ & o.bits_));
  }
  constexpr Relations operator~() const noexcept {
    return from_bits(static_cast<std::uint16_t>(~bits_));
  }
  constexpr bool operator==(const Relations&) const noexcept = default;

 private:
  std::uint16_t bits_ = 0;
};

constexpr Relations operator|(Allen a, Allen b) noexcept {
  return Relations{a} | Relations{b};
}

// The names of the relations in the enum's order.
std::vector<std::string_view> names(Relations r);
// "before|meets" (or "" for none).
std::string to_string(Relations r);

// An interval in whole minutes, half-open, each end known to lie in a
// closed range: [earliest_start, latest_start] for the start, likewise the
// end. Both sides of a comparison count from the same epoch (parley's
// clock times use UTC minutes since 1970-01-01; parley/clock.hpp builds
// them). Values must stay within ±2^59.
struct MinuteBounds {
  std::int64_t earliest_start = 0;
  std::int64_t latest_start = 0;
  std::int64_t earliest_end = 0;
  std::int64_t latest_end = 0;

  bool operator==(const MinuteBounds&) const = default;
};

// The base relations of x to y that some assignment of minutes within
// both bounds makes true; empty when a side's bounds are inconsistent
// (no start before its end).
Relations possible_relations(const MinuteBounds& x, const MinuteBounds& y);

// The base relations of x to y that some assignment of days within both
// values' bounds makes true. Never empty for bounds that came from Edtf.
Relations possible_relations(const Bounds& x, const Bounds& y);
Relations possible_relations(const Edtf& x, const Edtf& y,
                             Semantics x_semantics = Semantics::within,
                             Semantics y_semantics = Semantics::within);

// True when every possible relation of x to y is in `d` (P ⊆ D).
bool certain(const Bounds& x, const Bounds& y, Relations d);
// True when some possible relation of x to y is in `d` (P ∩ D ≠ ∅).
bool possible(const Bounds& x, const Bounds& y, Relations d);

// Simple endpoint comparisons, on the half-open days [start, end).
enum class Endpoint { start, end };

// Which orderings of x's endpoint `a` against y's endpoint `b` are
// possible. Exact, like possible_relations.
struct Orders {
  bool less = false;
  bool equal = false;
  bool greater = false;

  bool operator==(const Orders&) const = default;
};
Orders possible_orders(const Bounds& x, Endpoint a, const Bounds& y,
                       Endpoint b);

// x starts before y ends: x's first day is on or before y's last day.
bool certainly_starts_before_end(const Bounds& x, const Bounds& y);
bool possibly_starts_before_end(const Bounds& x, const Bounds& y);
// x ends before y starts: x's last day is before y's first day.
bool certainly_ends_before_start(const Bounds& x, const Bounds& y);
bool possibly_ends_before_start(const Bounds& x, const Bounds& y);
// x starts strictly before y starts.
bool certainly_starts_before_start(const Bounds& x, const Bounds& y);
bool possibly_starts_before_start(const Bounds& x, const Bounds& y);
// x ends strictly before y ends.
bool certainly_ends_before_end(const Bounds& x, const Bounds& y);
bool possibly_ends_before_end(const Bounds& x, const Bounds& y);

}  // namespace parley

#endif  // PARLEY_ALLEN_HPP
