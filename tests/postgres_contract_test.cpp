// The Backend contract (backend_contract.hpp) on PostgreSQL: the same cases
// as SQLite's, each on a fresh database of the test server (skipped, as the
// other "postgres backend: …" cases, when there is none).
#ifdef PARLEY_HAS_POSTGRES

#include <memory>
#include <string>

#include "backend_contract.hpp"
#include "postgres_support.hpp"
#include "store/postgres/backend.hpp"

namespace {

// A database and a backend connected to it, the backend closed first.
struct Owned {
  explicit Owned(const std::string& server)
      : database(server), backend(database.conninfo()) {}
  parley::test::PostgresDatabase database;
  parley::detail::PostgresBackend backend;
};

std::shared_ptr<parley::detail::Backend> make_postgres() {
  const auto server = parley::test::postgres_server();
  if (!server) return nullptr;
  auto owned = std::make_shared<Owned>(*server);
  return {owned, &owned->backend};
}

}  // namespace

PARLEY_BACKEND_CONTRACT("postgres", make_postgres);

#endif  // PARLEY_HAS_POSTGRES
