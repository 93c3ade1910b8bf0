# Sourced by the script tests that need a throwaway PostgreSQL server (not a
# test itself: tests/CMakeLists.txt registers *.test.sh only).
#
#   postgres_skip REASON     without a server to test against: exit 0
#                            saying "skipped: REASON", or exit 1 when
#                            PARLEY_REQUIRE_POSTGRES is set
#   postgres_start SOURCE [NAME=VALUE...]
#                            starts a server (scripts/postgres, from /: the
#                            server's user may not enter the caller's
#                            directory), with those server settings, or
#                            skips without the binaries ($PARLEY_PG_BIN);
#                            sets $pg_server and $conn.
#                            The caller's EXIT trap runs postgres_stop.
#   postgres_stop SOURCE     stops the server postgres_start started, if any
postgres_skip() {
  if [[ -n "${PARLEY_REQUIRE_POSTGRES:-}" ]]; then
    echo "FAILED: $*, and PARLEY_REQUIRE_POSTGRES is set (install postgresql-15)"
    exit 1
  fi
  echo "skipped: $* (install postgresql-15)"
  exit 0
}

postgres_start() {
  local bin=${PARLEY_PG_BIN:-/usr/lib/postgresql/15/bin}
  [[ -x "$bin/initdb" ]] || postgres_skip "PostgreSQL binaries not found in $bin"
  command -v psql >/dev/null || postgres_skip "psql not found"
  pg_server=$(mktemp -d)
  rmdir "$pg_server"
  conn=$(cd / && "$1/scripts/postgres" start "$pg_server" "${@:2}")
}

postgres_stop() {
  if [[ -n "${pg_server:-}" ]]; then "$1/scripts/postgres" stop "$pg_server"; fi
}
