#!/usr/bin/env bash
# Loads parley's timeline outputs in the programs people read them with, in
# headless Debian chromium with no network (see notes/outputs.md):
#   TimelineJS3 3.9.11, vis-timeline 8.5.4, Mermaid 11 (timeline and gantt,
#   including a document whose titles hold ':', '#' and ';'), and the
#   self-contained HTML page, of which it takes a PNG screenshot.
#
# Usage (as CTest runs it): bash tests/browser.test.sh <build-dir> <source-dir>
# Needs node, npm and /usr/bin/chromium; the first run installs the pinned
# packages into tests/browser/node_modules with `npm ci`.
# PARLEY_UPDATE_SCREENSHOT=1 writes the screenshot to docs/astana-timeline.png
# (commit it); otherwise it goes to a temporary directory.
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 <build-dir> <source-dir>" >&2
  exit 2
fi
build_dir=$(cd "$1" && pwd)
source_dir=$(cd "$2" && pwd)
examples="$build_dir/examples"

if [[ ! -x /usr/bin/chromium ]]; then
  echo "FAIL  /usr/bin/chromium is missing (apt-get install -y chromium)"
  echo "0 passed, 1 failed"
  exit 1
fi

cd "$source_dir/tests/browser"
if [[ ! -d node_modules ]]; then
  npm ci --no-audit --no-fund >&2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$examples/astana_html" >"$work/astana.html"
"$examples/astana_timelinejs" >"$work/astana-timelinejs.json"
"$examples/astana_diagrams" vis >"$work/astana-vis.json"
"$examples/astana_diagrams" mermaid >"$work/astana-timeline.mmd"
"$examples/astana_diagrams" gantt >"$work/astana-gantt.mmd"

# A document whose names hold Mermaid's syntax characters: the diagrams must
# still parse, and show each title whole. Its BCE date goes to vis-timeline
# (expanded year) and is left out of the gantt chart.
cat >"$work/special.json" <<'JSON'
{
  "format": "parley",
  "version": 1,
  "processes": [
    {"id": "process:a", "kind": "talks", "names": {"en": "Track: A #1; main"}}
  ],
  "events": [
    {"id": "event:a", "kind": "meeting",
     "title": {"en": "Talks: day #2; closing"},
     "time": "2017-02-16", "planned": "2017-02-15", "status": "held",
     "process": "process:a"},
    {"id": "event:b", "kind": "meeting",
     "title": {"en": "Timeline: 10:30 start; room #4"},
     "time": "[..2017-02-16]", "process": "process:a"},
    {"id": "event:c", "kind": "meeting",
     "title": {"en": "Envoy says: \"no deal\" #; ok"},
     "time": "2017-02~"},
    {"id": "event:d", "kind": "meeting",
     "title": {"en": "Arrivals 15:00–18:00"},
     "time": "2017-02-15/2017-02-16", "process": "process:a"},
    {"id": "event:ides", "kind": "meeting",
     "title": {"en": "Ides of March"},
     "time": "-0043-03-15"}
  ]
}
JSON
cat >"$work/special-expected.json" <<'JSON'
{"texts": ["Talks: day #2; closing", "Timeline: 10:30 start; room #4",
           "Envoy says: \"no deal\" #; ok", "Arrivals 15:00–18:00"]}
JSON
"$examples/astana_diagrams" mermaid "$work/special.json" >"$work/special-timeline.mmd"
"$examples/astana_diagrams" gantt "$work/special.json" >"$work/special-gantt.mmd"
"$examples/astana_diagrams" vis "$work/special.json" >"$work/special-vis.json"

# Events in the example: distinct ids (a later version repeats an id).
events=$(node -e '
const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
console.log(new Set(d.events.map((e) => e.id)).size);' \
  "$source_dir/examples/data/astana-2017.json")

screenshot="$work/astana-timeline.png"
if [[ ${PARLEY_UPDATE_SCREENSHOT:-} == 1 ]]; then
  mkdir -p "$source_dir/docs"
  screenshot="$source_dir/docs/astana-timeline.png"
fi

timeout 120 node check.js "$work" "$screenshot" "$events"
