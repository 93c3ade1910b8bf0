#include <algorithm>
#include <map>
#include <set>

#include "parley/reports.hpp"

#include "store/related.hpp"

namespace parley {
namespace {

// The entry of a planned event: its slip, computed once by parley::slip,
// and the reasons of the links that delay it.
ScheduleEntry entry_for(const Event& event, const std::vector<Link>& links) {
  ScheduleEntry entry;
  entry.event = event;
  entry.planned = *event.planned;
  entry.slip = slip(event);
  if (entry.slip && entry.slip->exact()) {
    entry.days_late = *entry.slip->least;
    entry.exact = true;
  }
  for (const Link& link : links) {
    if (link.to == event.id && link.kind == LinkKind::delays &&
        !link.reason.empty()) {
      entry.reasons.push_back(link.reason);
    }
  }
  return entry;
}

}  // namespace

std::vector<ScheduleEntry> schedule(const Database& db, const Query& query) {
  Query all = query;
  all.limit = 0;
  all.after.reset();
  const std::vector<Event> events = db.query(all).events;
  const std::vector<Link> links =
      detail::links_to(db, detail::ids_of(events), ReadOptions{query.as_of});
  std::vector<ScheduleEntry> out;
  for (const Event& e : events) {
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
  const std::vector<Event> events = db.query(query).events;
  const std::vector<Link> links =
      detail::links_to(db, detail::ids_of(events), ReadOptions{known_at});
  for (const Event& e : events) {
    if (e.planned) {
      out.push_back(entry_for(e, links));
    } else {
      ScheduleEntry entry;
      entry.event = e;
      entry.planned = e.time;
      out.push_back(std::move(entry));
    }
  }
  return out;
}

std::vector<Slippage> slippage(const std::vector<ScheduleEntry>& entries) {
  std::map<std::optional<ProcessId>, Slippage> by_process;
  for (const ScheduleEntry& entry : entries) {
    if (!entry.slip) continue;
    Slippage& sum = by_process[entry.event.process];
    sum.process = entry.event.process;
    ++sum.events;
    // What is certain of the slip: its least value (none when open).
    if (!entry.slip->least) continue;
    const long long least = *entry.slip->least;
    if (least > 0) {
      ++sum.late;
      sum.days_late += least;
    }
    sum.worst = std::max(sum.worst, least);
  }
  std::vector<Slippage> out;
  for (auto& [process, sum] : by_process) out.push_back(sum);
  return out;
}

}  // namespace parley
