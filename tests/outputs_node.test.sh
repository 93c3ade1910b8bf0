#!/usr/bin/env bash
# Checks the text, CSV, GeoJSON and iCalendar outputs of the Astana example
# with the programs that read them (tests/outputs/check.js): ical.js parses
# the calendar, csv-parse the CSV, JSON.parse the GeoJSON, plus the strict
# rules those readers do not check (CRLF, 75-octet folding without split
# UTF-8, escaped TEXT, UID/DTSTAMP, [lon, lat] in range).
#
# The outputs come from the example programs examples/astana_outputs and
# examples/astana_ics, which must be built first; when the build also has
# the parley command with `timeline --format`, its ics, csv and geojson for
# the same data are checked the same way.
#
# Usage (as CTest runs it): bash tests/outputs_node.test.sh <build-dir> <source-dir>
# Needs node and npm; the first run installs the pinned packages of
# tests/outputs with `npm ci`.
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 <build-dir> <source-dir>" >&2
  exit 2
fi
build_dir=$(cd "$1" && pwd)
source_dir=$(cd "$2" && pwd)
outputs="$build_dir/examples/astana_outputs"
ics_example="$build_dir/examples/astana_ics"
for program in "$outputs" "$ics_example"; do
  if [[ ! -x $program ]]; then
    echo "FAIL  $program is not built (cmake --build $build_dir --target $(basename "$program"))"
    echo "0 passed, 1 failed"
    exit 1
  fi
done

cd "$source_dir/tests/outputs"
if [[ ! -d node_modules ]]; then
  npm ci --no-audit --no-fund >&2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$outputs" ics >"$work/astana-outputs.ics"
"$ics_example" >"$work/astana.ics"
"$outputs" csv >"$work/astana.csv"
"$outputs" csv ar >"$work/astana-ar.csv"
"$outputs" geojson >"$work/astana.geojson"
"$outputs" text >"$work/astana.txt"
"$outputs" md >"$work/astana.md"

passed=0
failed=0
pass() { passed=$((passed + 1)); echo "ok    $1"; }
fail() { failed=$((failed + 1)); echo "FAIL  $1"; }

# Text and Markdown have no reader to ask; check what a reader would look
# for: the slip line and a claim, in both.
for file in astana.txt astana.md; do
  if grep -qF "planned 2017-02-15, held 2017-02-16, 1 day late" "$work/$file"; then
    pass "$file: the Astana round's slip line"
  else
    fail "$file: the Astana round's slip line"
  fi
  if grep -qF "denies: Mohammed Alloush" "$work/$file"; then
    pass "$file: Alloush's denial"
  else
    fail "$file: Alloush's denial"
  fi
done

status=0
node check.js "$source_dir/examples/data/astana-2017.json" \
  "$work/astana-outputs.ics" "$work/astana.ics" \
  --csv "$work/astana.csv" --csv-ar "$work/astana-ar.csv" \
  --geojson "$work/astana.geojson" | tee "$work/node.log" || status=$?
node_counts=$(tail -1 "$work/node.log")
if [[ $node_counts =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
  passed=$((passed + BASH_REMATCH[1]))
  failed=$((failed + BASH_REMATCH[2]))
else
  fail "check.js printed no summary"
fi
[[ $status -eq 0 ]] || [[ $failed -gt 0 ]] || fail "check.js exited $status"

# The same checks on what `parley timeline --format` writes, when built.
cli="$build_dir/parley"
if [[ -x $cli ]] && "$cli" timeline --help 2>/dev/null | grep -q -- --format; then
  db="$work/astana.db"
  if "$cli" import "$db" "$source_dir/examples/data/astana-2017.json" \
      >/dev/null 2>"$work/cli.log" &&
    "$cli" timeline "$db" --format ics >"$work/cli.ics" 2>>"$work/cli.log" &&
    "$cli" timeline "$db" --format csv >"$work/cli.csv" 2>>"$work/cli.log" &&
    "$cli" timeline "$db" --format csv --lang ar >"$work/cli-ar.csv" \
      2>>"$work/cli.log" &&
    "$cli" timeline "$db" --format geojson >"$work/cli.geojson" \
      2>>"$work/cli.log"; then
    pass "parley timeline writes ics, csv and geojson"
    status=0
    node check.js "$source_dir/examples/data/astana-2017.json" \
      "$work/cli.ics" --csv "$work/cli.csv" --csv-ar "$work/cli-ar.csv" \
      --geojson "$work/cli.geojson" | tee "$work/node-cli.log" || status=$?
    node_counts=$(tail -1 "$work/node-cli.log")
    if [[ $node_counts =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
      passed=$((passed + BASH_REMATCH[1]))
      failed=$((failed + BASH_REMATCH[2]))
    else
      fail "check.js printed no summary for the CLI outputs"
    fi
    [[ $status -eq 0 ]] || [[ $failed -gt 0 ]] || fail "check.js exited $status"
  else
    fail "parley timeline writes ics, csv and geojson: $(head -3 "$work/cli.log")"
  fi
else
  echo "skip  parley timeline --format is not built; examples only"
fi

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
