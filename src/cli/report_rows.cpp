// Each report's rows (report_table.hpp). Dates are the stored EDTF text, so
// a reader may copy them back into a query.
#include <string>

#include "parley/clock.hpp"
#include "parley/slip.hpp"
#include "parley/text.hpp"

#include "cli/report_table.hpp"

namespace parley::cli {
namespace {

using Cell = nlohmann::ordered_json;

Cell optional_text(const std::string& text) {
  return text.empty() ? Cell() : Cell(text);
}

Cell actor_list(const std::vector<ActorId>& ids, const Names& names) {
  Cell out = Cell::array();
  for (const ActorId& id : ids) out.push_back(names.actor(id));
  return out;
}

Cell event_list(const std::vector<Event>& events) {
  Cell out = Cell::array();
  for (const Event& e : events) out.push_back(e.id.value);
  return out;
}

}  // namespace

ClockCells clock_cells(const Event& event) {
  if (!event.time_of_day) return {};
  const TimeOfDay& t = *event.time_of_day;
  std::string local = t.start + (t.end.empty() ? "" : "–" + t.end);
  if (!t.zone.empty()) local += " " + t.zone;
  if (t.approximate) local += " (approx.)";
  if (!t.label.empty()) local += ", " + t.label;
  const auto utc = utc_text(ClockedTime{event.time, t});
  return {local, utc ? Cell(*utc) : Cell()};
}

Names::Names(const Database& db, ReadOptions read, std::string lang)
    : db_(db), read_(read), lang_(std::move(lang)) {}

std::string Names::actor(const ActorId& id) const {
  auto [it, added] = actors_.try_emplace(id);
  if (added) {
    const auto found = db_.actor(id, read_);
    it->second = found ? best(found->names, lang_) : id.value;
  }
  return it->second;
}

std::string Names::title(const Event& event) const {
  return best(event.title, lang_);
}

Table pledge_table(const std::vector<PledgeEntry>& pledges,
                   const Names& names) {
  Table t{
      {"id", "title", "status", "recorded_status", "pledgers", "guarantors",
       "beneficiary", "deadline", "obligations", "fulfilled_by", "violated_by"},
      {}};
  for (const PledgeEntry& p : pledges) {
    const Pledge& pledge = std::get<Pledge>(p.pledge.payload);
    t.rows.push_back(
        {p.pledge.id.value, names.title(p.pledge),
         std::string(to_string(p.status)), std::string(to_string(p.recorded)),
         actor_list(p.pledgers, names), actor_list(p.guarantors, names),
         pledge.beneficiary ? Cell(names.actor(*pledge.beneficiary)) : Cell(),
         pledge.deadline ? Cell(pledge.deadline->str()) : Cell(),
         Cell(pledge.obligations), event_list(p.fulfilled_by),
         event_list(p.violated_by)});
  }
  return t;
}

Table account_table(const std::vector<Account>& accounts, const Names& names) {
  Table t{{"event", "title", "time", "stance", "claimant", "source", "quote",
           "said"},
          {}};
  for (const Account& a : accounts) {
    t.rows.push_back(
        {a.event.id.value, names.title(a.event), a.event.time.str(),
         std::string(to_string(a.claim.stance)),
         a.claim.claimant ? Cell(names.actor(*a.claim.claimant)) : Cell(),
         a.source ? Cell(a.source->title.empty() ? a.source->id.value
                                                 : a.source->title)
                  : Cell(a.claim.source.value),
         optional_text(a.claim.quote),
         a.claim.said ? Cell(a.claim.said->str()) : Cell()});
  }
  return t;
}

Table contradiction_table(const std::vector<Contradiction>& found,
                          const Names& names) {
  Table t{{"kind", "reason", "first_event", "first_claimant", "first_stance",
           "second_event", "second_claimant", "second_stance"},
          {}};
  auto claimant = [&](const Account& a) {
    return a.claim.claimant ? Cell(names.actor(*a.claim.claimant)) : Cell();
  };
  for (const Contradiction& c : found) {
    t.rows.push_back({std::string(to_string(c.kind)), c.reason,
                      c.first.event.id.value, claimant(c.first),
                      std::string(to_string(c.first.claim.stance)),
                      c.second.event.id.value, claimant(c.second),
                      std::string(to_string(c.second.claim.stance))});
  }
  return t;
}

Table schedule_table(const std::vector<ScheduleEntry>& entries,
                     const Names& names) {
  Table t{{"id", "title", "status", "planned", "time", "clock", "clock_utc",
           "slip", "days_late", "reasons"},
          {}};
  for (const ScheduleEntry& s : entries) {
    const ClockCells clock = clock_cells(s.event);
    t.rows.push_back({s.event.id.value, names.title(s.event),
                      std::string(to_string(s.event.status)), s.planned.str(),
                      s.event.time.str(), clock.local, clock.utc,
                      s.slip ? Cell(slip_words(*s.slip)) : Cell(),
                      s.days_late ? Cell(*s.days_late) : Cell(),
                      Cell(s.reasons)});
  }
  return t;
}

Table slippage_table(const std::vector<Slippage>& sums, const Names&) {
  Table t{{"process", "events", "late", "days_late", "worst"}, {}};
  for (const Slippage& s : sums) {
    t.rows.push_back({s.process ? Cell(s.process->value) : Cell(), s.events,
                      s.late, s.days_late, s.worst});
  }
  return t;
}

}  // namespace parley::cli
