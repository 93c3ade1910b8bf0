// parley::import_dataset with ACLED, GDELT 2.0 and PA-X files the project
// wrote in each format (tests/data/datasets/): the format traps of
// notes/datasets.md, and every column kept (typed, or in the attributes
// with its text). Expected values are read from the fixtures by the
// tests' own CSV reader, or written here by hand.
#include <fstream>
#include <iterator>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "parley/database.hpp"
#include "parley/datasets.hpp"
#include "parley/error.hpp"

#include "backends.hpp"
#include "datasets/formats.hpp"
#include "datasets_support.hpp"
#include "support.hpp"

namespace {

using parley::test::CsvRow;

std::filesystem::path fixture(const char* name) {
  return std::filesystem::path(PARLEY_SOURCE_DIR) / "tests" / "data" /
         "datasets" / name;
}

parley::Event event(const parley::Database& db, const std::string& id) {
  const auto e = db.event(parley::EventId{id});
  REQUIRE(e);
  return *e;
}

std::string attribute(const parley::Event& e, const char* column) {
  const nlohmann::json& a = e.attributes.value();
  return a.contains(column) ? a.at(column).get<std::string>() : "(absent)";
}

std::vector<std::string> participant_ids(const parley::Event& e) {
  std::vector<std::string> out;
  for (const auto& p : e.participants) out.push_back(p.actor.value);
  return out;
}

std::string name_of(const parley::Database& db, const parley::ActorId& id) {
  return db.actor(id)->names.at("en");
}

// ACLED's typed columns, rebuilt from the database; the attributes (the
// original text) take precedence.
CsvRow acled_from_database(const parley::Database& db, const parley::Event& e) {
  CsvRow out;
  out["event_id_cnty"] = e.external->id;
  out["event_date"] = e.time.str();
  out["actor1"] = name_of(db, e.participants.at(0).actor);
  if (e.participants.size() > 1) {
    out["actor2"] = name_of(db, e.participants.at(1).actor);
  }
  std::vector<std::string> areas;
  for (auto id = e.place; id;) {
    const parley::Place p = *db.place(*id);
    if (p.kind == parley::PlaceKind::country) {
      out["country"] = p.names.at("en");
      out["iso"] = p.external_ids.at("iso");
    } else if (p.kind == parley::PlaceKind::region) {
      out["admin1"] = p.names.at("en");
    } else if (p.kind == parley::PlaceKind::area) {
      areas.insert(areas.begin(), p.names.at("en"));
    } else {
      out["location"] = p.names.at("en");
      out["latitude"] = nlohmann::json(p.coordinates->lat).dump();
      out["longitude"] = nlohmann::json(p.coordinates->lon).dump();
    }
    id = p.parent;
  }
  for (std::size_t i = 0; i < areas.size(); ++i) {
    out["admin" + std::to_string(i + 2)] = areas[i];
  }
  std::string sources;
  for (const parley::Source& s : db.sources()) {
    if (s.id.value.rfind("source:acled-" + e.external->id + "-", 0) == 0) {
      sources += (sources.empty() ? "" : "; ") + s.publisher;
    }
  }
  out["source"] = sources;
  if (!e.summary.empty()) out["notes"] = e.summary.at("en");
  if (const auto* h = std::get_if<parley::Hostilities>(&e.payload)) {
    if (h->deaths.best) out["fatalities"] = std::to_string(*h->deaths.best);
  }
  for (const auto& [column, text] : e.attributes.value().items()) {
    out[column] = text.get<std::string>();
  }
  return out;
}

}  // namespace

TEST_CASE(
    "postgres backend: acled: both date forms, precision, NA and actor lists") {
  parley::test::on_each_backend([&](parley::Database& db, const std::string&) {
    const auto n = parley::import_dataset(db, parley::Dataset::acled,
                                          {fixture("acled-sample.csv")});
    const auto rows = parley::test::read_csv_rows(fixture("acled-sample.csv"));
    CHECK(n.read == rows.size());
    CHECK(n.imported == rows.size());

    const parley::Event battle = event(db, "event:acled-SYR9001");
    CHECK(battle.time.str() == "2023-01-31");
    CHECK(battle.external->key() == "acled:SYR9001");
    const auto& clash = std::get<parley::Hostilities>(battle.payload);
    CHECK(clash.kind == parley::HostilityKind::clashes);
    CHECK(clash.deaths.best == 4);
    CHECK(battle.summary.at("en") ==
          "Clashes near the village, with \"heavy\" losses.");
    CHECK(attribute(battle, "event_date") == "(absent)");
    CHECK(attribute(battle, "assoc_actor_1") == "NA");

    // "28 December 2022" with precision 2: the week around the coded day.
    const parley::Event strike = event(db, "event:acled-SYR9002");
    CHECK(strike.time.str() == "[2022-12-25..2022-12-31]");
    CHECK(attribute(strike, "event_date") == "28 December 2022");
    CHECK(attribute(strike, "time_precision") == "2");
    std::vector<std::string> names;
    for (const auto& p : strike.participants)
      names.push_back(name_of(db, p.actor));
    CHECK(names == std::vector<std::string>{"Military Forces of Russia (2000-)",
                                            "Civilians (Syria)",
                                            "Military Forces of Syria (2000-)",
                                            "Air Force of Syria"});
    CHECK(std::get<parley::Hostilities>(strike.payload).kind ==
          parley::HostilityKind::air_strike);

    // Precision 3: the month. Strategic developments / Agreement.
    const parley::Event deal = event(db, "event:acled-SYR9003");
    CHECK(deal.time.str() == "2023-01");
    CHECK(deal.kind() == parley::EventKind::agreement);
    CHECK(attribute(deal, "fatalities") == "0");

    const parley::Event protest = event(db, "event:acled-SYR9004");
    CHECK(std::get<parley::Custom>(protest.payload).name == "peaceful_protest");
    CHECK(attribute(protest, "actor2") == "NA");
    CHECK(protest.participants.size() == 3);

    // Every column of every row comes back.
    for (const CsvRow& row : rows) {
      const CsvRow back = acled_from_database(
          db, event(db, "event:acled-" + row.at("event_id_cnty")));
      for (const auto& cell : row) {
        // Not a structured binding: clang 14 cannot capture one (INFO).
        const std::string& column = cell.first;
        const std::string& text = cell.second;
        INFO(row.at("event_id_cnty") << " " << column);
        REQUIRE(back.count(column));
        if (column == "latitude" || column == "longitude") {
          CHECK(std::stod(back.at(column)) == std::stod(text));
        } else {
          CHECK(back.at(column) == text);
        }
      }
    }
  });
}

TEST_CASE(
    "postgres backend: acled: bad dates and precisions are listed, nothing "
    "written") {
  parley::test::on_each_backend([&](parley::Database& db, const std::string&) {
    const auto file = fixture("acled-bad.csv");
    const std::string before = parley::test::stored_state(db);
    try {
      parley::import_dataset(db, parley::Dataset::acled, {file});
      FAIL("bad rows were imported");
    } catch (const parley::Error& e) {
      const std::string f = file.string();
      CHECK(e.message().find(f + ":2:2 (event_date): '31 February 2023' is "
                                 "not a date") != std::string::npos);
      CHECK(e.message().find(f + ":3:4 (time_precision): not 1 (day), 2 "
                                 "(week) or 3 (month)") != std::string::npos);
    }
    CHECK(parley::test::stored_state(db) == before);
  });
}

TEST_CASE(
    "postgres backend: gdelt: CAMEO codes as strings, DATEADDED as the record "
    "time") {
  parley::test::on_each_backend([&](parley::Database& db, const std::string&) {
    const auto file = fixture("gdelt-sample.tsv");
    const auto rows = parley::test::read_csv_file(file, '\t');
    const auto n = parley::import_dataset(db, parley::Dataset::gdelt, {file});
    CHECK(n.read == rows.size());
    CHECK(n.imported == rows.size());
    CHECK(rows.at(0).size() == 61);

    const parley::Event truce = event(db, "event:gdelt-1001");
    CHECK(truce.time.str() == "2017-01-23");
    CHECK(std::get<parley::Ceasefire>(truce.payload).state ==
          parley::CeasefireState::declared);
    CHECK(attribute(truce, "EventCode") == "0871");
    CHECK(attribute(truce, "EventRootCode") == "08");
    CHECK(participant_ids(truce) ==
          std::vector<std::string>{"actor:gdelt-RUSGOV", "actor:gdelt-SYRREB"});
    CHECK(db.place(*truce.place)->coordinates ==
          parley::Coordinates{51.1811, 71.446});
    CHECK(db.source(parley::SourceId{"source:gdelt-1001"})->url ==
          "http://example.org/news/1001");
    const auto before = parley::parse_record_time("2017-01-23T15:29:59Z");
    const auto added = parley::parse_record_time("2017-01-23T15:30:00Z");
    CHECK_FALSE(db.event(truce.id, {.as_of = before}));
    CHECK(db.event(truce.id, {.as_of = added}));

    // No actor 1: kept as "" so the order gives actor 2 back. A quote in a
    // tab-separated cell is an ordinary character.
    const parley::Event intent = event(db, "event:gdelt-1002");
    CHECK(intent.kind() == parley::EventKind::statement);
    CHECK(attribute(intent, "Actor1Code") == "");
    CHECK(participant_ids(intent) ==
          std::vector<std::string>{"actor:gdelt-TURGOV"});
    CHECK(db.place(*intent.place)->names.at("en") ==
          "Say \"Hi\" Street, Ankara, Turkey");

    // "871" is not "0871": no CAMEO root 87.
    const parley::Event other = event(db, "event:gdelt-1003");
    CHECK(attribute(other, "EventCode") == "871");
    CHECK(std::get<parley::Custom>(other.payload).name == "cameo");
    CHECK(attribute(other, "SOURCEURL") == "");

    const parley::Event fight = event(db, "event:gdelt-1004");
    CHECK(std::get<parley::Hostilities>(fight.payload).perpetrator ==
          parley::ActorId{"actor:gdelt-SYRGOV"});
    CHECK(event(db, "event:gdelt-1005").kind() ==
          parley::EventKind::negotiation_round);

    // Every column not typed is kept with its text.
    const auto& columns = parley::detail::gdelt_columns();
    for (const char* column :
         {"MonthYear", "FractionDate", "Actor1CountryCode", "GoldsteinScale",
          "AvgTone", "ActionGeo_ADM1Code", "DATEADDED"}) {
      const auto at = std::find(columns.begin(), columns.end(), column);
      REQUIRE(at != columns.end());
      CHECK(attribute(truce, column) ==
            rows.at(0).at(static_cast<std::size_t>(at - columns.begin())));
    }
  });
}

// Found by fuzz/datasets.cpp: GDELT gives one actor code several names
// ("SYRIA", "DAMASCUS"), and each row its own record time (DATEADDED),
// earlier than the newest one stored. Importing the same release again
// took every row but the newest for a row of an older release and wrote
// the other name into the actor's history.
TEST_CASE("postgres backend: gdelt: a release imported again changes nothing") {
  parley::test::TempDir dir;
  std::ifstream in{fixture("gdelt-sample.tsv"), std::ios::binary};
  std::string text{std::istreambuf_iterator<char>(in), {}};
  const std::string syria = "\tSYRGOV\tSYRIA\t";
  const std::size_t second = text.find(syria, text.find(syria) + 1);
  REQUIRE(second != std::string::npos);
  text.replace(second, syria.size(), "\tSYRGOV\tDAMASCUS\t");
  const auto file = dir.path() / "gdelt.tsv";
  std::ofstream(file, std::ios::binary) << text;

  parley::test::on_each_backend([&](parley::Database& db, const std::string&) {
    parley::DatasetOptions options;
    options.release = "r1";
    options.recorded = parley::parse_record_time("2024-06-01");
    const auto first =
        parley::import_dataset(db, parley::Dataset::gdelt, {file}, options);
    REQUIRE(first.imported == first.read);
    const std::string before = parley::test::stored_state(db);
    const auto again =
        parley::import_dataset(db, parley::Dataset::gdelt, {file}, options);
    CHECK(again.read == first.read);
    CHECK(again.unchanged == again.read);
    CHECK(parley::test::stored_state(db) == before);
  });
}

// Found by fuzz/datasets.cpp: a row whose DATEADDED was after the import's
// record time wrote a version recorded in the future, and the same file
// imported again then counted as an older release of itself (refused, or
// with a version rewritten). Such a row is now a bad row.
TEST_CASE(
    "postgres backend: gdelt: a row added after the import's record time is "
    "a bad row") {
  parley::test::TempDir dir;
  std::ifstream in{fixture("gdelt-sample.tsv"), std::ios::binary};
  std::string text{std::istreambuf_iterator<char>(in), {}};
  const std::string added = "\t20170123153000\t";  // the first row's
  const std::size_t at = text.find(added);
  REQUIRE(at != std::string::npos);
  text.replace(at, added.size(), "\t22170123153000\t");
  const auto file = dir.path() / "gdelt.tsv";
  std::ofstream(file, std::ios::binary) << text;
  const auto& columns = parley::detail::gdelt_columns();
  const auto column =
      std::find(columns.begin(), columns.end(), std::string("DATEADDED")) -
      columns.begin() + 1;

  parley::test::on_each_backend([&](parley::Database& db, const std::string&) {
    parley::DatasetOptions options;
    options.release = "r1";
    options.recorded = parley::parse_record_time("2024-06-01");
    const std::string empty = parley::test::stored_state(db);
    try {
      parley::import_dataset(db, parley::Dataset::gdelt, {file}, options);
      FAIL("a row added in 2217 was imported in 2024");
    } catch (const parley::Error& e) {
      CHECK(e.code() == parley::Errc::bad_value);
      CHECK(e.message().find(file.string() + ":1:" + std::to_string(column) +
                             " (DATEADDED): 2217-01-23T15:30:00Z is after the "
                             "import's record time (2024-06-01T00:00:00Z)") !=
            std::string::npos);
    }
    CHECK(parley::test::stored_state(db) == empty);

    options.on_error = parley::OnError::skip;
    const auto first =
        parley::import_dataset(db, parley::Dataset::gdelt, {file}, options);
    CHECK(first.rejected == 1);
    CHECK(first.imported == first.read - 1);
    CHECK_FALSE(db.event(parley::EventId{"event:gdelt-1001"}));
    const std::string imported = parley::test::stored_state(db);
    const auto again =
        parley::import_dataset(db, parley::Dataset::gdelt, {file}, options);
    CHECK(again.rejected == 1);
    CHECK(again.unchanged == again.read - 1);
    CHECK(parley::test::stored_state(db) == imported);
  });
}

TEST_CASE("gdelt: CAMEO to PLOVER to parley kinds (notes/datasets.md)") {
  using K = parley::EventKind;
  const auto kind = [](const char* code) {
    return parley::detail::cameo_kind(code).kind;
  };
  const auto plover = [](const char* code) {
    return std::string(parley::detail::cameo_kind(code).plover);
  };
  CHECK(plover("036") == "AGREE");
  CHECK(kind("036") == K::statement);
  for (const char* consult : {"040", "041", "042", "043", "044", "045"}) {
    CHECK(plover(consult) == "CONSULT");
    CHECK(kind(consult) == K::meeting);
  }
  CHECK(kind("046") == K::negotiation_round);
  CHECK(plover("0353") == "AGREE");
  CHECK(plover("0356") == "AGREE");
  CHECK(plover("057") == "SUPPORT");
  CHECK(kind("057") == K::agreement);
  CHECK(kind("0841") == K::detainee_release);
  CHECK(kind("0871") == K::ceasefire);
  for (const char* demand : {"106", "107", "108"}) {
    CHECK(plover(demand) == "REQUEST");
    CHECK(kind(demand) == K::demand);
  }
  CHECK(kind("125") == K::rejection);
  CHECK(kind("127") == K::rejection);
  CHECK(plover("164") == "SANCTION");
  CHECK(kind("196") == K::ceasefire);
  CHECK(plover("196") == "ASSAULT");
  CHECK(kind("871") == K::custom);
  CHECK(plover("871") == "");
}

TEST_CASE(
    "postgres backend: pax: byte-order mark, both date forms, stage and "
    "sub-stage") {
  parley::test::on_each_backend([&](parley::Database& db, const std::string&) {
    const auto file = fixture("pax-sample.csv");
    const auto rows = parley::test::read_csv_rows(file);
    const auto n = parley::import_dataset(db, parley::Dataset::pax, {file});
    CHECK(n.read == rows.size());
    CHECK(n.imported == rows.size());

    const parley::Event astana = event(db, "event:pax-9001");
    CHECK(astana.time.str() == "2017-01-24");
    CHECK(attribute(astana, "Dat") == "24/01/2017");
    const auto& statement = std::get<parley::Agreement>(astana.payload);
    CHECK(statement.stage == parley::AgreementStage::pre_negotiation);
    CHECK(statement.sub_stage == "Proc");
    CHECK(statement.document == rows.at(0).at("Agt"));
    CHECK(attribute(astana, "Part") == "Iran\nRussia\nTurkey");
    CHECK(attribute(astana, "Con") == "Syria");  // no BOM in the name
    CHECK(db.process(*astana.process)->names.at("en") ==
          "Syrian peace process - Astana");

    const parley::Event memo = event(db, "event:pax-9002");
    CHECK(memo.time.str() == "2017-05-04");
    CHECK(attribute(memo, "Dat") == "(absent)");
    CHECK(std::get<parley::Agreement>(memo.payload).stage ==
          parley::AgreementStage::ceasefire);
    CHECK(std::get<parley::Agreement>(memo.payload).sub_stage == "Rel");

    const parley::Event unknown = event(db, "event:pax-9003");
    CHECK(std::get<parley::Agreement>(unknown.payload).stage ==
          parley::AgreementStage::other);
    CHECK(attribute(unknown, "Stage") == "Xyz");
    CHECK_FALSE(unknown.process);
    CHECK(attribute(unknown, "PP") == "");

    // The provision codes are kept as written.
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const parley::Event e = event(db, "event:pax-" + rows[i].at("AgtId"));
      CHECK(attribute(e, "GCh") == rows[i].at("GCh"));
      CHECK(attribute(e, "Cea") == rows[i].at("Cea"));
    }
  });
}
