#!/usr/bin/env bash
# The README's CLI walk-through, with the exit codes of bad input: every
# command the README shows, checked for what it must print.
set -euo pipefail
parley="$1/parley"
source=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
passed=0
pass() { passed=$((passed + 1)); }
fail() { echo "FAILED: $*"; exit 1; }

"$parley" init astana.db && pass
"$parley" import astana.db "$source/examples/data/astana-2017.json" && pass

out=$("$parley" timeline astana.db --actor Iran)
grep -q "Opposition rejects any role for Iran" <<<"$out" || fail "--actor Iran: $out"
grep -q "backs a ceasefire across all of Syria" <<<"$out" || fail "--actor Iran: $out"
[[ $(grep -c "^[0-9o].*  " <<<"$out") == 2 ]] || fail "--actor Iran: not 2 events: $out"
pass

out=$("$parley" timeline astana.db --as-of 2017-02-16 --status scheduled)
grep -q "2017-02-23" <<<"$out" || fail "--as-of: $out"
grep -q "Geneva" <<<"$out" || fail "--as-of: $out"
out=$("$parley" timeline astana.db --as-of 2017-02-16T12:00:00Z --status scheduled)
! grep -q "Geneva" <<<"$out" || fail "nothing was recorded by noon: $out"
out=$("$parley" timeline astana.db --status scheduled)
! grep -q "Geneva" <<<"$out" || fail "Geneva is held now: $out"
pass

"$parley" timeline astana.db --format html -o astana.html
grep -q "<svg" astana.html || fail "html has no svg"
[[ ! -e astana.html.partial ]] || fail "partial file left"
pass

out=$("$parley" timeline astana.db --place Syria --format geojson)
grep -q '"FeatureCollection"' <<<"$out" || fail "geojson: $out"
pass

out=$("$parley" timeline astana.db --text "الغوطه" --format csv)
[[ $(wc -l <<<"$out") == 3 ]] || fail "csv text search: $out"
pass

# Paging: the cursor goes to stderr, the events to stdout.
"$parley" timeline astana.db --limit 10 --format csv >page1.csv 2>cursor
cursor=$(sed -n 's/^next: //p' cursor)
[[ -n "$cursor" ]] || fail "no cursor"
"$parley" timeline astana.db --limit 100 --after "$cursor" --format csv >page2.csv
[[ $(($(wc -l <page1.csv) + $(wc -l <page2.csv) - 2)) == 25 ]] || fail "pages"
pass

"$parley" export astana.db --history -o backup.json
"$parley" init copy.db && "$parley" import copy.db backup.json
cmp <("$parley" export astana.db --history) <("$parley" export copy.db --history) || fail "export/import"
pass

stats=$("$parley" stats astana.db)
grep -q '"events": 25' <<<"$stats" || fail "stats: $stats"
pass

# Bad input: the documented exit code, one line on stderr, nothing written.
before=$("$parley" export astana.db --history)
expect_exit() {  # CODE ARGS...
  local code=$1 status=0
  shift
  "$@" >out 2>err || status=$?
  [[ $status == "$code" ]] || fail "$* exited $status, wanted $code: $(cat err)"
  [[ $(wc -l <err) == 1 ]] || fail "$* printed not one line: $(cat err)"
  [[ ! -s out ]] || fail "$* printed to stdout"
  pass
}
printf '{"format": "parley", "version": 1, "events": [{"id": "event:x"' >broken.json
expect_exit 65 "$parley" import astana.db broken.json
grep -q "broken.json: line 1, column" err || fail "position: $(cat err)"
sed 's/"time": "2017-02-23", "planned"/"time": "2017-02-30", "planned"/' \
  "$source/examples/data/astana-2017.json" >bad-date.json
expect_exit 65 "$parley" import astana.db bad-date.json
grep -q "/events/[0-9]*/time" err || fail "JSON path: $(cat err)"
expect_exit 66 "$parley" import astana.db missing.json
expect_exit 66 "$parley" timeline missing.db
expect_exit 66 "$parley" stats missing.db
expect_exit 66 "$parley" export missing.db
expect_exit 65 "$parley" timeline astana.db --actor Nobody
expect_exit 65 "$parley" timeline astana.db --format bogus
expect_exit 65 "$parley" timeline astana.db --from 2017-13
expect_exit 65 "$parley" timeline astana.db --after garbage
expect_exit 64 "$parley" timeline
expect_exit 64 "$parley" import astana.db
expect_exit 64 "$parley" timeline astana.db --no-such-flag
expect_exit 73 "$parley" timeline astana.db -o /nonexistent/dir/out.txt
[[ "$("$parley" export astana.db --history)" == "$before" ]] || fail "database changed"
pass

for cmd in init import export timeline stats edtf resolve allen; do
  "$parley" "$cmd" --help | grep -q "Example" || fail "$cmd --help has no example"
done
pass
# parley count: events per period as a bar chart, CSV and JSON; the CSV
# totals agree with stats.
out=$("$parley" count astana.db --by month --group none --format csv)
[[ "$(head -1 <<<"$out")" == "period,events" ]] || fail "count csv: $out"
total=$(tail -n +2 <<<"$out" | awk -F, '{s += $2} END {print s}')
events=$("$parley" stats astana.db | grep '"events"' | tr -dc 0-9)
[[ "$total" == "$events" ]] || fail "count total $total, stats $events"
"$parley" count astana.db --by year | grep -q "█" || fail "no bar chart"
"$parley" count astana.db --by month --actor Iran --format json |
  grep -q '"events"' || fail "count --format json"
"$parley" count astana.db --by year --group actor --format md |
  grep -q "^| period | actor | events |" || fail "count --format md"
expect_exit 65 "$parley" count astana.db --by fortnight
"$parley" count --help | grep -q "Example" || fail "count --help"
pass
echo "$passed passed, 0 failed"

# Issue 12: hostile text, exit codes, limits, the cursor, `parley migrate`.
# Invalid UTF-8 in an argument: 65, naming the option, nothing written.
expect_ok() {  # ARGS...: exits 0, its stdout in out and stderr in err
  "$@" >out 2>err || fail "$* exited $?: $(cat err)"
}
before=$("$parley" export astana.db --history)
expect_exit 65 "$parley" edtf $'2017-02\xff\xfe'
grep -q "not valid UTF-8" err || fail "edtf: $(cat err)"
expect_exit 65 "$parley" resolve $'on Thursday\xff' --anchor 2017-02-16
grep -q "not valid UTF-8" err || fail "resolve: $(cat err)"
expect_exit 65 "$parley" timeline astana.db --title $'\xff'
grep -q -- "--title: not valid UTF-8" err || fail "--title: $(cat err)"
# Invalid UTF-8 inside a document: 65, nothing imported.
printf '{"format": "parley", "version": 1, "actors": [{"id": "actor:x", "kind": "person", "names": {"en": "\xff"}}]}' >bad-utf8.json
expect_exit 65 "$parley" import astana.db bad-utf8.json
[[ "$("$parley" export astana.db --history)" == "$before" ]] || fail "bad UTF-8 import changed the database"
pass
# Terminal escape sequences in a name never reach the terminal raw.
expect_exit 65 "$parley" timeline astana.db --actor $'\e]0;owned\a\e[31mX'
! grep -q $'\e' err || fail "raw escape in the message"
grep -qF '\e]0;owned\x07\e[31mX' err || fail "escaped form: $(cat err)"
pass
# Limits: over one is refused (65) and names the limit; raising it works.
printf '{"format": "parley", "version": 1, "actors": [{"id": "actor:long", "kind": "person", "names": {"en": "%s"}}]}' \
  "$(head -c 2000 /dev/zero | tr '\0' a)" >long.json
expect_exit 65 "$parley" import astana.db long.json --max-string-bytes 1000
grep -q "max_string_bytes" err || fail "string limit: $(cat err)"
expect_exit 65 "$parley" import astana.db long.json --max-document-bytes 100
grep -q "max_document_bytes" err || fail "document limit: $(cat err)"
printf '{"format": "parley", "version": 1, "events": %s1%s}' "$(printf '[%.0s' {1..70})" "$(printf ']%.0s' {1..70})" >deep.json
expect_exit 65 "$parley" import astana.db deep.json
grep -q "max_depth" err || fail "depth limit: $(cat err)"
[[ "$("$parley" export astana.db --history)" == "$before" ]] || fail "refused imports changed the database"
expect_ok "$parley" import scratch.db long.json --max-string-bytes 4000
pass
# The cursor of an open-start event is readable, and works with --after.
expect_ok "$parley" timeline astana.db --limit 1
grep -q "^next: open," err || fail "cursor: $(cat err)"
cursor=$(sed -n 's/^next: //p' err)
first=$(cat out)
expect_ok "$parley" timeline astana.db --limit 1 --after "$cursor"
[[ -s out && "$(cat out)" != "$first" ]] || fail "--after the open cursor"
pass
# Storage failures exit 74, also at open: a file that is not a database.
printf 'this is not a database, just text that is long enough to be read as one.....%.0s' {1..20} >text.db
expect_exit 74 "$parley" timeline text.db
expect_exit 74 "$parley" import text.db "$source/examples/data/astana-2017.json"
expect_ok "$parley" migrate astana.db
"$parley" migrate --help | grep -q "Example" || fail "migrate --help has no example"
pass
# [h-rules, issue 11] Pledges: status, pledgers, deadline and the events that
# fulfil or violate each; --overdue-as-of finds the overdue one. By hand from
# tests/report/calendar.json: stop-shelling (Russia, Turkey) is due
# 2017-02-20 and violated by event:shelling-douma; as of 02-21 it alone is
# overdue (lift-siege is due 02-25, release 03-01).
"$parley" init pledges.db && "$parley" import pledges.db "$source/tests/report/calendar.json"
out=$("$parley" report pledges pledges.db)
block=$(sed -n '/^event:pledge-stop-shelling/,/^event:/p' <<<"$out")
grep -qx "  status: broken" <<<"$block" && grep -qx "  pledgers: Russia; Turkey" <<<"$block" &&
  grep -qx "  deadline: 2017-02-20" <<<"$block" &&
  grep -qx "  violated_by: event:shelling-douma" <<<"$block" || fail "report pledges: $out"
grep -qx "  fulfilled_by: event:release-50" <<<"$out" || fail "report pledges fulfils: $out"
out=$("$parley" report pledges pledges.db --overdue-as-of 2017-02-21 --format json)
[[ $(python3 -c 'import json,sys; print(" ".join(r["id"] for r in json.load(sys.stdin)))' <<<"$out") == "event:pledge-stop-shelling" ]] ||
  fail "report pledges --overdue-as-of: $out"
pass
echo "$passed passed (with issue 12's checks), 0 failed"
