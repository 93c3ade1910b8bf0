// Internal: SQLite-style parameters (`?`, `?N`) renumbered as PostgreSQL's
// ($1, $2, ...), so that statements are written once for both backends.
#ifndef PARLEY_SRC_STORE_POSTGRES_PLACEHOLDERS_HPP
#define PARLEY_SRC_STORE_POSTGRES_PLACEHOLDERS_HPP

#include <string>
#include <string_view>

namespace parley::detail {

struct NumberedSql {
  std::string sql;     // with $1.. in place of ? and ?N
  int parameters = 0;  // the highest parameter number used
};

// Rewrites each `?` as $n, n one more than the highest number so far (as
// SQLite numbers them), and each `?N` as $N, outside string literals ('…',
// E'…' with backslash escapes), quoted identifiers ("…"), dollar-quoted
// strings ($$…$$, $tag$…$tag$) and comments (-- to the end of the line,
// /* … */ nested). Everything else is copied unchanged, so a statement
// already written with $n keeps them (and counts them). An unterminated
// literal or comment runs to the end of the text: the server reports it.
// One pass over `sql`; a pure function.
NumberedSql number_placeholders(std::string_view sql);

}  // namespace parley::detail

#endif  // PARLEY_SRC_STORE_POSTGRES_PLACEHOLDERS_HPP
