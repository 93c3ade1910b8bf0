// Internal: the accounts of given events, shared by accounts() and the
// pledge reports (src/reports/pledges.cpp).
#ifndef PARLEY_SRC_REPORTS_ACCOUNTS_HPP
#define PARLEY_SRC_REPORTS_ACCOUNTS_HPP

#include <vector>

#include "parley/reports.hpp"

namespace parley::detail {

// The accounts of `events` (each event's claims visible at `read`, in
// recorded order, with their sources and claimants), in the order of
// `events`. Reads the claims on these events only.
std::vector<Account> accounts_of(const Database& db,
                                 const std::vector<Event>& events,
                                 const ReadOptions& read);

}  // namespace parley::detail

#endif  // PARLEY_SRC_REPORTS_ACCOUNTS_HPP
