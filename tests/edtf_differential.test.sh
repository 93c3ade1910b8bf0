#!/usr/bin/env bash
# Differential test: parley's EDTF parser against edtf.js 4.11.1.
# $1 = build directory (holds the parley binary), $2 = source directory.
# Installs the pinned edtf.js with `npm ci` when node_modules is missing,
# generates a seeded corpus of 12,000 strings over every EDTF feature and
# compares validity and bounds; where edtf.js computes bounds wrongly, parley
# must match a brute-force oracle instead. Known faults of edtf.js are listed, with
# their reasons, in tests/differential/compare.js; any other disagreement
# fails the test.
set -euo pipefail
build=${1:?build directory}
source=${2:?source directory}
dir="$source/tests/differential"
parley="$(cd "$build" && pwd)/parley"
if [[ ! -x "$parley" ]]; then
  echo "edtf_differential: $parley is not built" >&2
  exit 1
fi
if ! command -v node >/dev/null; then
  echo "edtf_differential: node is not installed" >&2
  exit 1
fi
if [[ ! -d "$dir/node_modules/edtf" ]]; then
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
fi
cd "$dir"
TZ=UTC node compare.js "$parley" "${EDTF_DIFFERENTIAL_COUNT:-12000}"
