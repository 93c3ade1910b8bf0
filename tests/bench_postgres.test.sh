#!/usr/bin/env bash
# The README's PostgreSQL benchmark command at a small size, on a throwaway
# server: bench_query --postgres runs parley and the hand-written baseline
# on SQLite and on the server, and exits 1 if any page or count differs
# between the four sides. Checked here: it passes, and it reports the
# server's side of every measurement. Skips without PostgreSQL binaries
# (unless PARLEY_REQUIRE_POSTGRES is set) or when the benches were not built
# (-DPARLEY_BENCH=OFF).
set -euo pipefail
build=$1 source=$2
bench=$build/bench/bench_query
if [[ ! -x "$bench" ]]; then
  echo "skipped: $bench not built (PARLEY_BENCH=OFF)"
  exit 0
fi
. "$source/tests/postgres_server.sh"
work=$(mktemp -d)
trap 'postgres_stop "$source"; rm -rf "$work"' EXIT
# The README's way to size the server for a benchmark: settings after DIR.
postgres_start "$source" shared_buffers=64MB work_mem=8MB
fail() { echo "FAILED: $*"; exit 1; }
[[ $(psql "$conn" -Atc "SHOW shared_buffers") == 64MB ]] ||
  fail "scripts/postgres start did not pass shared_buffers=64MB"
[[ $(psql "$conn" -Atc "SHOW work_mem") == 8MB ]] ||
  fail "scripts/postgres start did not pass work_mem=8MB"
# A setting that is not NAME=VALUE is refused, naming it, and starts nothing.
refused=$(mktemp -d)
rmdir "$refused"
if message=$("$source/scripts/postgres" start "$refused" "fsync = on" 2>&1); then
  "$source/scripts/postgres" stop "$refused"
  fail "a malformed setting was accepted"
fi
grep -q "not a server setting NAME=VALUE: fsync = on" <<<"$message" ||
  fail "unclear refusal: $message"
[[ ! -e "$refused/data" ]] || fail "a refused start left a cluster"

out=$("$bench" --events 2000 --extra-claims 200 --runs 1 --dir "$work" \
  --postgres "$conn") || fail "bench_query exited $?: $out"
grep -q "^ingest of 2000 events on postgres: parley" <<<"$out" ||
  fail "no ingest on the server: $out"
grep -q "^claims independence on postgres:" <<<"$out" ||
  fail "no claims independence on the server: $out"
# Every page and count row (7 pages, 4 counts) has the figures of the four
# sides and the ratios: at least 7 numbers.
pattern="^(one actor|3-day window|a month|a region|text: one word|one kind|all events|a year)"
rows=$(grep -cE "$pattern" <<<"$out")
((rows == 11)) || fail "expected 11 page and count rows, got $rows: $out"
while read -r line; do
  numbers=$(grep -oE "[0-9]+\.[0-9]+" <<<"$line" | wc -l)
  ((numbers >= 7)) || fail "a row without the server's figures: $line"
done < <(grep -E "$pattern" <<<"$out")
echo "bench_query --postgres: 4 sides agree on every page and count"
