#include "cli/output.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iostream>

#include "parley/database.hpp"
#include "parley/error.hpp"

#include "cli/command.hpp"
#include "cli/location.hpp"
#include "cli/text.hpp"
#include <sys/stat.h>

namespace parley::cli {
namespace {

namespace fs = std::filesystem;

// Paths that name an open descriptor, not a file ("/dev/stdout" links to
// "/proc/self/fd/1", which may link to "pipe:[...]").
bool names_descriptor(const std::string& path) {
  return path == "/dev/stdout" || path == "/dev/stderr" ||
         path.rfind("/dev/fd/", 0) == 0 || path.rfind("/proc/self/fd/", 0) == 0;
}

int report(const std::string& path, const std::string& what, int code) {
  std::cerr << "parley: " << printable(path) << ": " << what << '\n';
  return code;
}

// Writes into an existing character device, FIFO or descriptor in place.
int write_in_place(const std::string& path,
                   const std::function<void(std::ostream&)>& write) {
  std::ofstream out{path, std::ios::binary};
  if (!out) return report(path, "cannot open for writing", cant_create);
  write(out);
  out.close();
  return out ? ok : report(path, "write failed", io_error);
}

// The file a regular-file write replaces: `path` with its symlinks followed
// (a dangling link names the file it would create).
fs::path final_target(const fs::path& path) {
  std::error_code error;
  if (fs::is_symlink(path, error) && !fs::exists(path, error)) {
    const fs::path target = fs::read_symlink(path, error);
    if (!error)
      return target.is_absolute() ? target : path.parent_path() / target;
  }
  const fs::path canonical = fs::weakly_canonical(path, error);
  return error ? path : canonical;
}

// The mode a new file gets: that of the file it replaces, else 0666 less
// the umask.
mode_t new_file_mode(const struct stat* replaced) {
  if (replaced) return replaced->st_mode & 07777;
  const mode_t mask = umask(0);
  umask(mask);
  return 0666 & ~mask;
}

// Writes a temporary file beside `target`, syncs it, gives it `mode` and
// renames it over `target`: readers see the old file or the whole new one.
int write_replacing(const std::string& shown, const fs::path& target,
                    mode_t mode,
                    const std::function<void(std::ostream&)>& write) {
  std::string temp = target.string() + ".XXXXXX";
  const int fd = mkstemp(temp.data());
  if (fd < 0) return report(shown, "cannot create the file", cant_create);
  const auto discard = [&] { ::unlink(temp.c_str()); };
  std::ofstream out{temp, std::ios::binary};
  try {
    write(out);
  } catch (...) {
    ::close(fd);
    discard();
    throw;
  }
  out.close();
  const bool written = out && ::fsync(fd) == 0 && ::fchmod(fd, mode) == 0;
  ::close(fd);
  if (!written) {
    discard();
    return report(shown, "write failed", io_error);
  }
  std::error_code error;
  fs::rename(temp, target, error);
  if (error) {
    discard();
    return report(shown, error.message(), cant_create);
  }
  return ok;
}

}  // namespace

int write_output(const std::string& path,
                 const std::function<void(std::ostream&)>& write) {
  if (path.empty()) {
    write(std::cout);
    std::cout.flush();
    if (!std::cout) {
      std::cerr << "parley: cannot write to standard output\n";
      return io_error;
    }
    return ok;
  }
  struct stat st {};
  const bool exists = ::stat(path.c_str(), &st) == 0;
  if (names_descriptor(path) ||
      (exists && (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode)))) {
    return write_in_place(path, write);
  }
  if (exists && !S_ISREG(st.st_mode)) {
    return report(path,
                  "not a regular file, character device or FIFO; "
                  "refusing to replace it",
                  cant_create);
  }
  return write_replacing(path, final_target(path),
                         new_file_mode(exists ? &st : nullptr), write);
}

std::optional<Database> open_existing(const std::filesystem::path& path) {
  // A server has no file to look for: Database connects, and says when it
  // cannot (Errc::io) or finds no parley database there.
  if (!is_server(path.native()) && !std::filesystem::exists(path)) {
    std::cerr << "parley: " << printable(path.string())
              << ": no such database\n";
    return std::nullopt;
  }
  return Database{path, OpenOptions{.create = false, .read_only = true}};
}

}  // namespace parley::cli
