#!/usr/bin/env bash
# The example programs run and answer the scenario's questions.
set -euo pipefail
bin="$1/examples"
passed=0
expect() {  # PROGRAM PATTERN
  local out
  out=$("$bin/$1") || { echo "FAILED: $1 exited non-zero"; exit 1; }
  grep -qE -- "$2" <<<"$out" || { echo "FAILED: $1 lacks /$2/:"; echo "$out"; exit 1; }
  passed=$((passed + 1))
}
expect astana_timeline "2017-02-16 \(planned 2017-02-15\)"
expect question_1_track "planned 2017-02-15, actual 2017-02-16, 1 day\(s\) late"
expect question_2_accounts "Bashar al-Jaafari asserts"
expect question_3_pledges "obligation: lift the siege of Eastern Ghouta"
expect question_4_scheduled "2017-02-23 \(scheduled as of 2017-02-16\)"
expect question_5_iran "Opposition rejects any role for Iran"
expect question_6_syria "Siege of Eastern Ghouta  \(Eastern Ghouta\)"
expect question_7_during "possibly during the round, not certainly"
echo "$passed passed, 0 failed"
