#!/usr/bin/env bash
# The HTML page at scale (issue 10): the parley command writes the page of
# 100,000 generated events and of the 16,566 UCDP Syria events of
# ../shared/data; each must be at most 15 MB, and headless chromium must
# paint it within 3 s (the median of three loads from file://), filter it,
# zoom it and keep its axis labels apart
# (tests/browser/html_scale.js). The data go through the command as a user
# would send them: parley init, parley import, parley timeline --format html.
#
# Usage (as CTest runs it): bash tests/html_scale.test.sh <build-dir> <source-dir>
# Needs python3, node, npm and /usr/bin/chromium; the first run installs the
# pinned packages of tests/browser with `npm ci`.
# PARLEY_UPDATE_SCREENSHOT=1 writes the UCDP page's screenshot to
# docs/ucdp-timeline.png (commit it); otherwise to a temporary directory.
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 <build-dir> <source-dir>" >&2
  exit 2
fi
build_dir=$(cd "$1" && pwd)
source_dir=$(cd "$2" && pwd)
parley="$build_dir/parley"
ucdp_csv="$source_dir/../shared/data/ucdp-ged-syria-2016--2019.csv"
max_bytes=$((15 * 1000 * 1000))

fail_early() {
  echo "FAIL  $1"
  echo "0 passed, 1 failed"
  exit 1
}
[[ -x /usr/bin/chromium ]] || fail_early "/usr/bin/chromium is missing (apt-get install -y chromium)"
[[ -x $parley ]] || fail_early "$parley is not built (cmake --build $build_dir --target parley_cli)"
[[ -f $ucdp_csv ]] || fail_early "$ucdp_csv is missing"

cd "$source_dir/tests/browser"
if [[ ! -d node_modules ]]; then
  npm ci --no-audit --no-fund >&2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
scripts="$source_dir/tests/html_scale"

python3 "$scripts/generate.py" 100000 "$work/generated.json"
python3 "$scripts/ucdp.py" "$ucdp_csv" "$work/ucdp.json"
python3 "$scripts/expected.py" "$ucdp_csv" "$work/generated.json" "$work/expected.json"
declare -A titles=([generated]="100,000 generated events"
  [ucdp]="UCDP GED: Syria, 2016–2019")
for name in generated ucdp; do
  "$parley" init "$work/$name.db" >/dev/null
  "$parley" import "$work/$name.db" "$work/$name.json" >/dev/null
  "$parley" timeline "$work/$name.db" --format html -o "$work/$name.html" \
    --title "${titles[$name]}"
  rm "$work/$name.db" "$work/$name.json"
done

passed=0
failed=0
for name in generated ucdp; do
  bytes=$(stat -c %s "$work/$name.html")
  if ((bytes <= max_bytes)); then
    passed=$((passed + 1))
    echo "ok    $name.html: $bytes bytes, within $max_bytes"
  else
    failed=$((failed + 1))
    echo "FAIL  $name.html: $bytes bytes, over $max_bytes"
  fi
done

screenshot="$work/ucdp-timeline.png"
if [[ ${PARLEY_UPDATE_SCREENSHOT:-} == 1 ]]; then
  mkdir -p "$source_dir/docs"
  screenshot="$source_dir/docs/ucdp-timeline.png"
fi
status=0
timeout 600 node html_scale.js "$work" "$screenshot" | tee "$work/node.log" || status=$?
if [[ $(tail -1 "$work/node.log") =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
  passed=$((passed + BASH_REMATCH[1]))
  failed=$((failed + BASH_REMATCH[2]))
else
  failed=$((failed + 1))
  echo "FAIL  html_scale.js printed no summary (exit $status)"
fi
echo "$passed passed, $failed failed"
((failed == 0))
