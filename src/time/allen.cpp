// Allen's relations between imprecise intervals, by difference constraints.
#include "parley/allen.hpp"

#include <array>
#include <cstdint>
#include <string>

#include "time/calendar.hpp"

namespace parley {
namespace {

using detail::kNegInf;
using detail::kPosInf;

constexpr std::array<std::string_view, 13> kNames = {
    "before",        "meets",  "overlaps",    "starts",   "during",
    "finishes",      "equals", "finished-by", "contains", "started-by",
    "overlapped-by", "met-by", "after"};

// Nodes of the constraint graph.
enum Node : int { kZero = 0, kXs = 1, kXe = 2, kYs = 3, kYe = 4 };

// A system of constraints v - u <= w over the five nodes, kept closed:
// d_[u][v] is the tightest bound on v - u that the constraints imply (the
// shortest path u -> v in the constraint graph), kBig when unbounded. Adding
// a constraint to a closed, feasible system makes it infeasible iff it closes
// a negative cycle (w + d_[v][u] < 0); otherwise every shortest path may now
// use the new edge once: d[i][j] = min(d[i][j], d[i][u] + w + d[v][j]).
// Values: days < 2^59 and infinities 2^60, so a feasible system has every
// bound in [-2^61, kBig] and the three-term sums stay far from overflow.
class System {
 public:
  System() {
    for (auto& row : d_) row.fill(kBig);
    for (int i = 0; i < 5; ++i) d_[i][i] = 0;
  }

  void add(int u, int v, std::int64_t w) {
    if (!feasible_ || w >= d_[u][v]) return;
    if (d_[v][u] < kBig && w + d_[v][u] < 0) {
      feasible_ = false;
      return;
    }
    for (int i = 0; i < 5; ++i) {
      if (d_[i][u] >= kBig) continue;
      const std::int64_t head = d_[i][u] + w;
      for (int j = 0; j < 5; ++j) {
        if (d_[v][j] >= kBig) continue;
        const std::int64_t t = head + d_[v][j];
        if (t < d_[i][j]) d_[i][j] = t;
      }
    }
  }
  void less(int a, int b) { add(b, a, -1); }  // a < b
  void equal(int a, int b) {
    add(a, b, 0);
    add(b, a, 0);
  }
  void between(int v, std::int64_t lo, std::int64_t hi) {
    add(v, kZero, -lo);
    add(kZero, v, hi);
  }

  bool feasible() const { return feasible_; }

 private:
  static constexpr std::int64_t kBig = std::int64_t{1} << 61;
  std::array<std::array<std::int64_t, 5>, 5> d_;
  bool feasible_ = true;
};

struct Range {
  std::int64_t lo;
  std::int64_t hi;
};

std::int64_t days(const std::optional<Day>& d) {
  return d->time_since_epoch().count();
}

// The ranges of an interval's start and end, with open ends at infinity and
// unknown ends finite but otherwise free.
void ranges(const Bounds& b, Range& start, Range& end) {
  start.lo = b.earliest_start  ? days(b.earliest_start)
             : b.start_unknown ? kNegInf + 1
                               : kNegInf;
  start.hi = b.latest_start    ? days(b.latest_start)
             : b.start_open    ? kNegInf
             : b.start_unknown ? kPosInf - 1
                               : kPosInf;
  end.lo = b.earliest_end  ? days(b.earliest_end)
           : b.end_open    ? kPosInf
           : b.end_unknown ? kNegInf + 1
                           : kNegInf;
  end.hi = b.latest_end    ? days(b.latest_end)
           : b.end_unknown ? kPosInf - 1
                           : kPosInf;
}

System base(const Range& xs, const Range& xe, const Range& ys,
            const Range& ye) {
  System s;
  s.between(kXs, xs.lo, xs.hi);
  s.between(kXe, xe.lo, xe.hi);
  s.between(kYs, ys.lo, ys.hi);
  s.between(kYe, ye.lo, ye.hi);
  s.less(kXs, kXe);
  s.less(kYs, kYe);
  return s;
}

System base(const Bounds& x, const Bounds& y) {
  Range xs, xe, ys, ye;
  ranges(x, xs, xe);
  ranges(y, ys, ye);
  return base(xs, xe, ys, ye);
}

void constrain(System& s, Allen r) {
  switch (r) {
    case Allen::before:
      s.less(kXe, kYs);
      break;
    case Allen::meets:
      s.equal(kXe, kYs);
      break;
    case Allen::overlaps:
      s.less(kXs, kYs);
      s.less(kYs, kXe);
      s.less(kXe, kYe);
      break;
    case Allen::starts:
      s.equal(kXs, kYs);
      s.less(kXe, kYe);
      break;
    case Allen::during:
      s.less(kYs, kXs);
      s.less(kXe, kYe);
      break;
    case Allen::finishes:
      s.less(kYs, kXs);
      s.equal(kXe, kYe);
      break;
    case Allen::equals:
      s.equal(kXs, kYs);
      s.equal(kXe, kYe);
      break;
    case Allen::finished_by:
      s.less(kXs, kYs);
      s.equal(kXe, kYe);
      break;
    case Allen::contains:
      s.less(kXs, kYs);
      s.less(kYe, kXe);
      break;
    case Allen::started_by:
      s.equal(kXs, kYs);
      s.less(kYe, kXe);
      break;
    case Allen::overlapped_by:
      s.less(kYs, kXs);
      s.less(kXs, kYe);
      s.less(kYe, kXe);
      break;
    case Allen::met_by:
      s.equal(kYe, kXs);
      break;
    case Allen::after:
      s.less(kYe, kXs);
      break;
  }
}

// The base relations each consistent with `common`.
Relations feasible_relations(const System& common) {
  if (!common.feasible()) return Relations::none();
  Relations out;
  for (unsigned i = 0; i < 13; ++i) {
    System s = common;
    constrain(s, static_cast<Allen>(i));
    if (s.feasible()) out = out | static_cast<Allen>(i);
  }
  return out;
}

int node(Endpoint e, bool x) {
  if (x) return e == Endpoint::start ? kXs : kXe;
  return e == Endpoint::start ? kYs : kYe;
}

}  // namespace

std::string_view to_string(Allen r) noexcept {
  return kNames[static_cast<unsigned>(r)];
}

std::optional<Allen> allen_from_string(std::string_view name) noexcept {
  for (unsigned i = 0; i < kNames.size(); ++i) {
    const std::string_view n = kNames[i];
    if (n.size() != name.size()) continue;
    bool same = true;
    for (std::size_t k = 0; k < n.size() && same; ++k)
      same = n[k] == name[k] || (n[k] == '-' && name[k] == '_');
    if (same) return static_cast<Allen>(i);
  }
  return std::nullopt;
}

std::vector<std::string_view> names(Relations r) {
  std::vector<std::string_view> out;
  for (unsigned i = 0; i < 13; ++i)
    if (r.has(static_cast<Allen>(i))) out.push_back(kNames[i]);
  return out;
}

std::string to_string(Relations r) {
  std::string out;
  for (std::string_view n : names(r)) {
    if (!out.empty()) out += '|';
    out += n;
  }
  return out;
}

Relations possible_relations(const Bounds& x, const Bounds& y) {
  return feasible_relations(base(x, y));
}

Relations possible_relations(const MinuteBounds& x, const MinuteBounds& y) {
  return feasible_relations(
      base({x.earliest_start, x.latest_start}, {x.earliest_end, x.latest_end},
           {y.earliest_start, y.latest_start}, {y.earliest_end, y.latest_end}));
}

Relations possible_relations(const Edtf& x, const Edtf& y,
                             Semantics x_semantics, Semantics y_semantics) {
  return possible_relations(x.bounds(x_semantics), y.bounds(y_semantics));
}

bool certain(const Bounds& x, const Bounds& y, Relations d) {
  return possible_relations(x, y).subset_of(d);
}

bool possible(const Bounds& x, const Bounds& y, Relations d) {
  return possible_relations(x, y).intersects(d);
}

Orders possible_orders(const Bounds& x, Endpoint a, const Bounds& y,
                       Endpoint b) {
  const System common = base(x, y);
  Orders o;
  if (!common.feasible()) return o;
  const int u = node(a, true);
  const int v = node(b, false);
  System less = common;
  less.less(u, v);
  System equal = common;
  equal.equal(u, v);
  System greater = common;
  greater.less(v, u);
  o.less = less.feasible();
  o.equal = equal.feasible();
  o.greater = greater.feasible();
  return o;
}

// In half-open days: x starts on or before y's last day iff xs < ye; x's
// last day precedes y's first day iff xe <= ys.
bool certainly_starts_before_end(const Bounds& x, const Bounds& y) {
  const Orders o = possible_orders(x, Endpoint::start, y, Endpoint::end);
  return o.less && !o.equal && !o.greater;
}
bool possibly_starts_before_end(const Bounds& x, const Bounds& y) {
  return possible_orders(x, Endpoint::start, y, Endpoint::end).less;
}
bool certainly_ends_before_start(const Bounds& x, const Bounds& y) {
  const Orders o = possible_orders(x, Endpoint::end, y, Endpoint::start);
  return (o.less || o.equal) && !o.greater;
}
bool possibly_ends_before_start(const Bounds& x, const Bounds& y) {
  const Orders o = possible_orders(x, Endpoint::end, y, Endpoint::start);
  return o.less || o.equal;
}
bool certainly_starts_before_start(const Bounds& x, const Bounds& y) {
  const Orders o = possible_orders(x, Endpoint::start, y, Endpoint::start);
  return o.less && !o.equal && !o.greater;
}
bool possibly_starts_before_start(const Bounds& x, const Bounds& y) {
  return possible_orders(x, Endpoint::start, y, Endpoint::start).less;
}
bool certainly_ends_before_end(const Bounds& x, const Bounds& y) {
  const Orders o = possible_orders(x, Endpoint::end, y, Endpoint::end);
  return o.less && !o.equal && !o.greater;
}
bool possibly_ends_before_end(const Bounds& x, const Bounds& y) {
  return possible_orders(x, Endpoint::end, y, Endpoint::end).less;
}

}  // namespace parley
