// Text the command prints about its input: error messages quote names,
// paths and arguments, which may hold terminal escape sequences or bytes
// that are not UTF-8.
#ifndef PARLEY_CLI_TEXT_HPP
#define PARLEY_CLI_TEXT_HPP

#include <string>
#include <string_view>

#include <CLI/CLI.hpp>

namespace parley::cli {

// `text` safe to print on a terminal: control characters (C0, DEL, C1)
// as \n, \t, \e or \xNN / \u0085, bidi controls as <U+202E>, and bytes
// that are not UTF-8 as \xNN. Valid text without them comes back as is.
std::string printable(std::string_view text);

// Throws Error (bad_value) naming the option ("--title") when a text
// argument of the chosen subcommand is not valid UTF-8. Paths (DB, FILE,
// -o) are bytes on POSIX and are not checked.
void check_arguments(const CLI::App& app);

}  // namespace parley::cli

#endif  // PARLEY_CLI_TEXT_HPP
