#!/usr/bin/env bash
# parley import --from on the command line: the README's commands on the
# files the project wrote in ACLED's, GDELT's and PA-X's formats, and on
# the real UCDP GED files in ../shared/data (skipped when absent), counts
# computed from the file here, the exit code and listing of bad rows, and
# --on-error skip with --rejects.
set -euo pipefail
parley="$1/parley"
source=$2
data="$source/../shared/data"
small="$data/ucdp-ged-syria-2017-02-15--2017-03-05.csv"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
fail() { echo "FAILED: $*"; exit 1; }

# The formats whose files the project wrote (tests/data/datasets).
fixtures="$source/tests/data/datasets"
out=$("$parley" import acled.db --from acled "$fixtures/acled-sample.csv")
[[ $out == "read 4, imported 4, updated 0, unchanged 0, rejected 0, flagged 0, closed 0" ]] ||
  fail "acled: $out"
out=$("$parley" import gdelt.db --from gdelt "$fixtures/gdelt-sample.tsv")
[[ $out == "read 5, imported 5, updated 0, unchanged 0, rejected 0, flagged 0, closed 0" ]] ||
  fail "gdelt: $out"
out=$("$parley" import pax.db --from pax "$fixtures/pax-sample.csv")
[[ $out == "read 3, imported 3, updated 0, unchanged 0, rejected 0, flagged 0, closed 0" ]] ||
  fail "pax: $out"
set +e
err=$("$parley" import acled.db --from acled "$fixtures/acled-bad.csv" 2>&1)
code=$?
set -e
[[ $code == 65 ]] || fail "acled bad rows: exit $code"
grep -q "acled-bad.csv:2:2 (event_date)" <<<"$err" || fail "acled: $err"

if [[ ! -f "$small" ]]; then
  echo "skipped: $small is absent"
  exit 0
fi

# Rows (records, not lines: cells hold quoted line breaks) and the rows
# whose estimates are out of order, counted here with python's csv module.
read -r rows flagged < <(python3 - "$small" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))
bad = sum(1 for r in rows
          if not int(r['low']) <= int(r['best']) <= int(r['high']))
print(len(rows), bad)
PY
)

out=$("$parley" import ged.db --from ucdp "$small" --release 19.1 \
  --recorded 2019-06-01)
[[ $out == "read $rows, imported $rows, updated 0, unchanged 0, rejected 0, flagged $flagged, closed 0" ]] ||
  fail "import: $out"

# The same release again leaves every row alone.
out=$("$parley" import ged.db --from ucdp "$small" --release 19.1 \
  --recorded 2019-07-01)
[[ $out == "read $rows, imported 0, updated 0, unchanged $rows, rejected 0, flagged $flagged, closed 0" ]] ||
  fail "re-import: $out"

# The flagged rows are listed.
[[ $("$parley" flagged ged.db | cut -d" " -f1 | sort -u | wc -l) == "$flagged" ]] ||
  fail "flagged: $("$parley" flagged ged.db)"

# A flagged event keeps its values and says why.
out=$("$parley" export ged.db)
grep -q '"code": "deaths_best_above_high"' <<<"$out" || fail "no flag in export"
grep -q '"dataset": "ucdp"' <<<"$out" || fail "no external reference"

# Two bad rows: the file is refused (65), both are listed, nothing changes.
head -n 1 "$small" >bad.csv
python3 - "$small" >>bad.csv <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))
w = csv.writer(sys.stdout, lineterminator='\n')
good = rows[1]
w.writerow(['900000001'] + good[1:32] + ['2017-13-01'] + good[33:])
w.writerow(['900000002'] + good[1:39] + ['many'] + good[40:])
w.writerow(['900000003'] + good[1:])
PY
set +e
err=$("$parley" import bad.db --from ucdp bad.csv 2>&1 >/dev/null)
code=$?
set -e
[[ $code == 65 ]] || fail "bad rows: exit $code"
grep -q "2 rows cannot be read" <<<"$err" || fail "bad rows: $err"
grep -q "bad.csv:2:33 (date_start): '2017-13-01' is not a date" <<<"$err" ||
  fail "bad date: $err"
grep -q "bad.csv:3:40 (best): 'many' is not a whole number" <<<"$err" ||
  fail "bad count: $err"

out=$("$parley" import bad.db --from ucdp bad.csv --on-error skip \
  --rejects rejects.csv)
[[ $out == "read 3, imported 1, updated 0, unchanged 0, rejected 2, flagged 0, closed 0" ]] ||
  fail "skip: $out"
[[ $(grep -c "^bad.csv," rejects.csv) == 2 ]] || fail "rejects: $(cat rejects.csv)"

echo "datasets: all passed"
