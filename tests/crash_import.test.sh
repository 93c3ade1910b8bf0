#!/usr/bin/env bash
# kill -9 during import: after each kill the database passes SQLite's
# integrity_check and foreign_key_check, and holds either all or none of the
# killed import's events. PARLEY_CRASH_KILLS sets how many kills must land
# mid-import (default 10; the documented long run uses 100).
set -euo pipefail
parley="$1/parley"
source=$2
kills=${PARLEY_CRASH_KILLS:-10}
events=${PARLEY_CRASH_EVENTS:-20000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
fail() { echo "FAILED: $*"; exit 1; }
command -v sqlite3 >/dev/null || fail "sqlite3 (the command) is needed"

# One document of `events` statements whose ids start with $1.
document() {
  awk -v prefix="$1" -v n="$events" 'BEGIN {
    printf "{\"format\": \"parley\", \"version\": 1, \"actors\": [";
    printf "{\"id\": \"actor:%s\", \"kind\": \"person\", \"names\": {\"en\": \"Speaker %s\"}}],", prefix, prefix;
    printf "\"events\": [";
    for (i = 0; i < n; i++) {
      printf "%s{\"id\": \"event:%s-%d\", \"kind\": \"statement\", ", (i ? "," : ""), prefix, i;
      printf "\"title\": {\"en\": \"Statement %d of round %s\"}, ", i, prefix;
      printf "\"time\": \"2017-02-%02d\", ", 1 + i % 28;
      printf "\"participants\": [{\"actor\": \"actor:%s\", \"role\": \"speaker\"}]}", prefix;
    }
    printf "]}\n";
  }'
}
count() { sqlite3 crash.db "SELECT count(*) FROM event WHERE recorded_to IS NULL"; }
check_file() {
  [[ $(sqlite3 crash.db "PRAGMA integrity_check") == ok ]] || fail "integrity_check after kill $1"
  [[ -z $(sqlite3 crash.db "PRAGMA foreign_key_check") ]] || fail "foreign_key_check after kill $1"
}

"$parley" import crash.db "$source/examples/data/astana-2017.json"
landed=0 committed=0 round=0 delay=300
while ((landed < kills)); do
  round=$((round + 1))
  ((round <= kills * 5)) || fail "only $landed of $kills kills landed mid-import"
  document "r$round" >round.json
  before=$(count)
  "$parley" import crash.db round.json 2>/dev/null &
  pid=$!
  sleep "0.$(printf '%03d' $((RANDOM % delay + 20)))"
  if kill -9 "$pid" 2>/dev/null; then
    wait "$pid" 2>/dev/null || true
    landed=$((landed + 1))
  else
    wait "$pid" || fail "import $round failed without a kill"
    delay=$((delay * 2 / 3 + 1))  # it finished first: kill sooner
  fi
  check_file "$round"
  after=$(count)
  if ((after == before + events)); then
    committed=$((committed + 1))
  elif ((after != before)); then
    fail "round $round: $((after - before)) of $events events: not all or nothing"
  fi
done
echo "$landed kills mid-import in $round rounds ($committed committed before the kill landed); integrity, foreign keys and all-or-nothing held"
