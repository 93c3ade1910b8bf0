#!/usr/bin/env bash
# The README's commands for times as rules, deadlines and flagged events.
# Expected ids and dates are worked out by hand from the input files:
#   tests/rules/calendar.json (see tests/time_rule_test.cpp): a ceasefire
#   at 2016-11-30 23:30 in Bogota; withdraw-start ../2016-12-05,
#   withdraw-complete 2016-12-05/2016-12-26, pledge-exchange deadline
#   ../2017-01-05; moved two days later, each moves two days.
#   tests/report/calendar.json (see tests/report_pledges_test.cpp):
#   stop-shelling deadline 02-20, violated (link recorded 02-22); release
#   03-01, fulfilled (link recorded 03-04); lift-siege 02-25, no link;
#   open, no deadline.
set -euo pipefail
parley="$1/parley"
source=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
passed=0
pass() { passed=$((passed + 1)); }
fail() { echo "FAILED: $*"; exit 1; }
# The event ids of a timeline's CSV (its id column), sorted, one line.
ids() { "$parley" timeline "$@" --format csv | python3 -c '
import csv, sys
rows = list(csv.DictReader(sys.stdin))
print(" ".join(sorted(r["event_id"] for r in rows)))'; }
# The time of one event, from the JSON export.
time_of() { "$parley" export "$1" | python3 -c '
import json, sys
d = json.load(sys.stdin)
e = [e for e in d["events"] if e["id"] == sys.argv[1]][0]
print(e["details"]["deadline"] if sys.argv[2] == "deadline" else e["time"])' "$2" "${3:-time}"; }

# Times as rules: derived on import, re-derived when the anchor moves.
"$parley" init rules.db && "$parley" import rules.db "$source/tests/rules/calendar.json" && pass
[[ $(time_of rules.db event:withdraw-start) == "../2016-12-05" ]] || fail "withdraw-start"
[[ $(time_of rules.db event:withdraw-complete) == "2016-12-05/2016-12-26" ]] || fail "withdraw-complete"
[[ $(time_of rules.db event:pledge-exchange deadline) == "../2017-01-05" ]] || fail "deadline"
pass
cat > moved.json <<'JSON'
{"format": "parley", "version": 1, "recorded": "2016-12-10T09:00:00Z",
 "events": [{"id": "event:ceasefire", "kind": "ceasefire",
   "title": {"en": "Definitive ceasefire enters into force"},
   "time": "2016-12-03T04:30:00Z",
   "time_of_day": {"start": "23:30", "zone": "America/Bogota"},
   "details": {"scope": "national", "state": "in_force"}}]}
JSON
"$parley" import rules.db moved.json && pass
[[ $(time_of rules.db event:withdraw-start) == "../2016-12-07" ]] || fail "moved withdraw-start"
[[ $(time_of rules.db event:pledge-exchange deadline) == "../2017-01-07" ]] || fail "moved deadline"
out=$("$parley" timeline rules.db --as-of 2016-12-05 --kind custom --format csv)
grep -q "2016-12-05/2016-12-26" <<<"$out" || fail "--as-of before the move: $out"
out=$("$parley" timeline rules.db --kind custom --format csv)
grep -q "2016-12-07/2016-12-28" <<<"$out" || fail "after the move: $out"
pass
cat > cycle.json <<'JSON'
{"format": "parley", "version": 1,
 "events": [{"id": "event:withdraw-start", "kind": "custom",
   "title": {"en": "Forces withdraw"},
   "time_rule": {"anchor_event": "event:withdraw-complete", "rule": "later", "count": 1},
   "details": {"name": "withdrawal"}}]}
JSON
status=0; out=$("$parley" import rules.db cycle.json 2>&1) || status=$?
[[ $status == 65 ]] || fail "cycle: exit $status"
grep -q "event:withdraw-start → event:withdraw-complete → event:withdraw-start" <<<"$out" || fail "cycle: $out"
pass

# Deadlines you can ask about.
"$parley" init pledges.db && "$parley" import pledges.db "$source/tests/report/calendar.json" && pass
[[ $(ids pledges.db --overdue-as-of 2017-02-26) == "event:pledge-lift-siege event:pledge-stop-shelling" ]] || fail "--overdue-as-of 02-26"
[[ $(ids pledges.db --overdue-as-of 2017-02-21) == "event:pledge-stop-shelling" ]] || fail "--overdue-as-of 02-21"
[[ $(ids pledges.db --due-by 2017-02-22) == "event:pledge-stop-shelling" ]] || fail "--due-by"
[[ $(ids pledges.db --pledge-status fulfilled) == "event:pledge-release" ]] || fail "--pledge-status"
[[ $(ids pledges.db --violated) == "event:pledge-stop-shelling" ]] || fail "--violated"
[[ $(ids pledges.db --due-between 2017-02-01 2017-02-28) == "event:pledge-lift-siege event:pledge-stop-shelling" ]] || fail "--due-between"
out=$("$parley" report pledges pledges.db --due-by 2017-02-22 --format csv)
grep -q "pledge-stop-shelling" <<<"$out" && ! grep -q "pledge-lift-siege" <<<"$out" || fail "report --due-by: $out"
pass

# Pledge flags page with --limit (the cursor on stderr continues exactly)
# and count in `parley count`: overdue as of 02-26 are lift-siege (deadline
# 02-25) and stop-shelling (02-20), both made on 02-16, so in id order.
first=$("$parley" timeline pledges.db --overdue-as-of 2017-02-26 --limit 1 --format csv 2>cursor.txt | python3 -c '
import csv, sys
print(" ".join(r["event_id"] for r in csv.DictReader(sys.stdin)))')
cursor=$(sed -n 's/^next: //p' cursor.txt)
[[ -n $cursor ]] || fail "--limit 1 gave no cursor"
second=$("$parley" timeline pledges.db --overdue-as-of 2017-02-26 --limit 1 --after "$cursor" --format csv 2>cursor.txt | python3 -c '
import csv, sys
print(" ".join(r["event_id"] for r in csv.DictReader(sys.stdin)))')
[[ "$first $second" == "event:pledge-lift-siege event:pledge-stop-shelling" ]] || fail "pages: $first / $second"
! grep -q "^next:" cursor.txt || [[ $(ids pledges.db --overdue-as-of 2017-02-26 --limit 1 --after "$(sed -n 's/^next: //p' cursor.txt)") == "" ]] || fail "a third page"
out=$("$parley" count pledges.db --overdue-as-of 2017-02-26 --group none --format csv)
[[ $(tail -n +2 <<<"$out" | awk -F, '{n += $2} END {print n}') == 2 ]] || fail "count --overdue-as-of: $out"
out=$("$parley" count pledges.db --pledge-status fulfilled --by year --format json)
grep -q '"events": 1' <<<"$out" || fail "count --pledge-status: $out"
pass

# Hours, and D-day in words, in parley resolve; an hour rule stored.
edtf() { python3 -c 'import json, sys; print(json.load(sys.stdin)["edtf"])'; }
[[ $("$parley" resolve --anchor 2017-02-16 "within 72 hours" | edtf) == "2017-02-16/2017-02-19" ]] || fail "within 72 hours"
[[ $("$parley" resolve --anchor 2017-02-16 --lang ar "خلال 72 ساعة" | edtf) == "2017-02-16/2017-02-19" ]] || fail "خلال 72 ساعة"
# 06:00 EST on 03-10 + 72 hours on the clock: 06:00 EDT on 03-13.
[[ $("$parley" resolve --anchor 2017-03-10T06:00:00-05:00 --zone America/New_York "within 72 hours" | edtf) == "2017-03-10T06:00:00-05:00/2017-03-13T06:00:00-04:00" ]] || fail "within 72 hours on the clock"
# The ceasefire, 23:30 on 11-30 in Bogota (-05:00), + 48 hours.
[[ $("$parley" resolve --db rules.db --anchor-event event:ceasefire "no later than 48 hours after the ceasefire" | edtf) == "../2016-12-04T23:30:00-05:00" ]] || fail "48 hours after the moved ceasefire"
[[ $("$parley" resolve --anchor 2017-02-16 "D minus 7" | edtf) == "2017-02-09" ]] || fail "D minus 7"
[[ $("$parley" resolve --anchor 2017-02-16 "seven days before D-day" | edtf) == "2017-02-09" ]] || fail "seven days before D-day"
[[ $("$parley" resolve --anchor 2017-02-16 --lang ar "قبل اليوم D بسبعة أيام" | edtf) == "2017-02-09" ]] || fail "قبل اليوم D بسبعة أيام"
"$parley" resolve --db rules.db --anchor-event event:ceasefire "within 72 hours" > rule.json
python3 - rule.json > hours.json <<'PY'
import json, sys
rule = json.load(open(sys.argv[1]))
print(json.dumps({"format": "parley", "version": 1, "recorded": "2016-12-11T00:00:00Z",
  "events": [{"id": "event:verify", "kind": "custom", "title": {"en": "Verification"},
              "time_rule": rule, "details": {"name": "verification"}}]}))
PY
"$parley" import rules.db hours.json || fail "import an hour rule"
out=$("$parley" help rules)
grep -qx "  d_day" <<<"$out" && grep -qx "  within" <<<"$out" && grep -qx "  hour" <<<"$out" || fail "help rules: $out"
[[ $(time_of rules.db event:verify) == "2016-12-02T23:30:00-05:00/2016-12-05T23:30:00-05:00" ]] || fail "stored hour rule: $(time_of rules.db event:verify)"
pass

# Flagged events.
cat > flagged.json <<'JSON'
{"format": "parley", "version": 1,
 "events": [
  {"id": "event:flagged", "kind": "hostilities", "title": {"en": "Shelling A"},
   "time": "2017-02-20", "details": {"kind": "shelling", "deaths_low": 5, "deaths_best": 3, "deaths_high": 6},
   "flags": [{"code": "deaths_low_above_best", "message": "low 5 > best 3"}]},
  {"id": "event:plain", "kind": "hostilities", "title": {"en": "Shelling B"},
   "time": "2017-02-21", "details": {"kind": "shelling", "deaths_low": 1, "deaths_best": 2, "deaths_high": 3}}]}
JSON
"$parley" init flagged.db && "$parley" import flagged.db flagged.json && pass
[[ $(ids flagged.db --flagged) == "event:flagged" ]] || fail "--flagged"
[[ $(ids flagged.db --flagged deaths_low_above_best) == "event:flagged" ]] || fail "--flagged CODE"
[[ $(ids flagged.db --flagged deaths_best_above_high) == "" ]] || fail "--flagged other CODE"
[[ $(ids flagged.db) == "event:flagged event:plain" ]] || fail "unfiltered"
out=$("$parley" count flagged.db --flagged --group kind)
grep -qE "^2017-02 +hostilities .* 1$" <<<"$out" || fail "count --flagged: $out"
pass
echo "$passed passed, 0 failed"
