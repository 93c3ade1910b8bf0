#!/usr/bin/env bash
# The CTest fixture of the doctest cases that need a PostgreSQL server
# (tests/postgres_fixture.cmake gives them FIXTURES_REQUIRED postgres):
#
#   postgres_fixture.sh start BUILD SOURCE   starts a throwaway server
#       (scripts/postgres, in a temporary directory) and writes its
#       connection string to BUILD/postgres-fixture/conninfo
#   postgres_fixture.sh stop BUILD SOURCE    stops it and removes the file;
#       CTest runs it after the tests, also when one fails
#
# Without PostgreSQL binaries, start writes no file and exits 0 (the cases
# skip, saying so) unless PARLEY_REQUIRE_POSTGRES=1, when it fails.
set -euo pipefail
action=$1
state=$2/postgres-fixture
source=$3

stop() {
  if [[ -f "$state/server" ]]; then
    "$source/scripts/postgres" stop "$(cat "$state/server")"
  fi
  rm -f "$state/server" "$state/conninfo"
}

case "$action" in
  start)
    stop  # a server an interrupted run left behind
    mkdir -p "$state"
    server=$(mktemp -d)
    rmdir "$server"
    echo "$server" >"$state/server"
    status=0
    conn=$("$source/scripts/postgres" start "$server") || status=$?
    if ((status == 2)); then
      if [[ "${PARLEY_REQUIRE_POSTGRES:-}" == 1 ]]; then
        echo "FAILED: no PostgreSQL binaries, and PARLEY_REQUIRE_POSTGRES=1"
        exit 1
      fi
      echo "skipped: no PostgreSQL binaries (install postgresql-15)"
      exit 0
    fi
    ((status == 0)) || exit 1
    echo "$conn" >"$state/conninfo.tmp"
    mv "$state/conninfo.tmp" "$state/conninfo"
    echo "postgres fixture: $conn"
    ;;
  stop) stop ;;
  *) echo "usage: postgres_fixture.sh start|stop BUILD SOURCE" >&2; exit 1 ;;
esac
