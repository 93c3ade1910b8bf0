#!/usr/bin/env bash
# parley import --from ucdp: an older release imported after a newer one
# (the README's commands). Release b (recorded 2024-06-01) then release a
# (recorded 2024-01-01), on UCDP files this script writes: the timeline is
# release b's, as of 2024-03-01 it is release a's, as of 2023 it is empty.
set -euo pipefail
parley="$1/parley"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
fail() { echo "FAILED: $*"; exit 1; }

# ged-a.csv: events 1-3 with 3 deaths each; ged-b.csv: 1 with 5, 2 with 7,
# 4 with 1 (3 dropped). The other columns as in a GED 19.1 row.
python3 - <<'PY'
import csv
cols = ("id year active_year type_of_violence conflict_new_id conflict_name "
        "dyad_new_id dyad_name side_a_new_id side_a side_b_new_id gwnob side_b "
        "number_of_sources source_article source_office source_date "
        "source_headline source_original where_prec where_coordinates adm_1 "
        "adm_2 latitude longitude geom_wkt priogrid_gid country country_id "
        "region event_clarity date_prec date_start date_end deaths_a deaths_b "
        "deaths_civilians deaths_unknown low best high").split()
def row(i, deaths):
    day = "2017-02-1%d" % i
    v = dict(id=i, year=2017, active_year=1, type_of_violence=1,
             conflict_new_id=299, conflict_name="Syria: Government",
             dyad_new_id=11973, dyad_name="Government of Syria - Syrian insurgents",
             side_a_new_id=118, side_a="Government of Syria", side_b_new_id=4456,
             gwnob="", side_b="Syrian insurgents", number_of_sources=1,
             source_article="SOHR," + day, source_office="SOHR", source_date=day,
             source_headline="Shelling", source_original="SOHR", where_prec=1,
             where_coordinates="Teir Maaleh village", adm_1="Homs governorate",
             adm_2="Ar Rastan district", latitude=34.8, longitude=36.7,
             geom_wkt="POINT (36.7 34.8)", priogrid_gid=179714, country="Syria",
             country_id=652, region="Middle East", event_clarity=1, date_prec=1,
             date_start=day, date_end=day, deaths_a=0, deaths_b=deaths,
             deaths_civilians=0, deaths_unknown=0, low=deaths, best=deaths,
             high=deaths)
    return [v[c] for c in cols]
for name, rows in (("ged-a.csv", [row(1, 3), row(2, 3), row(3, 3)]),
                   ("ged-b.csv", [row(1, 5), row(2, 7), row(4, 1)])):
    with open(name, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(cols)
        w.writerows(rows)
PY

# The events' ids and best deaths in a timeline's CSV, sorted.
deaths() {  # TIMELINE ARGS...
  "$parley" timeline "$@" --format csv | python3 -c '
import csv, sys
rows = csv.DictReader(sys.stdin)
print(" ".join(sorted(r["event_id"] + "=" + r["deaths_best"] for r in rows)))'
}

out=$("$parley" import ged.db --from ucdp ged-b.csv --release b --recorded 2024-06-01)
[[ $out == "read 3, imported 3, updated 0, unchanged 0, rejected 0, flagged 0, closed 0" ]] ||
  fail "release b: $out"
current=$(deaths ged.db)
[[ $current == "event:ucdp-1=5 event:ucdp-2=7 event:ucdp-4=1" ]] || fail "release b: $current"
out=$("$parley" import ged.db --from ucdp ged-a.csv --release a --recorded 2024-01-01)
[[ $out == "read 3, imported 1, updated 2, unchanged 0, rejected 0, flagged 0, closed 0" ]] ||
  fail "release a: $out"
[[ $(deaths ged.db) == "$current" ]] || fail "current after a: $(deaths ged.db)"
got=$(deaths ged.db --as-of 2024-03-01)
[[ $got == "event:ucdp-1=3 event:ucdp-2=3 event:ucdp-3=3" ]] || fail "as of March: $got"
got=$(deaths ged.db --as-of 2023-06-01)
[[ -z $got ]] || fail "as of 2023: $got"
echo "PASSED"
