// A PostgreSQL database without its statement triggers, as citus.sql
// leaves one on a Citus cluster: the writer keeps the tables derived from
// the current versions itself (store/postgres/derived.hpp), and they must
// hold what the triggers make of the same writes on a database that has
// them. Every kind of write is made: a document and a dataset release in
// bulk, an older release into history, single adds, updates and removals.
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "parley/database.hpp"
#include "parley/datasets.hpp"

#include "backends.hpp"
#include "datasets_support.hpp"
#include "store/access.hpp"
#include "support.hpp"

namespace {

using parley::Database;
using parley::test::release;

// The tables the triggers keep, and current_total.
const std::vector<std::string> derived_tables = {
    "event_head",  "count_kind",    "count_actor",
    "count_place", "count_process", "event_external",
    "event_flag",  "event_rule",    "current_total"};

std::string query_text(const Database& db, const std::string& sql) {
  auto& backend = parley::detail::DatabaseAccess::backend(db);
  const auto rows = backend.run(sql);
  std::string out;
  while (rows->next()) out += std::string(rows->text(0)) + '\n';
  return out;
}

// Every row of the derived tables, as text, in order.
std::string derived(const Database& db) {
  std::string out;
  for (const std::string& table : derived_tables) {
    out += "-- " + table + '\n' +
           query_text(db, "SELECT r::text FROM " + table + " r ORDER BY 1");
  }
  return out;
}

std::size_t rows_of(const Database& db, const std::string& table) {
  return std::stoul(query_text(db, "SELECT count(*) FROM " + table));
}

parley::WriteOptions at(const std::string& iso) {
  parley::WriteOptions options;
  options.recorded_at = parley::parse_record_time(iso);
  return options;
}

// The first event, by id, with two participants or more.
parley::Event with_participants(const Database& db) {
  for (const parley::Event& e : db.events()) {
    if (e.participants.size() >= 2) return e;
  }
  FAIL("no event with two participants");
  return {};
}

// The first `n` rows of the small UCDP file of ../shared/data, written
// into `dir`; empty when the shared data is absent.
std::filesystem::path ucdp_sample(const std::filesystem::path& dir,
                                  std::size_t n) {
  const auto file =
      parley::test::shared_data("ucdp-ged-syria-2017-02-15--2017-03-05.csv");
  if (file.empty()) return {};
  const auto records = parley::test::read_csv_file(file);
  std::ofstream out(dir / "sample.csv", std::ios::binary);
  for (std::size_t i = 0; i <= n && i < records.size(); ++i) {
    out << parley::test::csv_line(records[i]);
  }
  return dir / "sample.csv";
}

// The first event a dataset gave (links name none; claims do).
parley::Event imported(const Database& db) {
  for (const parley::Event& e : db.events()) {
    if (e.external) return e;
  }
  FAIL("no imported event");
  return {};
}

// One write, made on each database in turn.
struct Step {
  const char* what;
  std::function<void(Database&)> write;
};

std::vector<Step> steps(const std::filesystem::path& ucdp) {
  return {
      {"a calendar of rules",
       [](Database& db) {
         db.import_file(PARLEY_SOURCE_DIR "/tests/rules/calendar.json");
       }},
      {"the example document",
       [](Database& db) {
         db.import_json(parley::test::astana_json(),
                        at("2017-03-01T00:00:00Z"));
       }},
      {"a UCDP release",
       [&](Database& db) {
         parley::import_dataset(db, parley::Dataset::ucdp, {ucdp},
                                release("19.1", "2019-06-01T00:00:00Z"));
       }},
      {"an older release, into history",
       [&](Database& db) {
         parley::import_dataset(db, parley::Dataset::ucdp, {ucdp},
                                release("18.1", "2018-06-01T00:00:00Z"));
       }},
      {"an event updated: no place, an actor fewer",
       [](Database& db) {
         parley::Event event = with_participants(db);
         event.participants.pop_back();
         event.place.reset();
         db.update(event, at("2020-01-01T00:00:00Z"));
       }},
      {"an imported event removed, with its claims",
       [](Database& db) {
         const parley::EventId id = imported(db).id;
         for (const parley::Claim& claim : db.claims()) {
           if (claim.event == id) {
             db.remove(claim.id, at("2020-01-02T00:00:00Z"));
           }
         }
         db.remove(id, at("2020-01-02T00:00:00Z"));
       }},
      {"a rule's anchor moved",
       [](Database& db) {
         parley::Event anchor = *db.event(parley::EventId{"event:ceasefire"});
         anchor.time = parley::Edtf::parse("2016-12-02");
         db.update(anchor, at("2020-01-03T01:00:00Z"));
       }},
      {"a link added and removed",
       [](Database& db) {
         const std::vector<parley::Event> events = db.events();
         const parley::Link link{events[0].id, parley::LinkKind::follows,
                                 events[1].id, "a test link"};
         db.add(link, at("2020-01-03T00:00:00Z"));
         db.remove(link, at("2020-01-04T00:00:00Z"));
       }},
      {"a claim removed, an actor renamed",
       [](Database& db) {
         db.remove(db.claims().front().id, at("2020-01-05T00:00:00Z"));
         parley::Actor actor = db.actors().front();
         actor.names["en"] = "Renamed for the test";
         db.update(actor, at("2020-01-06T00:00:00Z"));
       }},
  };
}

}  // namespace

TEST_CASE(
    "postgres backend: without the statement triggers (Citus) the writer "
    "keeps what they keep") {
  parley::test::TempDir dir;
  const auto ucdp = ucdp_sample(dir.path(), 60);
  if (ucdp.empty()) return;
  auto triggered = parley::test::TestDatabase::open("postgres");
  auto by_writer = parley::test::TestDatabase::open("postgres");
  if (!triggered) return;
  Database& a = triggered->db();
  Database& b = by_writer->db();
  // As citus.sql does it: every statement-level trigger, none other.
  CHECK(query_text(b, "SELECT parley_drop_statement_triggers()") == "15\n");
  CHECK(query_text(b, "SELECT parley_triggers_derive()") == "f\n");
  CHECK(query_text(a, "SELECT parley_triggers_derive()") == "t\n");

  for (const Step& step : steps(ucdp)) {
    INFO("after " << std::string(step.what));
    step.write(a);
    step.write(b);
    CHECK(derived(b) == derived(a));
  }
  CHECK(parley::test::stored_state(b) == parley::test::stored_state(a));
  // Every kind of derived row was made.
  for (const std::string& table : derived_tables) {
    INFO(table);
    CHECK(rows_of(b, table) > 0);
  }
}
