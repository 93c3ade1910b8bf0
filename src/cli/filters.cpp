#include "cli/filters.hpp"

#include <chrono>
#include <sstream>

#include "parley/error.hpp"
#include "parley/lookup.hpp"
#include "parley/record_time.hpp"

namespace parley::cli {
namespace {

// "during,equals" -> the relations; throws Error naming the bad one.
Relations parse_relations(const std::string& text) {
  Relations out;
  std::stringstream in{text};
  std::string name;
  while (std::getline(in, name, ',')) {
    auto r = allen_from_string(name);
    if (!r) {
      throw Error(Errc::bad_value, "--relation",
                  "unknown relation '" + name +
                      "'; expected names such as before, meets, overlaps, "
                      "starts, during, finishes, equals, after");
    }
    out = out | *r;
  }
  return out;
}

// Each value is an id, a name or alias in any language, or the start of
// one (parley::lookup). Throws Error naming the flag, with candidates, when
// a value matches nothing or starts several names or ids (exit 65).
template <class Entity>
auto resolve(const std::vector<std::string>& values,
             const std::vector<Entity>& all, const char* flag) {
  std::vector<decltype(Entity{}.id)> out;
  for (const std::string& v : values) {
    for (auto& id : lookup(all, v, flag)) out.push_back(std::move(id));
  }
  return out;
}

Day parse_day(const std::string& text, const char* flag) {
  const Edtf value = Edtf::parse(text);
  const Bounds b = value.bounds();
  if (value.precision() != Precision::day || value.is_interval() ||
      !b.earliest_start) {
    throw Error(Errc::bad_value, flag,
                "'" + text + "' is not a single day (YYYY-MM-DD)");
  }
  return *b.earliest_start;
}

}  // namespace

RecordTime known_at(const Query& query) {
  return query.as_of ? *query.as_of
                     : date::floor<std::chrono::microseconds>(
                           std::chrono::system_clock::now());
}

void add_filter_options(CLI::App& cmd, FilterArgs& a) {
  cmd.add_option("--from", a.from, "Window start (EDTF)");
  cmd.add_option("--to", a.to, "Window end (EDTF)");
  cmd.add_option("--relation", a.relation,
                 "Allen relations to the window, comma-separated "
                 "(default: any common day)");
  cmd.add_option("--certainty", a.certainty, "possible (default) or certain");
  cmd.add_option("--semantics", a.semantics,
                 "within (default) or spans: how event times are read");
  cmd.add_option("--actor", a.actors,
                 "Actor id or name in any language (repeatable)");
  cmd.add_option("--role", a.role, "Only where the actor has this role");
  cmd.add_flag("--members", a.members,
               "Include members and heads of the actors");
  cmd.add_option("--kind", a.kinds, "Kind or kind group (repeatable)");
  cmd.add_option("--place", a.places,
                 "Place id or name, with the places inside");
  cmd.add_option("--process", a.processes,
                 "Process id or name, with nested ones");
  cmd.add_option("--status", a.statuses,
                 "scheduled, held, postponed, cancelled, none");
  cmd.add_option("--topic", a.topics, "Topic (repeatable)");
  cmd.add_option("--text", a.text, "Full-text search, English or Arabic");
  a.flagged = cmd.add_option("--flagged", a.flag,
                             "Only events carrying a flag (what their "
                             "source row contradicts itself in), of CODE "
                             "when given")
                  ->expected(0, 1);
  cmd.add_option("--as-of", a.as_of,
                 "Record time: the database as known then; a plain day "
                 "(2017-02-16) means by the end of that day (UTC)");
}

Query build_query(const FilterArgs& a, const Database& db) {
  Query q;
  if (!a.from.empty() || !a.to.empty()) {
    const std::string window = a.from == a.to
                                   ? a.from
                                   : (a.from.empty() ? ".." : a.from) + "/" +
                                         (a.to.empty() ? ".." : a.to);
    TimeFilter f{Edtf::parse(window)};
    if (!a.relation.empty()) f.relations = parse_relations(a.relation);
    f.certainty = parse_enum<Certainty>(a.certainty);
    f.semantics = a.semantics == "spans" ? Semantics::spans : Semantics::within;
    q.time = f;
  }
  if (!a.actors.empty()) q.actors = resolve(a.actors, db.actors(), "--actor");
  q.role = a.role;
  q.include_members = a.members;
  q.kinds = a.kinds;
  for (const auto& k : q.kinds) (void)expand_kind(k);
  if (!a.places.empty()) q.places = resolve(a.places, db.places(), "--place");
  if (!a.processes.empty()) {
    q.processes = resolve(a.processes, db.processes(), "--process");
  }
  for (const auto& s : a.statuses) q.statuses.push_back(parse_enum<Status>(s));
  q.topics = a.topics;
  q.text = a.text;
  q.flagged = a.flagged && a.flagged->count() > 0;
  if (!a.flag.empty()) q.flag = parse_enum<FlagCode>(a.flag);
  if (!a.as_of.empty()) q.as_of = end_of_day(a.as_of);
  return q;
}

RecordTime end_of_day(const std::string& text) {
  RecordTime at = parse_record_time(text);
  // A plain day means as known by the end of that day.
  if (text.size() == 10) at += date::days{1} - std::chrono::microseconds{1};
  return at;
}

bool PledgeArgs::any() const {
  return !due_between.empty() || !due_from.empty() || !due_to.empty() ||
         !overdue_as_of.empty() || !pledge_statuses.empty() || violated;
}

void add_pledge_options(CLI::App& cmd, PledgeArgs& a) {
  cmd.add_option("--due-between", a.due_between,
                 "Deadline may fall between two days (inclusive)")
      ->expected(2);
  cmd.add_option("--due-from", a.due_from, "Deadline may fall on or after");
  cmd.add_option("--due-to,--due-by", a.due_to,
                 "Deadline may fall on or before");
  cmd.add_option("--overdue-as-of", a.overdue_as_of,
                 "Only pledges overdue as known then: deadline passed, "
                 "nothing fulfils them (a plain day: its end, UTC)");
  cmd.add_option("--pledge-status", a.pledge_statuses,
                 "made, in_progress, fulfilled, partly_fulfilled, broken, "
                 "withdrawn or overdue (repeatable); the status the pledge "
                 "report gives (from fulfils/violates links)");
  cmd.add_flag("--violated", a.violated,
               "Only pledges an event violates (a violates link)");
}

PledgeFilter pledge_filter(const PledgeArgs& a, const Query& query) {
  PledgeFilter f;
  if (a.due_between.size() == 2) {
    f.due_from = parse_day(a.due_between[0], "--due-between");
    f.due_to = parse_day(a.due_between[1], "--due-between");
  }
  if (!a.due_from.empty()) f.due_from = parse_day(a.due_from, "--due-from");
  if (!a.due_to.empty()) f.due_to = parse_day(a.due_to, "--due-to");
  if (!a.overdue_as_of.empty()) {
    f.overdue_as_of = end_of_day(a.overdue_as_of);
  }
  for (const std::string& s : a.pledge_statuses) {
    if (s != "overdue") {
      f.statuses.push_back(parse_enum<PledgeStatus>(s));
    } else if (!f.overdue_as_of) {
      f.overdue_as_of = known_at(query);
    }
  }
  f.violated = a.violated;
  return f;
}

}  // namespace parley::cli
