#!/usr/bin/env bash
# A 200 MB document holding one 200 MB string is refused by the string
# limit (exit 65, naming the entry, the limit and how to raise it) before the
# string is held in memory: peak memory stays under 64 MB (it was 2.45 GB
# when the whole string was built first, then checked). Also with the
# string in a key and written with \u escapes (counted as decoded bytes),
# and the database is left unchanged. Needs GNU time (`time` package).
set -euo pipefail
parley="$1/parley"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
fail() { echo "FAILED: $*"; exit 1; }
[[ -x /usr/bin/time ]] || { echo "FAILED: /usr/bin/time is missing (apt-get install time)"; exit 1; }
bound_kb=$((64 * 1024))

# import FILE ERROR_PATH: refused with 65 at ERROR_PATH, under the bound.
expect_refused() {
  local file=$1 path=$2 status=0
  /usr/bin/time -v -o time.txt "$parley" import db "$file" >out 2>err || status=$?
  [[ $status == 65 ]] || fail "$file: exit $status, wanted 65: $(cat err)"
  grep -qF "$path" err || fail "$file: no path $path in: $(cat err)"
  grep -qF "over the limit of 1048576 (Limits::max_string_bytes)" err ||
    fail "$file: no limit in: $(cat err)"
  local peak
  peak=$(sed -n 's/.*Maximum resident set size (kbytes): //p' time.txt)
  echo "$file: peak $peak kB"
  ((peak < bound_kb)) || fail "$file: peak memory $peak kB over $bound_kb kB"
}

"$parley" init db >/dev/null 2>&1
before=$("$parley" export db --history)
head='{"format": "parley", "version": 1, "actors": [{"id": "actor:a", "kind": "person", "names": {"en": "a"}}, {"id": "actor:big", "kind": "person", "names": {"en": "'
tail='"}}]}'
{ printf '%s' "$head"; head -c 200000000 /dev/zero | tr '\0' x; printf '%s' "$tail"; } >value.json
(($(stat -c %s value.json) > 200000000)) || fail "value.json too small"
expect_refused value.json /actors/1

{ printf '{"format": "parley", "version": 1, "actors": [{"id": "actor:k", "kind": "person", "names": {"'
  head -c 200000000 /dev/zero | tr '\0' k; printf '": "a"}}]}'; } >key.json
expect_refused key.json /actors/0

# 349,526 escapes of 6 bytes decode to 1,048,578 bytes: one over the limit;
# one fewer decodes to 1,048,575 bytes (3 each) and is under it.
escaped() {  # COUNT
  printf '{"format": "parley", "version": 1, "actors": [{"id": "actor:e", "kind": "person", "names": {"en": "'
  { yes '\u20ac' || true; } | head -n "$1" | tr -d '\n'
  printf '"}}]}'
}
escaped 349526 >escaped.json
expect_refused escaped.json /actors/0
[[ "$("$parley" export db --history)" == "$before" ]] || fail "a refused import changed the database"
escaped 349525 >under.json
"$parley" import db under.json >out 2>err || fail "1,048,575 bytes refused: $(cat err)"
echo "PASSED"
