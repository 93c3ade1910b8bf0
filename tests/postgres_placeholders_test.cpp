// number_placeholders (src/store/postgres/placeholders.hpp): `?` and `?N`
// become $n outside literals, quoted identifiers, dollar quotes and
// comments. No server needed.
#ifdef PARLEY_HAS_POSTGRES

#include <doctest/doctest.h>

#include "store/postgres/placeholders.hpp"

using parley::detail::number_placeholders;

namespace {

std::string renumbered(std::string_view sql) {
  return number_placeholders(sql).sql;
}

}  // namespace

TEST_CASE("postgres placeholders: ? numbered left to right") {
  const auto out = number_placeholders("SELECT ? + ?, f(?)");
  CHECK(out.sql == "SELECT $1 + $2, f($3)");
  CHECK(out.parameters == 3);
  CHECK(number_placeholders("SELECT 1").parameters == 0);
}

TEST_CASE("postgres placeholders: ?N and $N keep their number") {
  const auto out = number_placeholders("WHERE a = ?2 AND b = ?1 OR c = ?");
  // A bare ? follows the highest number so far, as in SQLite.
  CHECK(out.sql == "WHERE a = $2 AND b = $1 OR c = $3");
  CHECK(out.parameters == 3);
  CHECK(number_placeholders("x = $4 AND y = ?").sql == "x = $4 AND y = $5");
  CHECK(renumbered("?10") == "$10");
}

TEST_CASE("postgres placeholders: literals and identifiers are left alone") {
  CHECK(renumbered("SELECT '?', ?") == "SELECT '?', $1");
  CHECK(renumbered("SELECT 'it''s ?', ?") == "SELECT 'it''s ?', $1");
  CHECK(renumbered(R"(SELECT "col?" FROM "t""?", ?)") ==
        R"(SELECT "col?" FROM "t""?", $1)");
  // E'…' has backslash escapes: \' does not end it; '…' does not.
  CHECK(renumbered(R"(SELECT E'a\'?', ?)") == R"(SELECT E'a\'?', $1)");
  CHECK(renumbered(R"(SELECT 'a\', ?)") == R"(SELECT 'a\', $1)");
  // A name ending in e before a quote is not an E string.
  CHECK(renumbered(R"(SELECT typname'\', ?)") == R"(SELECT typname'\', $1)");
}

TEST_CASE("postgres placeholders: dollar quotes and comments") {
  CHECK(renumbered("DO $$ SELECT ? $$; SELECT ?") ==
        "DO $$ SELECT ? $$; SELECT $1");
  CHECK(renumbered("SELECT $tag$ ? $x$ ? $tag$, ?") ==
        "SELECT $tag$ ? $x$ ? $tag$, $1");
  CHECK(renumbered("SELECT ? -- why?\n, ?") == "SELECT $1 -- why?\n, $2");
  CHECK(renumbered("SELECT /* a /* nested ? */ ? */ ?") ==
        "SELECT /* a /* nested ? */ ? */ $1");
  // $ inside a name opens nothing and numbers nothing.
  CHECK(renumbered("SELECT a$b, a$1, ?") == "SELECT a$b, a$1, $1");
}

TEST_CASE("postgres placeholders: unterminated text runs to the end") {
  CHECK(renumbered("SELECT '?") == "SELECT '?");
  CHECK(renumbered("SELECT $$ ?") == "SELECT $$ ?");
  CHECK(renumbered("SELECT /* ?") == "SELECT /* ?");
}

#endif  // PARLEY_HAS_POSTGRES
