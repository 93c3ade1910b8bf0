// parley/lookup.hpp: names compared without case or diacritics, in any
// language; unique starts; ambiguous and unknown names with candidates.
#include "parley/lookup.hpp"

#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "parley/error.hpp"

#include "support.hpp"

namespace {

using Ids = std::vector<std::string>;

parley::Place place(const char* id, parley::Texts names) {
  parley::Place p;
  p.id = parley::PlaceId{id};
  p.names = std::move(names);
  return p;
}

const std::vector<parley::Place> places = {
    place("place:syr", {{"en", "Syria"}, {"ar", "سوريا"}}),
    place("place:syr-aleppo-gov",
          {{"en", "Aleppo governorate"}, {"ar", "محافظة حلب"}}),
    place("place:syr-idlib", {{"en", "Idlib"}, {"ar", "إدلب"}}),
    place("place:che-geneva", {{"en", "Geneva"}, {"fr", "Genève"}}),
    place("place:syr-hama", {{"en", "Ḥamāh"}}),
    place("place:syr-douma-1", {{"en", "Douma"}}),
    place("place:syr-douma-2", {{"en", "DOUMA"}}),  // a namesake
};

template <class Found>
Ids ids(const Found& found) {
  Ids out;
  for (const auto& id : found) out.push_back(id.value);
  return out;
}

Ids find(const char* wanted) {
  return ids(parley::lookup(places, wanted, "--place"));
}

// The message of the Error that lookup throws for `wanted`.
std::string refusal(const char* wanted) {
  try {
    (void)parley::lookup(places, wanted, "--place");
  } catch (const parley::Error& e) {
    CHECK(e.code() == parley::Errc::bad_value);
    CHECK(e.where() == "--place");
    return e.message();
  }
  FAIL("no error for " << wanted);
  return "";
}

}  // namespace

TEST_CASE("fold_name: case, Latin diacritics, Arabic, white space") {
  CHECK(parley::fold_name("Genève") == "geneve");
  CHECK(parley::fold_name("IDLIB") == "idlib");
  CHECK(parley::fold_name("İdlib") == "idlib");
  CHECK(parley::fold_name("Ḥamāh") == "hamah");
  CHECK(parley::fold_name("Ærø  Łódź ") == "aero lodz");
  CHECK(parley::fold_name("Straße") == "strasse");
  CHECK(parley::fold_name("Gene\xCC\x80ve") == "geneve");  // combining grave
  CHECK(parley::fold_name("إدلب") == "ادلب");
  CHECK(parley::fold_name("9 × 3") == "9 × 3");
}

TEST_CASE("lookup: ids, names in any language, case and diacritics") {
  CHECK(find("place:syr") == Ids{"place:syr"});
  CHECK(find("idlib") == Ids{"place:syr-idlib"});
  CHECK(find("IDLIB") == Ids{"place:syr-idlib"});
  CHECK(find("ادلب") == Ids{"place:syr-idlib"});  // hamza normalised
  CHECK(find("geneve") == Ids{"place:che-geneva"});
  CHECK(find("GENÈVE") == Ids{"place:che-geneva"});
  CHECK(find("hamah") == Ids{"place:syr-hama"});
  // A name shared by several places means all of them.
  CHECK(find("Douma") == Ids{"place:syr-douma-1", "place:syr-douma-2"});
}

TEST_CASE("lookup: the unique start of a name or an id") {
  CHECK(find("Aleppo") == Ids{"place:syr-aleppo-gov"});
  CHECK(find("aleppo gov") == Ids{"place:syr-aleppo-gov"});
  CHECK(find("محافظة") == Ids{"place:syr-aleppo-gov"});
  CHECK(find("place:che") == Ids{"place:che-geneva"});
  CHECK(find("Gen") == Ids{"place:che-geneva"});
}

TEST_CASE("lookup: ambiguous and unknown names list candidates") {
  CHECK(refusal("Dou") ==
        "'Dou' is the start of 2 places; did you mean Douma "
        "(place:syr-douma-1), DOUMA (place:syr-douma-2)?");
  CHECK(refusal("place:syr-") ==
        "'place:syr-' is the start of 5 places; did you mean Aleppo "
        "governorate (place:syr-aleppo-gov), Idlib (place:syr-idlib), Ḥamāh "
        "(place:syr-hama), Douma (place:syr-douma-1), DOUMA "
        "(place:syr-douma-2)?");
  CHECK(refusal("place:") ==
        "'place:' is the start of 7 places; did you mean Syria (place:syr), "
        "Aleppo governorate (place:syr-aleppo-gov), Idlib (place:syr-idlib), "
        "Geneva (place:che-geneva), Ḥamāh (place:syr-hama) (or 2 more)?");
  CHECK(refusal("leppo") ==
        "no place id, name or start of one 'leppo'; did you mean Aleppo "
        "governorate (place:syr-aleppo-gov)?");
  CHECK(refusal("Homs") == "no place id, name or start of one 'Homs'");
  CHECK(refusal("") == "no place id, name or start of one ''");
}

TEST_CASE("lookup: actors by alias, processes by name") {
  parley::Actor alloush;
  alloush.id = parley::ActorId{"actor:alloush"};
  alloush.names = {{"en", "Mohammed Alloush"}, {"ar", "محمد علوش"}};
  alloush.aliases = {"Mohammad Alloush"};
  const std::vector<parley::Actor> actors{alloush};
  CHECK(ids(parley::lookup(actors, "mohammad alloush", "--actor")) ==
        Ids{"actor:alloush"});
  CHECK(ids(parley::lookup(actors, "محمد", "--actor")) == Ids{"actor:alloush"});
  parley::Process geneva;
  geneva.id = parley::ProcessId{"process:geneva"};
  geneva.names = {{"en", "Geneva talks"}};
  const std::vector<parley::Process> processes{geneva};
  CHECK(ids(parley::lookup(processes, "geneva", "--process")) ==
        Ids{"process:geneva"});
  CHECK_THROWS_AS(parley::lookup(processes, "astana", "--process"),
                  parley::Error);
}

TEST_CASE("lookup: of nested places that start so, the one holding the rest") {
  std::vector<parley::Place> nested = {
      place("place:gov", {{"en", "Aleppo governorate"}}),
      place("place:district", {{"en", "Aleppo district"}}),
      place("place:city", {{"en", "Aleppo city"}}),
      place("place:other", {{"en", "Aleppo outskirts"}}),
  };
  nested[1].parent = parley::PlaceId{"place:gov"};
  nested[2].parent = parley::PlaceId{"place:district"};
  CHECK(ids(parley::lookup(nested, "aleppo d", "--place")) ==
        Ids{"place:district"});
  // place:other is outside the governorate: no one place holds the rest.
  CHECK_THROWS_WITH(
      parley::lookup(nested, "Aleppo", "--place"),
      "--place: 'Aleppo' is the start of 4 places; did you mean Aleppo "
      "governorate (place:gov), Aleppo district (place:district), Aleppo "
      "city (place:city), Aleppo outskirts (place:other)?");
  nested[3].parent = parley::PlaceId{"place:gov"};
  CHECK(ids(parley::lookup(nested, "Aleppo", "--place")) == Ids{"place:gov"});
}
