// Where a command's output goes: stdout, or the file given with -o. A
// regular file (or a new one) is written beside its final name and renamed
// into place, so a failed run never leaves half a file; it keeps the mode
// of the file it replaces, and a symlink is followed (its target is
// replaced, not the link). A character device or FIFO (/dev/null, a pipe)
// and /dev/stdout are written in place and left as they were.
#ifndef PARLEY_CLI_OUTPUT_HPP
#define PARLEY_CLI_OUTPUT_HPP

#include <filesystem>
#include <functional>
#include <optional>
#include <ostream>
#include <string>

#include "parley/database.hpp"

namespace parley::cli {

// Runs `write` on stdout (path empty) or on the file `path`. Returns 0, or
// 73 when the file cannot be created, 74 when writing fails, with a
// one-line message on stderr.
int write_output(const std::string& path,
                 const std::function<void(std::ostream&)>& write);

// Opens an existing database read-only (it never changes the file or the
// server's database); when there is no such file, says so on stderr and
// returns empty (the caller exits 66). A PostgreSQL connection string is
// passed to Database as it is (no file check). Throws Error as Database's
// read-only open does (Errc::io: the server cannot be reached).
std::optional<Database> open_existing(const std::filesystem::path& path);

}  // namespace parley::cli

#endif  // PARLEY_CLI_OUTPUT_HPP
