// The contract of detail::Backend (src/store/backend.hpp), written once
// for every backend. A backend's test file defines a factory that returns
// a Backend over a fresh, empty database and instantiates the cases:
//
//   std::shared_ptr<parley::detail::Backend> make_sqlite();
//   PARLEY_BACKEND_CONTRACT("sqlite", make_sqlite)
//
// Each case creates the table it needs with SQL both SQLite and
// PostgreSQL run. Expected values are written here by hand.
#ifndef PARLEY_TESTS_BACKEND_CONTRACT_HPP
#define PARLEY_TESTS_BACKEND_CONTRACT_HPP

#include <cstdint>
#include <limits>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "parley/error.hpp"

#include "store/backend.hpp"

namespace parley::test::contract {

using detail::Backend;
using detail::Value;

inline void make_table(Backend& b) {
  b.exec(
      "CREATE TABLE contract_t (id BIGINT PRIMARY KEY, n BIGINT, s TEXT, "
      "x DOUBLE PRECISION, CHECK (n IS NULL OR n <> 13))");
}

// The ids of contract_t, in order.
inline std::vector<std::int64_t> ids(Backend& b) {
  std::vector<std::int64_t> out;
  const auto rows = b.run("SELECT id FROM contract_t ORDER BY id");
  while (rows->next()) out.push_back(rows->int64(0));
  return out;
}

inline void insert(Backend& b, std::int64_t id) {
  const Value params[] = {id};
  b.exec("INSERT INTO contract_t (id) VALUES (?)", params);
}

// The Errc of the Error that `body` throws (a failed CHECK without one).
template <class F>
Errc error_of(F&& body) {
  try {
    body();
  } catch (const Error& e) {
    CHECK_FALSE(e.message().empty());
    return e.code();
  }
  FAIL("no Error thrown");
  return Errc::unsupported;
}

inline void values(Backend& b) {
  make_table(b);
  constexpr std::int64_t lowest = std::numeric_limits<std::int64_t>::min();
  constexpr std::int64_t highest = std::numeric_limits<std::int64_t>::max();
  const std::string arabic = "الغوطة الشرقية — Ghouta ✓";
  const Value rows[][4] = {
      {std::int64_t{1}, lowest, arabic, 0.5},
      {std::int64_t{2}, highest, std::string(), -2.25},
      {std::int64_t{3}, std::monostate{}, std::monostate{}, std::monostate{}},
  };
  for (const auto& row : rows) {
    CHECK(b.exec("INSERT INTO contract_t (id, n, s, x) VALUES (?, ?, ?, ?)",
                 row) == 1);
  }
  const auto r = b.run("SELECT id, n, s, x FROM contract_t ORDER BY id");
  REQUIRE(r->next());
  CHECK(r->int64(0) == 1);
  CHECK(r->int64(1) == lowest);
  CHECK(r->text(2) == arabic);
  CHECK(r->real(3) == 0.5);
  CHECK_FALSE(r->is_null(1));
  REQUIRE(r->next());
  CHECK(r->int64(1) == highest);
  CHECK_FALSE(r->is_null(2));  // the empty string is not NULL
  CHECK(r->text(2).empty());
  CHECK(r->real(3) == -2.25);
  REQUIRE(r->next());
  CHECK(r->int64(0) == 3);
  CHECK(r->is_null(1));
  CHECK(r->is_null(2));
  CHECK(r->is_null(3));
  CHECK_FALSE(r->next());
  CHECK_FALSE(r->next());  // stays at the end
}

inline void changes(Backend& b) {
  make_table(b);
  CHECK(b.exec("INSERT INTO contract_t (id, n) VALUES (1, 1), (2, 1), "
               "(3, 2)") == 3);
  const Value one[] = {std::int64_t{1}};
  CHECK(b.exec("UPDATE contract_t SET s = 'a' WHERE n = ?", one) == 2);
  CHECK(b.exec("UPDATE contract_t SET s = 'b' WHERE n = 99; DELETE FROM "
               "contract_t WHERE id = 3") == 1);
  CHECK(ids(b) == std::vector<std::int64_t>{1, 2});
}

inline void errors(Backend& b) {
  make_table(b);
  insert(b, 1);
  CHECK(error_of([&] { insert(b, 1); }) == Errc::conflict);
  CHECK(error_of([&] {
          b.exec("INSERT INTO contract_t (id, n) VALUES (2, 13)");
        }) == Errc::bad_value);
  CHECK(error_of([&] { b.run("SELECT nothing FROM nowhere")->next(); }) ==
        Errc::storage);
  CHECK(error_of([&] { b.exec("SELEKT 1"); }) == Errc::storage);
  // The connection still works, and the failed writes left nothing.
  CHECK(ids(b) == std::vector<std::int64_t>{1});
}

inline void rows_stay_open(Backend& b) {
  make_table(b);
  CHECK(b.exec("INSERT INTO contract_t (id) VALUES (1), (2), (3)") == 3);
  const std::string sql = "SELECT id FROM contract_t WHERE id >= ? ORDER BY id";
  const Value from_one[] = {std::int64_t{1}};
  const Value from_two[] = {std::int64_t{2}};
  const auto first = b.run(sql, from_one);
  REQUIRE(first->next());
  CHECK(first->int64(0) == 1);
  {
    // The same text while the first is open, with another parameter.
    const auto second = b.run(sql, from_two);
    REQUIRE(second->next());
    CHECK(second->int64(0) == 2);
  }
  CHECK(ids(b) == std::vector<std::int64_t>{1, 2, 3});  // another statement
  REQUIRE(first->next());
  CHECK(first->int64(0) == 2);
  REQUIRE(first->next());
  CHECK(first->int64(0) == 3);
  CHECK_FALSE(first->next());
}

inline void statements_reused(Backend& b) {
  make_table(b);
  CHECK(b.exec("INSERT INTO contract_t (id, s) VALUES (1, 'a'), (2, NULL)") ==
        2);
  const std::string sql = "SELECT id FROM contract_t WHERE s = ? ORDER BY id";
  for (int round = 0; round < 3; ++round) {
    const Value a[] = {std::string("a")};
    const auto rows = b.run(sql, a);
    REQUIRE(rows->next());
    CHECK(rows->int64(0) == 1);
    // Destroyed before its last row: the next run starts afresh.
  }
  const Value null[] = {std::monostate{}};
  CHECK_FALSE(b.run(sql, null)->next());  // no binding left from before
}

inline void transactions(Backend& b) {
  make_table(b);
  b.begin();
  insert(b, 1);
  b.commit();
  b.begin();
  insert(b, 2);
  b.rollback();
  CHECK(ids(b) == std::vector<std::int64_t>{1});
  const int n = detail::in_transaction(b, [&] {
    insert(b, 3);
    return 3;
  });
  CHECK(n == 3);
  CHECK_THROWS_AS(detail::in_transaction(b,
                                         [&] {
                                           insert(b, 4);
                                           throw std::runtime_error("no");
                                         }),
                  std::runtime_error);
  // A failed statement inside: the whole transaction is undone.
  CHECK(error_of([&] {
          detail::in_transaction(b, [&] {
            insert(b, 5);
            insert(b, 1);
          });
        }) == Errc::conflict);
  CHECK(ids(b) == std::vector<std::int64_t>{1, 3});
  b.begin();  // usable again after each rollback
  insert(b, 6);
  b.commit();
  CHECK(ids(b) == std::vector<std::int64_t>{1, 3, 6});
}

}  // namespace parley::test::contract

// The contract's cases as test cases named "`name` backend: ...", each on
// a fresh backend from `factory` (a function returning a pointer to one, or
// null to skip the case: no server to test against).
#define PARLEY_BACKEND_CONTRACT(name, factory)                             \
  TEST_CASE(name " backend: rows, NULLs, int64 extremes and UTF-8") {      \
    if (auto b = factory()) parley::test::contract::values(*b);            \
  }                                                                        \
  TEST_CASE(name " backend: exec counts the rows it changed") {            \
    if (auto b = factory()) parley::test::contract::changes(*b);           \
  }                                                                        \
  TEST_CASE(name " backend: errors and their Errc") {                      \
    if (auto b = factory()) parley::test::contract::errors(*b);            \
  }                                                                        \
  TEST_CASE(name " backend: a Rows stays open while others run") {         \
    if (auto b = factory()) parley::test::contract::rows_stay_open(*b);    \
  }                                                                        \
  TEST_CASE(name " backend: a statement runs again with new parameters") { \
    if (auto b = factory()) parley::test::contract::statements_reused(*b); \
  }                                                                        \
  TEST_CASE(name " backend: transactions commit and roll back") {          \
    if (auto b = factory()) parley::test::contract::transactions(*b);      \
  }                                                                        \
  static_assert(true, "")

#endif  // PARLEY_TESTS_BACKEND_CONTRACT_HPP
