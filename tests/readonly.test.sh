#!/usr/bin/env bash
# Reading never writes: timeline, export, stats (and count) read a database
# the user may only read (0444 file in a 0555 directory, as an unprivileged
# user: root ignores permissions), leave a foreign SQLite file byte for
# byte as it was, and refuse an older schema, naming `parley migrate`,
# without migrating it.
set -euo pipefail
parley="$1/parley"
source=$2
work=$(mktemp -d)
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
chmod 755 "$work"
cd "$work"
passed=0
pass() { passed=$((passed + 1)); }
fail() { echo "FAILED: $*"; exit 1; }
expect_exit() {  # CODE ARGS...
  local code=$1 status=0
  shift
  "$@" >out 2>err || status=$?
  [[ $status == "$code" ]] || fail "$* exited $status, wanted $code: $(cat err)"
}
# Runs as nobody when root (so permissions bite), else as the caller.
if [[ $(id -u) == 0 ]] && command -v runuser >/dev/null &&
  runuser -u nobody -- test -x "$parley"; then
  as_reader() { runuser -u nobody -- "$@"; }
else
  echo "note: not root or nobody cannot run $parley; testing as $(id -un)"
  as_reader() { "$@"; }
fi
commands=(timeline export stats)
if "$parley" --help | grep -qE "^ +count( |$)"; then commands+=(count); fi

mkdir ro
"$parley" import ro/astana.db "$source/examples/data/astana-2017.json"
chmod 444 ro/astana.db
chmod 555 ro
sum=$(sha256sum ro/astana.db)
for cmd in "${commands[@]}"; do
  expect_exit 0 as_reader "$parley" "$cmd" ro/astana.db
  [[ -s out ]] || fail "$cmd printed nothing"
done
grep -q "Geneva" < <(as_reader "$parley" timeline ro/astana.db) || fail "timeline"
[[ $(sha256sum ro/astana.db) == "$sum" ]] || fail "the read-only file changed"
[[ ! -e ro/astana.db-wal && ! -e ro/astana.db-shm ]] || fail "WAL files left"
pass

# A readable file in a writable directory: still never written.
cp ro/astana.db rw.db
chmod 444 rw.db
sum=$(sha256sum rw.db)
for cmd in "${commands[@]}"; do expect_exit 0 as_reader "$parley" "$cmd" rw.db; done
[[ $(sha256sum rw.db) == "$sum" ]] || fail "rw.db changed"
pass

# Another application's SQLite file: refused (65), unchanged (the journal
# mode used to switch to WAL first), even when the reader may write it.
sqlite3 foreign.db "CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1);"
sum=$(sha256sum foreign.db)
for cmd in "${commands[@]}"; do
  expect_exit 65 "$parley" "$cmd" foreign.db
  grep -q "not a parley database" err || fail "$cmd foreign: $(cat err)"
done
expect_exit 65 "$parley" import foreign.db "$source/examples/data/astana-2017.json"
[[ $(sha256sum foreign.db) == "$sum" ]] || fail "foreign.db changed"
pass

# An older parley schema: a read refuses it and names `parley migrate`;
# the file is unchanged; `parley migrate` brings it up to date.
cat "$source"/schema/001_*.sql "$source"/schema/002_*.sql | sqlite3 older.db
sqlite3 older.db "PRAGMA user_version = 2; PRAGMA application_id = 1347570777;"
sum=$(sha256sum older.db)
for cmd in "${commands[@]}"; do
  expect_exit 65 "$parley" "$cmd" older.db
  grep -q 'run `parley migrate DB`' err || fail "$cmd older: $(cat err)"
done
[[ $(sha256sum older.db) == "$sum" ]] || fail "a read migrated older.db"
expect_exit 0 "$parley" migrate older.db
grep -q "schema version" out || fail "migrate: $(cat out)"
expect_exit 0 "$parley" stats older.db
grep -q "\"schema_version\": $(ls "$source"/schema/[0-9]*.sql | wc -l)" out ||
  fail "not migrated: $(cat out)"
expect_exit 66 "$parley" migrate missing.db
[[ ! -e missing.db ]] || fail "migrate created missing.db"
pass
echo "$passed passed, 0 failed"
