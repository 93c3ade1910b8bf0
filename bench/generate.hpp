// A deterministic generator of large parley JSON documents, written
// streaming (constant memory whatever the size), for benchmarks and the
// memory test of streaming import.
//
//   std::ofstream out{"big.json"};
//   parley::bench::write_document(out, {.events = 1'000'000});
//
// The document holds 500 actors, a 3-level place tree (5 countries, 50
// regions, 500 cities), 100 sources, `events` events (kinds cycling through
// hostilities, meeting, statement and ceasefire; 2-3 participants; a short
// English title; a city; days spread over 2000-2029) and one claim per
// `claims_every` events, in canonical order (header, actors, places,
// sources, events, claims). The same options give the same bytes.
// Header-only; not thread-safe (one call per stream).
#ifndef PARLEY_BENCH_GENERATE_HPP
#define PARLEY_BENCH_GENERATE_HPP

#include <cstdint>
#include <cstdio>
#include <ostream>
#include <string>

namespace parley::bench {

struct GenerateOptions {
  std::size_t events = 100'000;
  std::size_t actors = 500;
  std::size_t claims_every = 10;  // 0: no claims
};

// The id of the i-th generated event ("event:0000042"), as the claims name it.
inline std::string generated_event_id(std::size_t i) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "event:%07zu", i);
  return buffer;
}

namespace generated {

// A 64-bit linear congruential generator: fixed output on every platform.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t operator()(std::uint64_t bound) {
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return (state_ >> 33) % bound;
  }

 private:
  std::uint64_t state_;
};

inline const char* const words[] = {
    "talks",  "clashes", "shelling", "meeting", "ceasefire", "envoys",
    "border", "convoy",  "capital",  "truce",   "militia",   "delegates",
    "aid",    "river",   "northern", "southern"};

inline std::string title(Random& random) {
  std::string out;
  for (int w = 0; w < 4; ++w) {
    if (w) out += ' ';
    out += words[random(std::size(words))];
  }
  return out;
}

// Day number to "YYYY-MM-DD" (civil calendar, proleptic Gregorian).
inline std::string date_of(std::int64_t days) {
  days += 719468;
  const std::int64_t era = days / 146097;
  const std::int64_t doe = days - era * 146097;
  const std::int64_t yoe =
      (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t y = yoe + era * 400 + (m <= 2);
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%04lld-%02lld-%02lld",
                static_cast<long long>(y), static_cast<long long>(m),
                static_cast<long long>(d));
  return buffer;
}

inline void write_event(std::ostream& out, std::size_t i, Random& random,
                        std::size_t actors) {
  static const char* const kinds[] = {"hostilities", "meeting", "statement",
                                      "ceasefire"};
  const char* kind = kinds[i % 4];
  const std::int64_t day = 10957 + static_cast<std::int64_t>(random(10950));
  out << "{\"id\":\"" << generated_event_id(i) << "\",\"kind\":\"" << kind
      << "\",\"title\":{\"en\":\"" << title(random) << "\"},\"time\":\"";
  if (i % 7 == 0) {
    out << date_of(day) << '/' << date_of(day + 1 + random(20));
  } else {
    out << date_of(day);
  }
  out << "\",\"place\":\"place:city-" << random(500) << "\",\"participants\":[";
  const std::size_t count = 2 + random(2);
  const std::size_t first = random(actors);
  for (std::size_t p = 0; p < count; ++p) {
    out << (p ? "," : "") << "{\"actor\":\"actor:" << (first + p * 7) % actors
        << "\",\"role\":\"" << (p == 2 ? "mediator" : "party") << "\"}";
  }
  out << ']';
  if (i % 4 == 0) {
    const std::uint64_t best = random(40);
    out << ",\"details\":{\"kind\":\"clashes\",\"deaths_low\":" << best
        << ",\"deaths_best\":" << best
        << ",\"deaths_high\":" << best + random(10) << '}';
  }
  out << '}';
}

}  // namespace generated

inline void write_document(std::ostream& out, const GenerateOptions& o) {
  using generated::Random;
  Random random{42};
  out << "{\"format\":\"parley\",\"version\":1,"
         "\"recorded\":\"2020-01-01T00:00:00Z\",\n\"actors\":[";
  for (std::size_t a = 0; a < o.actors; ++a) {
    out << (a ? ",\n" : "\n") << "{\"id\":\"actor:" << a
        << "\",\"kind\":\"armed_group\",\"names\":{\"en\":\"Group " << a
        << "\"}}";
  }
  out << "],\n\"places\":[";
  for (int c = 0; c < 5; ++c) {
    out << (c ? ",\n" : "\n") << "{\"id\":\"place:country-" << c
        << "\",\"kind\":\"country\",\"names\":{\"en\":\"Country " << c
        << "\"}}";
  }
  for (int r = 0; r < 50; ++r) {
    out << ",\n{\"id\":\"place:region-" << r
        << "\",\"kind\":\"region\",\"names\":{\"en\":\"Region " << r
        << "\"},\"parent\":\"place:country-" << r / 10 << "\"}";
  }
  for (int c = 0; c < 500; ++c) {
    out << ",\n{\"id\":\"place:city-" << c
        << "\",\"kind\":\"city\",\"names\":{\"en\":\"City " << c
        << "\"},\"parent\":\"place:region-" << c / 10 << "\"}";
  }
  out << "],\n\"sources\":[";
  for (int s = 0; s < 100; ++s) {
    out << (s ? ",\n" : "\n") << "{\"id\":\"source:" << s
        << "\",\"publisher\":\"Agency " << s << "\",\"language\":\"en\"}";
  }
  out << "],\n\"events\":[";
  for (std::size_t i = 0; i < o.events; ++i) {
    out << (i ? ",\n" : "\n");
    generated::write_event(out, i, random, o.actors);
  }
  out << "]";
  if (o.claims_every > 0 && o.events > 0) {
    out << ",\n\"claims\":[";
    for (std::size_t i = 0, n = 0; i < o.events; i += o.claims_every, ++n) {
      out << (n ? ",\n" : "\n") << "{\"id\":\"claim:" << n << "\",\"event\":\""
          << generated_event_id(i) << "\",\"source\":"
          << "\"source:" << random(100) << "\",\"stance\":\"asserts\","
          << "\"quote\":\"" << generated::title(random) << "\"}";
    }
    out << "]";
  }
  out << "}\n";
}

}  // namespace parley::bench

#endif  // PARLEY_BENCH_GENERATE_HPP
