// Internal: where a time window looks for an event. Events of at most
// long_event_days days (hi - lo) are a range of the chronological index
// from `window start - long_event_days`; longer ones, and open or unknown
// bounds, are read through an index of spans (SQLite's event_long R*Tree,
// whose schema/004_counts_and_spans.sql writes the number too;
// PostgreSQL's `days`). Both dialects' window_arms use it.
#ifndef PARLEY_SRC_STORE_LONG_EVENTS_HPP
#define PARLEY_SRC_STORE_LONG_EVENTS_HPP

#include <cstdint>

namespace parley::detail {

constexpr std::int64_t long_event_days = 16;

}  // namespace parley::detail

#endif  // PARLEY_SRC_STORE_LONG_EVENTS_HPP
