// Wall-clock timing shared by the benchmarks: seconds since a start, and
// the median of repeated runs. Header-only.
#ifndef PARLEY_BENCH_TIMING_HPP
#define PARLEY_BENCH_TIMING_HPP

#include <algorithm>
#include <chrono>
#include <functional>
#include <vector>

namespace parley::bench {

using Clock = std::chrono::steady_clock;

inline double since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// The median wall time of `runs` calls of `f`, in milliseconds.
inline double median_ms(int runs, const std::function<void()>& f) {
  std::vector<double> times;
  for (int r = 0; r < runs; ++r) {
    const auto start = Clock::now();
    f();
    times.push_back(since(start) * 1000);
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

}  // namespace parley::bench

#endif  // PARLEY_BENCH_TIMING_HPP
