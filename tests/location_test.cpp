// What a Database's location names (src/store/location.hpp).
#include "store/location.hpp"

#include <doctest/doctest.h>

using parley::detail::is_postgres_location;

TEST_CASE("a PostgreSQL URI or key=value string names a server") {
  CHECK(is_postgres_location("postgresql://localhost/parley"));
  CHECK(is_postgres_location("postgres://user@db.example:5433/parley"));
  CHECK(is_postgres_location("host=/tmp/pg port=5433 dbname=parley"));
  CHECK(is_postgres_location("dbname=parley"));
  CHECK(is_postgres_location("  service = desk"));
}

TEST_CASE("anything else names a SQLite file") {
  CHECK_FALSE(is_postgres_location("astana.db"));
  CHECK_FALSE(is_postgres_location(":memory:"));
  CHECK_FALSE(is_postgres_location("runs/a=b.db"));
  CHECK_FALSE(is_postgres_location("rounds=2.db"));
  CHECK_FALSE(is_postgres_location("postgresql.db"));
  CHECK_FALSE(is_postgres_location("host"));
  CHECK_FALSE(is_postgres_location(""));
  CHECK_FALSE(is_postgres_location("=dbname"));
  CHECK_FALSE(is_postgres_location("/data/host=x/events.db"));
}
