// parley::import_dataset with UCDP GED: the real Syria files in
// ../shared/data (skipped when absent), every row accounted for, every
// column given back, counts by month, coalitions, releases and bad rows.
// Expected values are computed from the CSV files by the tests' own reader.
#include <fstream>
#include <set>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "parley/database.hpp"
#include "parley/datasets.hpp"
#include "parley/error.hpp"

#include "backends.hpp"
#include "datasets_support.hpp"
#include "support.hpp"

namespace {

using parley::test::CsvRow;

const char* const small_file = "ucdp-ged-syria-2017-02-15--2017-03-05.csv";
const char* const big_file = "ucdp-ged-syria-2016--2019.csv";

parley::ImportCounts import_ucdp(parley::Database& db,
                                 const std::filesystem::path& file,
                                 parley::DatasetOptions options = {}) {
  return parley::import_dataset(db, parley::Dataset::ucdp, {file}, options);
}

bool flagged(const CsvRow& row) {
  const int low = std::stoi(row.at("low"));
  const int best = std::stoi(row.at("best"));
  const int high = std::stoi(row.at("high"));
  return low > best || best > high || low > high;
}

std::string join(const std::vector<std::string>& parts, const char* glue) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    out += (i ? glue : "") + parts[i];
  }
  return out;
}

std::string day_text(parley::Day day) {
  return date::format("%F", date::sys_days{date::floor<date::days>(day)});
}

std::string number(const std::optional<int>& n) {
  return n ? std::to_string(*n) : "";
}

// The row's source columns, rebuilt from its sources and claims.
void sources_columns(const parley::Database& db, const std::string& key,
                     CsvRow& out) {
  std::vector<std::string> offices, dates, headlines, articles;
  std::string original;
  for (int i = 1;; ++i) {
    const std::string n = "-" + std::to_string(i);
    auto source = db.source(parley::SourceId{"source:" + key + n});
    if (!source) break;
    auto claim = db.claim(parley::ClaimId{"claim:" + key + n});
    REQUIRE(claim);
    if (claim->claimant) original = db.actor(*claim->claimant)->names.at("en");
    offices.push_back(source->publisher);
    dates.push_back(source->published ? source->published->str() : "");
    headlines.push_back(source->title);
    articles.push_back('"' + offices.back() + ',' + dates.back() + ',' +
                       headlines.back() + '"');
  }
  out["source_office"] = join(offices, ";");
  out["source_date"] = join(dates, ";");
  out["source_headline"] = join(headlines, ";");
  out["source_article"] = join(articles, ";");
  out["source_original"] = original;
}

// Country ⊃ adm_1 ⊃ adm_2 ⊃ location, from the event's place upwards.
void place_columns(const parley::Database& db, const parley::Event& e,
                   CsvRow& out) {
  for (const char* c :
       {"adm_1", "adm_2", "where_coordinates", "latitude", "longitude"}) {
    out[c] = "";
  }
  for (auto id = e.place; id;) {
    const parley::Place p = *db.place(*id);
    const std::string& name = p.names.at("en");
    switch (p.kind) {
      case parley::PlaceKind::country:
        out["country"] = name;
        out["country_id"] = p.external_ids.at("gw");
        break;
      case parley::PlaceKind::region:
        out["adm_1"] = name;
        break;
      case parley::PlaceKind::area:
        out["adm_2"] = name;
        break;
      default:
        out["where_coordinates"] = name;
        if (p.coordinates) {
          out["latitude"] = nlohmann::json(p.coordinates->lat).dump();
          out["longitude"] = nlohmann::json(p.coordinates->lon).dump();
        }
    }
    id = p.parent;
  }
}

// Every column of a UCDP row, read back from the database: typed fields,
// then the attributes (which hold the original text where it differs).
CsvRow row_from_database(const parley::Database& db, const std::string& id) {
  const auto e = db.event(parley::EventId{"event:ucdp-" + id});
  REQUIRE(e);
  CsvRow out;
  out["id"] = e->external->id;
  const parley::Bounds b = e->time.bounds();
  out["date_start"] = day_text(*b.earliest_start);
  out["date_end"] = day_text(*b.latest_end - date::days{1});
  const auto& d = std::get<parley::Hostilities>(e->payload).deaths;
  out["low"] = number(d.low);
  out["best"] = number(d.best);
  out["high"] = number(d.high);
  out["deaths_a"] = number(d.side_a);
  out["deaths_b"] = number(d.side_b);
  out["deaths_civilians"] = number(d.civilians);
  out["deaths_unknown"] = number(d.unknown);
  for (const auto& [side, at] : {std::pair{"side_a", 0}, {"side_b", 1}}) {
    const auto actor = db.actor(e->participants.at(at).actor);
    out[side] = actor->names.at("en");
    out[std::string(side) + "_new_id"] = actor->external_ids.at("ucdp");
  }
  const auto dyad = db.process(*e->process);
  const auto conflict = db.process(*dyad->parent);
  out["dyad_name"] = dyad->names.at("en");
  out["dyad_new_id"] = dyad->id.value.substr(strlen("process:ucdp-dyad-"));
  out["conflict_name"] = conflict->names.at("en");
  out["conflict_new_id"] =
      conflict->id.value.substr(strlen("process:ucdp-conflict-"));
  place_columns(db, *e, out);
  sources_columns(db, "ucdp-" + id, out);
  for (const auto& [column, text] : e->attributes.value().items()) {
    out[column] = text.get<std::string>();
  }
  return out;
}

void check_row(const parley::Database& db, const CsvRow& source) {
  const CsvRow back = row_from_database(db, source.at("id"));
  for (const auto& cell : source) {
    // Not a structured binding: clang 14 cannot capture one (INFO).
    const std::string& column = cell.first;
    const std::string& text = cell.second;
    INFO("row " << source.at("id") << ", column " << column);
    if (column == "latitude" || column == "longitude") {
      CHECK(std::stod(back.at(column)) == std::stod(text));
    } else {
      CHECK(back.at(column) == text);
    }
  }
  CHECK(back.size() == source.size());
}

}  // namespace

TEST_CASE(
    "postgres backend: ucdp: the small file, every row and column given back") {
  const auto file = parley::test::shared_data(small_file);
  if (file.empty()) {
    MESSAGE("skipped: ../shared/data/" << small_file << " is absent");
    return;
  }
  const std::vector<CsvRow> rows = parley::test::read_csv_rows(file);
  REQUIRE(rows.size() == 377);
  REQUIRE(rows.front().size() == 41);
  parley::test::on_each_backend([&](parley::Database& db, const std::string&) {
    const parley::ImportCounts n = import_ucdp(db, file, {.release = "19.1"});
    CHECK(n.read == rows.size());
    CHECK(n.imported == rows.size());
    CHECK(n.read == n.imported + n.updated + n.unchanged + n.rejected);
    CHECK(n.flagged == static_cast<std::size_t>(
                           std::count_if(rows.begin(), rows.end(), flagged)));
    CHECK(db.totals().events == rows.size());
    for (const CsvRow& row : rows) check_row(db, row);
  });
}

TEST_CASE(
    "postgres backend: ucdp: the big file, none lost, 101 flagged, counts by "
    "month" *
    doctest::skip(parley::test::sanitized_build)) {
  const auto file = parley::test::shared_data(big_file);
  if (file.empty()) {
    MESSAGE("skipped: ../shared/data/" << big_file << " is absent");
    return;
  }
  const std::vector<CsvRow> rows = parley::test::read_csv_rows(file);
  REQUIRE(rows.size() == 16566);
  std::string on_sqlite;
  parley::test::on_each_backend([&](parley::Database& db,
                                    const std::string& backend) {
    const parley::ImportCounts n =
        import_ucdp(db, file,
                    {.release = "19.1",
                     .recorded = parley::parse_record_time("2019-06-01")});
    // Version for version what SQLite, which inserts each at once, stores.
    const std::string state = parley::test::stored_state(db);
    if (backend == "sqlite") {
      on_sqlite = state;
    } else {
      CHECK(state == on_sqlite);
    }
    CHECK(n.read == rows.size());
    CHECK(n.imported == rows.size());
    CHECK(n.rejected == 0);
    CHECK(n.read == n.imported + n.updated + n.unchanged + n.rejected);
    const auto flagged_rows = std::count_if(rows.begin(), rows.end(), flagged);
    CHECK(flagged_rows == 101);
    CHECK(n.flagged == static_cast<std::size_t>(flagged_rows));
    std::set<std::string> expected_flagged, listed;
    for (const CsvRow& row : rows) {
      if (flagged(row)) expected_flagged.insert("event:ucdp-" + row.at("id"));
    }
    for (const parley::FlaggedEvent& f : parley::flagged_events(db)) {
      listed.insert(f.event.value);
    }
    CHECK(listed == expected_flagged);
    std::size_t low_above_best = 0;
    for (const CsvRow& row : rows) {
      low_above_best += std::stoi(row.at("low")) > std::stoi(row.at("best"));
    }
    CHECK(parley::flagged_events(db, parley::FlagCode::deaths_low_above_best)
              .size() == low_above_best);

    // The flag index survives an export and a bulk import of the document
    // (a file larger than the empty database: src/store/sqlite/bulk.cpp).
    // SQLite only: the server's streamed import, in batches, is compared
    // with SQLite's in tests/bulk_versions_test.cpp, and this file's 16,566
    // events would add half a minute to the suite there.
    if (backend == "sqlite") {
      parley::test::TempDir dir;
      const auto exported = dir.path() / "ged.json";
      std::ofstream{exported} << db.export_json().dump();
      auto copy = parley::test::TestDatabase::open(backend);
      REQUIRE(copy);
      copy->db().import_file(exported);
      CHECK(parley::flagged_events(copy->db()) == parley::flagged_events(db));
    }

    // Events and best fatalities per month of date_start.
    std::map<std::string, std::pair<std::size_t, std::int64_t>> expected;
    for (const CsvRow& row : rows) {
      auto& [events, best] = expected[row.at("date_start").substr(0, 7)];
      ++events;
      best += std::stoi(row.at("best"));
    }
    std::map<std::string, std::pair<std::size_t, std::int64_t>> counted;
    for (const parley::Count& c :
         db.count({}, parley::Period::month, parley::GroupBy::none)) {
      counted[c.period] = {c.count, c.deaths_best};
    }
    CHECK(counted == expected);

    // A sample of rows, and every flagged row and irregular source list,
    // given back column by column.
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const CsvRow& row = rows[i];
      if (i % 40 == 0 || flagged(row) ||
          row.at("source_office").find(';') != std::string::npos) {
        check_row(db, row);
      }
    }
  });
}

TEST_CASE("ucdp: a coalition side is found by each of its groups" *
          doctest::skip(parley::test::sanitized_build)) {
  const auto file = parley::test::shared_data(big_file);
  if (file.empty()) {
    MESSAGE("skipped: ../shared/data/" << big_file << " is absent");
    return;
  }
  std::size_t involving = 0;
  for (const CsvRow& row : parley::test::read_csv_rows(file)) {
    bool found = false;
    for (const char* side : {"side_a", "side_b"}) {
      std::string names = row.at(side) + ", ";
      for (std::size_t at = 0, end; (end = names.find(", ", at)) != names.npos;
           at = end + 2) {
        found = found || names.substr(at, end - at) == "Ahrar al-Sham";
      }
    }
    involving += found;
  }
  parley::Database db{":memory:"};
  import_ucdp(db, file);
  parley::Query q;
  q.actors = {parley::ActorId{"actor:ucdp-Ahrar_al-Sham"}};
  std::size_t alone = 0, with_members = 0;
  for (const auto& c : db.count(q, parley::Period::year, parley::GroupBy::none))
    alone += c.count;
  q.include_members = true;
  for (const auto& c : db.count(q, parley::Period::year, parley::GroupBy::none))
    with_members += c.count;
  CHECK(alone < involving);
  CHECK(with_members == involving);
}
