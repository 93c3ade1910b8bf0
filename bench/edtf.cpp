// bench_edtf — throughput of EDTF parsing (with bounds) and of Allen's
// relations, each against a baseline measured in the same run:
//   level 0  Edtf::parse + bounds() of "YYYY-MM-DD"/"YYYY-MM"/"YYYY" strings
//            vs std::from_chars of the same strings into date::sys_days
//            (the least work that turns the text into days) and
//            date::parse from an istringstream (the library's parser)
//   level 2  a mix of level-2 values vs the same from_chars baseline
//   allen    possible_relations of two imprecise bounds vs classifying two
//            exact intervals with comparisons
// Prints absolute rates (per second, one core) and ratios. Targets:
// >= 10M level-0 values/s and >= 2M level-2 values/s.
#include <charconv>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <date/date.h>

#include "parley/allen.hpp"
#include "parley/time.hpp"

namespace {

using Clock = std::chrono::steady_clock;

// Runs `body` over the inputs repeatedly for at least `seconds`; returns
// items per second. `sink` defeats dead-code elimination.
template <class Body>
double rate(std::size_t items, double seconds, Body body, std::int64_t& sink) {
  std::size_t done = 0;
  const auto start = Clock::now();
  double elapsed = 0;
  do {
    sink += body();
    done += items;
    elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  } while (elapsed < seconds);
  return static_cast<double>(done) / elapsed;
}

std::string two(unsigned v) {
  return {static_cast<char>('0' + v / 10), static_cast<char>('0' + v % 10)};
}

std::vector<std::string> level0(std::size_t n) {
  std::mt19937 gen(42);
  std::vector<std::string> out;
  out.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    const unsigned y = 1000 + gen() % 1100;
    const unsigned m = 1 + gen() % 12;
    const unsigned d = 1 + gen() % 28;
    std::string s = std::to_string(y) + "-" + two(m) + "-" + two(d);
    out.push_back(s);
  }
  return out;
}

std::vector<std::string> level2(std::size_t n) {
  const char* shapes[] = {
      "156X-12-25",  "?2004-06~-11",     "[1667,1668,1670..1672]",
      "Y-17E7",      "1950S2",           "2017-24",
      "XXXX-12-XX",  "2004-06/2004-08~", "{1960,1961-12}",
      "2017-0X-31",  "20XX-02-29",       "Y171010000S3",
      "2004-?06-11", "[..1760-12-03]",   "201X-1X-3X",
      "2017-37",     "../2017-02-23",    "2001-02-03T09:30:01+06:00"};
  std::vector<std::string> out;
  out.reserve(n);
  std::mt19937 gen(7);
  for (std::size_t i = 0; i < n; ++i)
    out.emplace_back(shapes[gen() % (sizeof shapes / sizeof shapes[0])]);
  return out;
}

// The baseline: digits to days with from_chars and date's calendar.
std::int64_t from_chars_days(const std::string& s) {
  int y = 0;
  unsigned m = 1, d = 1;
  const char* p = s.data();
  const char* end = p + s.size();
  p = std::from_chars(p, end, y).ptr;
  if (p != end && *p == '-') p = std::from_chars(p + 1, end, m).ptr;
  if (p != end && *p == '-') std::from_chars(p + 1, end, d);
  const date::year_month_day ymd{date::year{y}, date::month{m}, date::day{d}};
  if (!ymd.ok()) return 0;
  return date::sys_days{ymd}.time_since_epoch().count();
}

}  // namespace

int main() {
  std::int64_t sink = 0;
  const double seconds = 1.0;

  const std::vector<std::string> l0 = level0(200000);
  const std::vector<std::string> l2 = level2(200000);

  const double base = rate(
      l0.size(), seconds,
      [&] {
        std::int64_t s = 0;
        for (const std::string& t : l0) s += from_chars_days(t);
        return s;
      },
      sink);
  const double date_parse = rate(
      l0.size() / 20, seconds,
      [&] {
        std::int64_t s = 0;
        for (std::size_t i = 0; i < l0.size() / 20; ++i) {
          std::istringstream in(l0[i]);
          date::sys_days d;
          in >> date::parse("%F", d);
          s += d.time_since_epoch().count();
        }
        return s;
      },
      sink);
  auto parse_all = [&sink, seconds](const std::vector<std::string>& xs) {
    return rate(
        xs.size(), seconds,
        [&] {
          std::int64_t s = 0;
          for (const std::string& t : xs) {
            const parley::Edtf v = parley::Edtf::parse(t);
            const parley::Bounds b = v.bounds();
            if (b.earliest_start)
              s += b.earliest_start->time_since_epoch().count();
          }
          return s;
        },
        sink);
  };
  const double p0 = parse_all(l0);
  const double p2 = parse_all(l2);

  // Allen: pairs of imprecise bounds vs exact classification.
  std::vector<parley::Bounds> bounds;
  for (const char* t :
       {"2017-02", "2017-02-23", "1985~", "199X", "198X", "1985", "2017-02-22",
        "../2017-02-23", "2017-03", "2016/..", "/2017-06",
        "[1667,1668,1670..1672]", "2017-21", "2017-02-10/2017-03"})
    bounds.push_back(parley::Edtf::parse(t).bounds());
  const std::size_t pairs = bounds.size() * bounds.size();
  const double allen = rate(
      pairs, seconds,
      [&] {
        std::int64_t s = 0;
        for (const parley::Bounds& x : bounds)
          for (const parley::Bounds& y : bounds)
            s += parley::possible_relations(x, y).bits();
        return s;
      },
      sink);
  std::vector<std::pair<std::int64_t, std::int64_t>> exact;
  for (const parley::Bounds& b : bounds)
    exact.emplace_back(
        b.earliest_start ? b.earliest_start->time_since_epoch().count()
                         : -1000000,
        b.latest_end ? b.latest_end->time_since_epoch().count() : 1000000);
  const double allen_base = rate(
      pairs, seconds,
      [&] {
        std::int64_t s = 0;
        for (const auto& [xs, xe] : exact)
          for (const auto& [ys, ye] : exact) {
            int r;
            if (xe < ys)
              r = 0;
            else if (xe == ys)
              r = 1;
            else if (ye < xs)
              r = 12;
            else if (ye == xs)
              r = 11;
            else if (xs == ys)
              r = xe == ye ? 6 : (xe < ye ? 3 : 9);
            else if (xe == ye)
              r = xs < ys ? 7 : 5;
            else if (xs < ys)
              r = xe < ye ? 2 : 8;
            else
              r = xe < ye ? 4 : 10;
            s += r;
          }
        return s;
      },
      sink);

  std::printf("baseline from_chars + date::sys_days  %8.2f M/s\n", base / 1e6);
  std::printf("baseline date::parse(\"%%F\")           %8.2f M/s\n",
              date_parse / 1e6);
  std::printf(
      "parley level 0 parse+bounds          %8.2f M/s  (%.2fx from_chars, "
      "%.1fx date::parse; target >= 10 M/s: %s)\n",
      p0 / 1e6, p0 / base, p0 / date_parse, p0 >= 10e6 ? "met" : "NOT met");
  std::printf(
      "parley level 2 mix parse+bounds      %8.2f M/s  (%.2fx from_chars "
      "level 0; target >= 2 M/s: %s)\n",
      p2 / 1e6, p2 / base, p2 >= 2e6 ? "met" : "NOT met");
  std::printf("baseline exact Allen classification  %8.2f M/s\n",
              allen_base / 1e6);
  std::printf("parley possible_relations            %8.2f M/s  (%.3fx exact)\n",
              allen / 1e6, allen / allen_base);
  std::printf("(checksum %lld)\n", static_cast<long long>(sink));
  return 0;
}
