#!/usr/bin/env bash
# The README's time-engine commands: exit codes and the facts they print.
set -euo pipefail
parley="$1/parley"
passed=0
expect() {  # expect CODE PATTERN -- ARGS...: exit code and a line of output
  local code=$1 pattern=$2
  shift 3
  local out status=0
  out=$("$parley" "$@" 2>&1) || status=$?
  if [[ $status != "$code" ]] || ! grep -qE -- "$pattern" <<<"$out"; then
    echo "FAILED: parley $* (exit $status, wanted $code and /$pattern/):"
    echo "$out"
    exit 1
  fi
  passed=$((passed + 1))
}
expect 0 '"latest_end": "2017-02-19"' -- edtf 2017-02-1X
expect 65 '"valid": false' -- edtf 2017-02-30
expect 0 '"contains"' -- allen 2017-02 2017-02-23
expect 0 '"edtf":"2017-02-23"' -- resolve --anchor 2017-02-16 --lang ar "الثالث والعشرين من الشهر الحالي"
expect 65 '' -- resolve --anchor 2017-02-16 --lang en "the 31st of this month"
expect 64 '' -- edtf --no-such-flag 2017
expect 64 '' -- no-such-command
expect 0 '^parley [0-9]+\.[0-9]+\.[0-9]+' -- --version
echo "$passed passed, 0 failed"
