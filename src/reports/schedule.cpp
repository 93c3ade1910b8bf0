#include <algorithm>
#include <map>

#include "parley/reports.hpp"

namespace parley {
namespace {

bool single_day(const Bounds& b) {
  return b.earliest_start && b.latest_start && b.earliest_end &&
         *b.earliest_start == *b.latest_start &&
         *b.earliest_end == *b.earliest_start + days64{1};
}

ScheduleEntry entry_for(const Event& e, const std::vector<Link>& links) {
  ScheduleEntry s{e, *e.planned, std::nullopt, false, {}};
  const Bounds planned = e.planned->bounds();
  const Bounds actual = e.time.bounds();
  if (planned.earliest_start && actual.earliest_start) {
    s.days_late = (*actual.earliest_start - *planned.earliest_start).count();
    s.exact = single_day(planned) && single_day(actual);
  }
  for (const Link& l : links) {
    if (l.to == e.id && l.kind == LinkKind::delays && !l.reason.empty()) {
      s.reasons.push_back(l.reason);
    }
  }
  return s;
}

}  // namespace

std::vector<ScheduleEntry> schedule(const Database& db, const Query& query) {
  Query all = query;
  all.limit = 0;
  all.after.reset();
  const std::vector<Link> links = db.links(ReadOptions{query.as_of});
  std::vector<ScheduleEntry> out;
  for (const Event& e : db.query(all).events) {
    if (e.planned) out.push_back(entry_for(e, links));
  }
  return out;
}

std::vector<ScheduleEntry> upcoming(const Database& db, RecordTime known_at,
                                    Query query) {
  query.as_of = known_at;
  query.statuses = {Status::scheduled};
  const Day today = date::floor<date::days>(known_at);
  query.time = TimeFilter{
      Edtf::from_day(date::year_month_day{date::sys_days{
          date::days{static_cast<int>(today.time_since_epoch().count())}}}),
      Allen::equals | Allen::starts | Allen::started_by | Allen::met_by |
          Allen::after,
      Certainty::possible};
  std::vector<ScheduleEntry> out;
  const std::vector<Link> links = db.links(ReadOptions{known_at});
  for (const Event& e : db.query(query).events) {
    if (e.planned) {
      out.push_back(entry_for(e, links));
    } else {
      out.push_back({e, e.time, std::nullopt, false, {}});
    }
  }
  return out;
}

std::vector<Slippage> slippage(const std::vector<ScheduleEntry>& entries) {
  std::map<std::optional<ProcessId>, Slippage> by;
  for (const ScheduleEntry& s : entries) {
    if (!s.days_late) continue;
    Slippage& p = by[s.event.process];
    p.process = s.event.process;
    ++p.events;
    if (*s.days_late > 0) {
      ++p.late;
      p.days_late += *s.days_late;
    }
    p.worst = std::max(p.worst, *s.days_late);
  }
  std::vector<Slippage> out;
  for (auto& [key, p] : by) out.push_back(p);
  return out;
}

}  // namespace parley
