#!/usr/bin/env bash
# parley report and parley help: each report in each format on the pledge
# calendar (tests/report/calendar.json). Expected values are read from that
# file by hand: see tests/report_pledges_test.cpp for the worked dates.
set -euo pipefail
parley="$1/parley"
source=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
fail() { echo "FAILED: $*"; exit 1; }

"$parley" init cal.db
"$parley" import cal.db "$source/tests/report/calendar.json"

# Status, pledgers, guarantors, deadline, and the violating event.
out=$("$parley" report pledges cal.db)
block=$(sed -n '/^event:pledge-stop-shelling/,/^event:/p' <<<"$out")
grep -qx "  status: broken" <<<"$block" || fail "status: $out"
grep -qx "  pledgers: Russia; Turkey" <<<"$block" || fail "pledgers: $out"
grep -qx "  guarantors: Iran" <<<"$block" || fail "guarantors: $out"
grep -qx "  deadline: 2017-02-20" <<<"$block" || fail "deadline: $out"
grep -qx "  violated_by: event:shelling-douma" <<<"$block" || fail "$out"
grep -qx "  fulfilled_by: event:release-50" <<<"$out" || fail "fulfils: $out"

# Overdue as known at a record time: the fulfils link came on 03-04.
ids() { python3 -c 'import json,sys; print(" ".join(sorted(r["id"] for r in json.load(sys.stdin))))'; }
[[ $("$parley" report pledges cal.db --overdue-as-of 2017-02-24 --format json | ids) == \
   "event:pledge-stop-shelling" ]] || fail "overdue 02-24"
[[ $("$parley" report pledges cal.db --overdue-as-of 2017-03-03 --format json | ids) == \
   "event:pledge-lift-siege event:pledge-release event:pledge-stop-shelling" ]] || fail "overdue 03-03"
[[ $("$parley" report pledges cal.db --overdue-as-of 2017-03-05 --format json | ids) == \
   "event:pledge-lift-siege event:pledge-stop-shelling" ]] || fail "overdue 03-05"
[[ $("$parley" report pledges cal.db --as-of 2017-03-05 --pledge-status overdue --format json | ids) == \
   "event:pledge-lift-siege event:pledge-stop-shelling" ]] || fail "--pledge-status overdue"
[[ $("$parley" report pledges cal.db --due-between 2017-02-20 2017-02-25 --format json | ids) == \
   "event:pledge-lift-siege event:pledge-stop-shelling" ]] || fail "--due-between"
[[ $("$parley" report pledges cal.db --due-from 2017-02-26 --format json | ids) == \
   "event:pledge-release" ]] || fail "--due-from"
[[ $("$parley" report pledges cal.db --pledge-status fulfilled --format json | ids) == \
   "event:pledge-release" ]] || fail "--pledge-status fulfilled"

# A filter that leaves the violating event out keeps its link.
out=$("$parley" report pledges cal.db --from 2017-02-16 --to 2017-02-16 --actor actor:russia --format json)
python3 - "$out" <<'PY' || fail "filtered: $out"
import json, sys
rows = {r["id"]: r for r in json.loads(sys.argv[1])}
assert sorted(rows) == ["event:pledge-lift-siege", "event:pledge-stop-shelling"], rows
assert rows["event:pledge-stop-shelling"]["violated_by"] == ["event:shelling-douma"]
assert rows["event:pledge-stop-shelling"]["pledgers"] == ["Russia", "Turkey"]
PY

# CSV: a header and one record per pledge, read by Python's csv module.
"$parley" report pledges cal.db --format csv -o pledges.csv
python3 - <<'PY' || fail "csv"
import csv
rows = list(csv.DictReader(open("pledges.csv", newline="")))
assert len(rows) == 4, rows
shelling = [r for r in rows if r["id"] == "event:pledge-stop-shelling"][0]
assert shelling["pledgers"] == "Russia; Turkey" and shelling["status"] == "broken"
PY
out=$("$parley" report pledges cal.db --format md)
grep -q '^| id | title | status |' <<<"$out" || fail "md: $out"
[[ $(grep -c '^| event:' <<<"$out") == 4 ]] || fail "md rows: $out"

# Schedule: the overnight meeting in its zone and in UTC (Damascus is
# UTC+2 in February 2017: 20:00-02:00 local is 18:00Z-00:00Z).
out=$("$parley" report schedule cal.db)
grep -qx "  clock: 20:00–02:00 Asia/Damascus, from the evening of the 3rd into the early hours of the 4th" <<<"$out" || fail "clock: $out"
grep -qx "  clock_utc: 2017-02-03T18:00Z/2017-02-04T00:00Z" <<<"$out" || fail "utc: $out"
out=$("$parley" export cal.db)
grep -q '"utc": "2017-02-03T18:00Z/2017-02-04T00:00Z"' <<<"$out" || fail "export utc"

# Accounts and contradictions: the opposition asserts, the government denies.
out=$("$parley" report accounts cal.db --format csv)
[[ $(grep -c "^event:shelling-douma," <<<"$out") == 2 ]] || fail "accounts: $out"
out=$("$parley" report contradictions cal.db --format json)
python3 - "$out" <<'PY' || fail "contradictions: $out"
import json, sys
rows = json.loads(sys.argv[1])
assert len(rows) == 1 and rows[0]["kind"] == "assert_deny", rows
assert {rows[0]["first_claimant"], rows[0]["second_claimant"]} == {"Opposition delegation", "Government delegation"}
PY
# Upcoming as known on 2017-02-20: the only planned event (the talks of the
# 3rd) is held, so nothing is scheduled.
out=$("$parley" report upcoming cal.db --as-of 2017-02-20)
[[ "$out" == "(none)" ]] || fail "upcoming: $out"
out=$("$parley" report slippage cal.db --format csv)
grep -qx "process:truce,1,0,0,0"$'\r' <<<"$out" || fail "slippage: $out"

# Each report has --help with an example.
for r in pledges accounts contradictions schedule upcoming slippage; do
  "$parley" report "$r" --help | grep -q "parley report $r" || fail "$r --help"
done
code=0; "$parley" report pledges cal.db --format xml >/dev/null 2>&1 || code=$?
[[ $code == 65 ]] || fail "bad format exit $code"
code=0; "$parley" report pledges cal.db --due-between 2017-02 2017-03 >/dev/null 2>&1 || code=$?
[[ $code == 65 ]] || fail "--due-between a month: exit $code"

# The vocabulary, from the enums' name tables.
out=$("$parley" help kinds)
grep -Eq "^  pledge +commitment$" <<<"$out" || fail "help kinds: $out"
grep -Eq "^  hostilities +violence$" <<<"$out" || fail "help kinds: $out"
"$parley" help roles | grep -qx "  guarantor" || fail "help roles"
"$parley" help relations | grep -qx "  overlapped-by" || fail "help relations"
"$parley" help statuses | grep -qx "  partly_fulfilled" || fail "help statuses"
"$parley" help links | grep -qx "  violates" || fail "help links"

# Ids by a unique prefix; an ambiguous one lists candidates and exits 65.
out=$("$parley" report pledges cal.db --actor actor:tur --format json | ids)
[[ "$out" == "event:pledge-stop-shelling" ]] || fail "prefix: $out"
code=0; err=$("$parley" report pledges cal.db --actor actor: 2>&1 >/dev/null) || code=$?
[[ $code == 65 ]] || fail "ambiguous prefix exit $code"
grep -qF "is the start of 5 actors; did you mean Russia (actor:russia), Turkey (actor:turkey), Iran (actor:iran)" <<<"$err" || fail "candidates: $err"
# parley resolve anchored on an event: the overnight talks of 2017-02-03
# (in Asia/Damascus, the zone of their clock time).
out=$("$parley" resolve --db cal.db --anchor-event event:talks-overnight "a week after the signing")
python3 - "$out" <<'PY' || fail "resolve --anchor-event: $out"
import json, sys
r = json.loads(sys.argv[1])
assert r["edtf"] == "2017-02-10" and r["rule"] == "later" and r["offset"] == "P1W", r
assert r["anchor"] == "2017-02-03" and r["zone"] == "Asia/Damascus", r
assert r["anchor_event"] == "event:talks-overnight" and r["sense"] == "on", r
PY
out=$("$parley" resolve --db cal.db --anchor-event event:talks-overnight "في موعد لا يتجاوز اليوم الثالث بعد التوقيع")
python3 - "$out" <<'PY' || fail "resolve --anchor-event (ar): $out"
import json, sys
r = json.loads(sys.argv[1])
assert r["edtf"] == "../2017-02-06" and r["rule"] == "day_after", r
assert r["sense"] == "no_later_than" and r["offset"] == "P3D", r
PY
code=0; "$parley" resolve --db cal.db --anchor-event event:nothing "D+180" >/dev/null 2>&1 || code=$?
[[ $code == 65 ]] || fail "unknown --anchor-event: exit $code"
echo "report: all passed"
