#!/usr/bin/env bash
# The CLI on a PostgreSQL connection string (issue 13), on a throwaway
# server: init, import the Astana scenario, then timeline, count, report,
# export, stats, flagged and migrate answer as they do on a SQLite file
# loaded alike (every output compared), and as the scenario says (Iran's
# two events, 25 events); so does a UCDP file imported with --from, and
# the same file again as an older release. A password in the string is never printed, and
# a server that cannot be reached is exit code 74 (I/O), naming the
# server. The server part skips (exit 0) without PostgreSQL binaries
# unless PARLEY_REQUIRE_POSTGRES is set.
set -euo pipefail
parley="$1/parley"
source=$2
. "$source/tests/postgres_server.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
fail() { echo "FAILED: $*"; exit 1; }
scenario="$source/examples/data/astana-2017.json"

# Runs parley, its stdout to the file $1.out, stderr to $1.err; fails when
# the password shows in either.
run() {
  local name=$1
  shift
  local status=0
  "$parley" "$@" >"$name.out" 2>"$name.err" || status=$?
  ! grep -q "Sekr1t" "$name.out" "$name.err" ||
    fail "$name: the password was printed: $(cat "$name.out" "$name.err")"
  return $status
}

# Help says where a connection string goes.
"$parley" --help | grep -q "PostgreSQL" || fail "--help"
"$parley" timeline --help | grep -q "PostgreSQL connection string" ||
  fail "timeline --help"

# A server that cannot be reached: 74, naming the server; the password in
# either form never printed; no file created for the string.
for db in "postgresql://bob:Sekr1t@127.0.0.1:1/parley" \
  "host=127.0.0.1 port=1 dbname=parley user=bob password=Sekr1t" \
  "host=127.0.0.1 port=1 dbname=parley password='Sekr1t x'"; do
  for command in init stats timeline count migrate export; do
    status=0
    run down "$command" "$db" || status=$?
    [[ $status == 74 ]] || fail "$command $db: exit $status, wanted 74"
    grep -q "127.0.0.1" down.err || fail "$command: server not named: $(cat down.err)"
  done
  status=0
  run down import "$db" "$scenario" || status=$?
  [[ $status == 74 ]] || fail "import $db: exit $status, wanted 74"
done
[[ -z $(ls | grep -v -E '\.(out|err)$') ]] ||
  fail "a file was created: $(ls)"

trap 'postgres_stop "$source"; rm -rf "$work"' EXIT
postgres_start "$source"
port=$(sed -n 's/.*port=\([0-9]*\).*/\1/p' <<<"$conn")
# The server trusts local connections: the password is accepted and unused.
uri="postgresql://postgres:Sekr1t-pw@127.0.0.1:$port/parley"
run init init "$uri" || fail "init: $(cat init.err)"
run import import "$uri" "$scenario" || fail "import: $(cat import.err)"
"$parley" init astana.db
"$parley" import astana.db "$scenario"

# The scenario: Iran is named by two events; 25 events in all.
run iran timeline "$uri" --actor Iran || fail "timeline: $(cat iran.err)"
grep -q "Opposition rejects any role for Iran" iran.out || fail "Iran: $(cat iran.out)"
[[ $(grep -c "^[0-9o].*  " iran.out) == 2 ]] || fail "Iran: not 2 events"
run stats stats "$uri" || fail "stats: $(cat stats.err)"
grep -q '"events": 25' stats.out || fail "stats: $(cat stats.out)"

# Every read command answers as on the SQLite file (the connection string
# in key=value form here, the URI above).
same() {  # NAME ARGS...: the command on both databases, outputs equal
  local name=$1
  shift
  local args=("$@")
  run "$name" "${args[@]/#DB/$conn}" || fail "$name: $(cat "$name.err")"
  "$parley" "${args[@]/#DB/astana.db}" >"$name.sqlite" ||
    fail "$name on SQLite"
  cmp -s "$name.out" "$name.sqlite" ||
    fail "$name differs: $(diff "$name.sqlite" "$name.out" | head -20)"
}
same timeline timeline DB
same actor timeline DB --actor Iran --format csv
same text timeline DB --text "الغوطه" --format csv
same as_of timeline DB --as-of 2017-02-16 --status scheduled --format csv
same window timeline DB --from 2017-01-20 --to 2017-02-20 --format json
same month count DB --by month
same by_actor count DB --by year --group actor --format csv
same pledges report pledges DB --format json
same accounts report accounts DB --format md
same contradictions report contradictions DB
same schedule report schedule DB --format csv
same export export DB
same history export DB --history
same flagged flagged DB
# stats: the same numbers; the storage formats differ (SQLite 8,
# PostgreSQL 9: schema/postgres/009 is PostgreSQL's own).
run kinds stats "$conn" || fail "stats: $(cat kinds.err)"
"$parley" stats astana.db >kinds.sqlite || fail "stats on SQLite"
diff <(grep -v schema_version kinds.sqlite) <(grep -v schema_version kinds.out) ||
  fail "stats differ"
grep -q '"schema_version": 9' kinds.out || fail "stats: $(cat kinds.out)"

# A dataset file goes into both alike (the small UCDP file of
# ../shared/data, when it is there): the same counts line, then the same
# answers and history.
ucdp="$source/../shared/data/ucdp-ged-syria-2017-02-15--2017-03-05.csv"
if [[ -f $ucdp ]]; then
  same ucdp import DB --from ucdp "$ucdp" --release 19.1 --recorded 2019-06-01
  grep -q "^read 377, imported 377, .* rejected 0" ucdp.out ||
    fail "ucdp: $(cat ucdp.out)"
  same ucdp_month count DB --by month --format csv
  same ucdp_flagged flagged DB
  same ucdp_history export DB --history
  # The same file as an older release, recorded a year before: written
  # into history alike (the server inserts each version it moves again).
  # Every row's versions now start a year earlier, labelled 18.1: updated.
  same ucdp_older import DB --from ucdp "$ucdp" --release 18.1 \
    --recorded 2018-06-01
  grep -q "^read 377, imported 0, updated 377, unchanged 0" ucdp_older.out ||
    fail "ucdp_older: $(cat ucdp_older.out)"
  same ucdp_older_as_of timeline DB --as-of 2018-12-01 --format csv
  same ucdp_now timeline DB --format csv
  same ucdp_before timeline DB --as-of 2018-01-01 --format csv
  [[ $(grep -c "^event:ucdp-" ucdp_older_as_of.out) == 377 &&
    $(grep -c "^event:ucdp-" ucdp_now.out) == 377 &&
    $(grep -c "^event:ucdp-" ucdp_before.out) == 0 ]] ||
    fail "ucdp_older: as of 2018-12-01, now and before: $(grep -c \
      "^event:ucdp-" ucdp_older_as_of.out ucdp_now.out ucdp_before.out)"
fi

# migrate names the database without its password.
run migrate migrate "$uri" || fail "migrate: $(cat migrate.err)"
grep -q "postgresql://postgres:\*\*\*@127.0.0.1:$port/parley: schema version" \
  migrate.out || fail "migrate: $(cat migrate.out)"

# Help says where a connection string goes.
"$parley" --help | grep -q "PostgreSQL" || fail "--help"
"$parley" timeline --help | grep -q "PostgreSQL connection string" ||
  fail "timeline --help"
echo "cli_postgres: passed"
