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
expect astana_timeline "planned 2017-02-15, held 2017-02-16, 1 day late"
expect astana_timeline "first morning consultation"
expect astana_timeline "third morning consultation"
# Every event of the scenario (F1-F19: 25 events, Geneva in its later
# version) is one line starting with its date.
events=$("$bin/astana_timeline" | grep -cE '^(on or before |[0-9]{4}-)')
[[ $events == 25 ]] || { echo "FAILED: astana_timeline printed $events events, not 25"; exit 1; }
passed=$((passed + 1))
expect question_1_track "planned 2017-02-15, actual 2017-02-16, 1 day\(s\) late"
expect question_2_accounts "Bashar al-Jaafari asserts"
expect question_3_pledges "obligation: lift the siege of Eastern Ghouta"
expect question_4_scheduled "2017-02-23 \(scheduled as of 2017-02-16\)"
expect question_5_iran "Opposition rejects any role for Iran"
expect question_6_syria "Siege of Eastern Ghouta  \(Eastern Ghouta\)"
expect question_7_during "possibly during the round, not certainly"
echo "$passed passed, 0 failed"
