// Text search: Arabic light stemming (parley/normalize.hpp's arabic_stems
// and arabic_query_stems), English porter stemming, the names of containing
// places and the headlines of cited sources in the index, and migration 007
// answering as a fresh database does.
#include <algorithm>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <doctest/doctest.h>

#include "parley/database.hpp"
#include "parley/normalize.hpp"
#include "parley/query.hpp"

#include "support.hpp"

namespace {

using Ids = std::vector<std::string>;

struct Pair {
  const char* document;  // an event's title
  const char* query;
  bool matches;
};

// Each pair: the document alone in the database, then the query. Expected
// values by hand, from the rules in normalize.hpp.
const Pair arabic[] = {
    {"حصار الغوطة الشرقية", "غوطة", true},    // article off
    {"الجولة الرابعة بجنيف", "جنيف", true},   // preposition off
    {"محادثات جنيف", "بجنيف", true},          // off the query too
    {"تصريح علوش للصحفيين", "العلوش", true},  // article off the query
    {"قال العلوش", "علوش", true},             //
    {"انتهاء المفاوضات", "مفاوضات", true},    // article, plural ات
    {"وفد المفاوضين", "مفاوضات", true},       // ين and ات: مفاوض
    {"والمفاوضات مستمرة", "المفاوضة", true},  // وال, ة
    {"بنود الاتفاقية", "اتفاقيات", true},     // ية and يات: اتفاق
    {"اتفاق وقف النار", "الاتفاق", true},     //
    {"وصل الوفد", "وفد", true},               // short stem kept whole
    {"المعارضة السورية", "معارضه", true},     // ة written as ه
    {"للحكومة السورية", "حكومة", true},       // لل
    {"قصف في حلب", "بحلب", true},             // ب off a 3-letter word
    {"اجتماع بأستانا", "أستانا", true},       // hamza normalised, ب off
    {"إيران وروسيا وتركيا", "روسيا", true},   // و off
    {"اللقاء في لبنان", "بلبنان", true},      // a word with ل in its root
    {"ضمانات في بلبنان", "لبنان", true},      //
    {"وقف النار", "وقفة", true},              // ة: a stem of 3 letters
    {"وفد المعارضة", "وفود", false},          // a broken plural: no
    {"حلب", "حلبة", true},                    // ة off, 3 letters left
    {"قصف", "وصف", false},                    // و not taken off قصف/وصف
    {"الأمم المتحدة", "متحد", true},          //
    {"وزير الخارجية", "الوزير", true},        //
    {"مطار دمشق", "دمشقية", true},            // ية
    {"اجتماع أستانا", "جنيف", false},         // another word entirely
    {"سيرغي لافروف", "لافروفي", true},        // ي
    {"الغوطة", "غوطتين", false},              // dual ت+ين: not stripped
};

const Pair english[] = {
    {"Negotiated ceasefire in Ghouta", "negotiations", true},
    {"Negotiations resume in Geneva", "negotiated", true},
    {"Talks between delegations", "talk", true},
    {"A delegation arrives", "delegations", true},
    {"Shelling of the capital", "shelled", true},
    {"Convoys reach the city", "convoy", true},
    {"Detainees released", "release", true},
    {"Monitoring the truce", "monitored", true},
    {"Agreement on monitoring", "agreements", true},
    {"Fighting in the north", "fights", true},
    {"Talks in Astana", "stalks", false},
    {"Convoy reached the river", "driver", false},
    {"Meeting in Genève", "geneve", true},  // diacritics folded
};

parley::Event titled(const std::string& id, const char* title) {
  return parley::test::make_event(id, "2017-02-16", title);
}

bool finds(const Pair& p) {
  parley::Database db{":memory:"};
  db.add(titled("event:doc", p.document));
  parley::Query q;
  q.text = p.query;
  return !db.query(q).events.empty();
}

}  // namespace

TEST_CASE("arabic_stems: article, prefixes and suffixes, three letters kept") {
  using V = std::vector<std::string>;
  CHECK(parley::arabic_stems("والمفاوضات") == V{"والمفاوض", "مفاوض"});
  CHECK(parley::arabic_stems("الغوطه") == V{"الغوط", "غوط"});
  CHECK(parley::arabic_stems("بجنيف") == V{"جنيف"});
  CHECK(parley::arabic_stems("وفد").empty());       // و would leave 2 letters
  CHECK(parley::arabic_stems("الله") == V{"الل"});  // ال would leave 2
  CHECK(parley::arabic_stems("Geneva").empty());    // not Arabic
  CHECK(parley::arabic_stems("جنيف2").empty());     // not all letters
  CHECK(parley::arabic_query_stems("لبنان") == V{"لبن", "بنان", "نان"});
  CHECK(parley::arabic_stems("بلبنان") ==
        V{"بلبن", "لبن", "بنان", "نان"});  // three
  CHECK(parley::arabic_query_stems("وبالغوطه") ==
        V{"وبالغوط", "بالغوط", "غوط"});
  CHECK(parley::arabic_query_stems("علوش").empty());
}

TEST_CASE("Arabic query/document pairs") {
  for (const Pair& p : arabic) {
    INFO(p.document << " / " << p.query);
    CHECK(finds(p) == p.matches);
  }
}

TEST_CASE("English query/document pairs (porter)") {
  for (const Pair& p : english) {
    INFO(p.document << " / " << p.query);
    CHECK(finds(p) == p.matches);
  }
}

TEST_CASE("a word matches its exact form as well as its stem") {
  parley::Database db{":memory:"};
  db.add(titled("event:exact", "الغوطة"));
  db.add(titled("event:other", "الغوطات"));  // same stem غوط
  db.add(titled("event:none", "الغطاء"));
  parley::Query q;
  q.text = "الغوطة";
  Ids found;
  for (const auto& e : db.query(q).events) found.push_back(e.id.value);
  std::sort(found.begin(), found.end());
  CHECK(found == Ids{"event:exact", "event:other"});
}

namespace {

Ids found(const parley::Database& db, const std::string& text) {
  parley::Query q;
  q.text = text;
  q.limit = 0;
  Ids out;
  for (const auto& e : db.query(q).events) out.push_back(e.id.value);
  std::sort(out.begin(), out.end());
  return out;
}

parley::Place place(const std::string& id, parley::PlaceKind kind,
                    parley::Texts names, const char* parent) {
  parley::Place p;
  p.id = parley::PlaceId{id};
  p.kind = kind;
  p.names = std::move(names);
  if (parent) p.parent = parley::PlaceId{parent};
  return p;
}

// Syria > Aleppo governorate > Aleppo; an event in the city, another with
// a claim citing a source whose headline names the citadel.
void add_aleppo(parley::Database& db) {
  using parley::PlaceKind;
  db.add(place("place:syria", PlaceKind::country,
               {{"en", "Syria"}, {"ar", "سوريا"}}, nullptr));
  db.add(place("place:aleppo-gov", PlaceKind::region,
               {{"en", "Aleppo governorate"}, {"ar", "محافظة حلب"}},
               "place:syria"));
  db.add(place("place:aleppo", PlaceKind::city, {{"en", "Aleppo city"}},
               "place:aleppo-gov"));
  parley::Event in_city = titled("event:in-city", "Shelling reported");
  in_city.place = parley::PlaceId{"place:aleppo"};
  db.add(in_city);
  db.add(titled("event:cited", "Clashes reported"));
  parley::Source source;
  source.id = parley::SourceId{"source:report"};
  source.title = "Fighting near the citadel";
  db.add(source);
  parley::Claim claim;
  claim.id = parley::ClaimId{"claim:1"};
  claim.event = parley::EventId{"event:cited"};
  claim.source = source.id;
  db.add(claim);  // no quote: the headline alone is indexed
}

}  // namespace

TEST_CASE("the index holds containing places and cited sources' headlines") {
  parley::Database db{":memory:"};
  add_aleppo(db);
  CHECK(found(db, "governorate") == Ids{"event:in-city"});
  CHECK(found(db, "سوريا") == Ids{"event:in-city"});
  CHECK(found(db, "بمحافظة") == Ids{"event:in-city"});  // stemmed too
  CHECK(found(db, "citadel") == Ids{"event:cited"});
  CHECK(found(db, "fight") == Ids{"event:cited"});  // porter
  CHECK(found(db, "reported") == Ids{"event:cited", "event:in-city"});
}

TEST_CASE("the Astana example: Geneva in Arabic, with and without ب") {
  const parley::Database& db = parley::test::astana_db();
  // event:geneva-4 is at place:geneva, whose Arabic name is جنيف.
  const Ids geneva = found(db, "جنيف");
  CHECK(std::count(geneva.begin(), geneva.end(), "event:geneva-4") == 1);
  CHECK(found(db, "بجنيف") == geneva);
  // Kazakhstan is the country containing Astana: the round is found by it.
  const Ids kazakhstan = found(db, "Kazakhstan");
  CHECK(std::count(kazakhstan.begin(), kazakhstan.end(), "event:astana-2") ==
        1);
}
