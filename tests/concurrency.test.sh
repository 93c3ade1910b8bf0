#!/usr/bin/env bash
# One writer and two readers in separate processes for a bounded time
# (PARLEY_CONCURRENCY_SECONDS, default 8): no command fails or prints an
# error ("database is locked" included), and readers see every committed
# import whole.
set -euo pipefail
parley="$1/parley"
source=$2
seconds=${PARLEY_CONCURRENCY_SECONDS:-8}
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
cd "$work"
fail() { echo "FAILED: $*"; exit 1; }

"$parley" import shared.db "$source/examples/data/astana-2017.json"
base=$("$parley" stats shared.db | sed -n 's/^  "events": \([0-9]*\),$/\1/p')
per=50
deadline=$((SECONDS + seconds))

writer() {
  local round=0
  while ((SECONDS < deadline)); do
    round=$((round + 1))
    {
      printf '{"format": "parley", "version": 1, "events": ['
      for ((i = 0; i < per; i++)); do
        ((i)) && printf ','
        printf '{"id": "event:w%d-%d", "kind": "statement", "title": {"en": "W %d %d"}, "time": "2017-02-16"}' \
          "$round" "$i" "$round" "$i"
      done
      printf ']}\n'
    } >"w.json"
    "$parley" import shared.db w.json 2>>errors.txt || echo "writer: import $round exited $?" >>errors.txt
  done
  echo "$round" >writes.txt
}

reader() {
  local n=0 events
  while ((SECONDS < deadline)); do
    n=$((n + 1))
    events=$("$parley" stats shared.db 2>>errors.txt | sed -n 's/^  "events": \([0-9]*\),$/\1/p') ||
      echo "reader $1: stats exited $?" >>errors.txt
    if [[ -z $events ]] || (((events - base) % per != 0)); then
      echo "reader $1: saw $events events, not the base plus whole imports" >>errors.txt
    fi
    "$parley" timeline shared.db --format csv >/dev/null 2>>errors.txt ||
      echo "reader $1: timeline exited $?" >>errors.txt
  done
  echo "$n" >"reads$1.txt"
}

touch errors.txt
writer &
reader 1 &
reader 2 &
wait
[[ ! -s errors.txt ]] || fail "$(head -5 errors.txt)"
echo "$(cat writes.txt) imports beside $(cat reads1.txt) + $(cat reads2.txt) reads in ${seconds}s, no error"
