#include "cli/output.hpp"

#include <fstream>
#include <iostream>

#include "parley/database.hpp"
#include "parley/error.hpp"

#include "cli/command.hpp"

namespace parley::cli {

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
  const std::filesystem::path final_path{path};
  std::filesystem::path temp = final_path;
  temp += ".partial";
  {
    std::ofstream out{temp, std::ios::binary};
    if (!out) {
      std::cerr << "parley: " << path << ": cannot create the file\n";
      return cant_create;
    }
    try {
      write(out);
    } catch (...) {
      std::error_code ignored;
      std::filesystem::remove(temp, ignored);
      throw;
    }
    out.close();
    if (!out) {
      std::cerr << "parley: " << path << ": write failed\n";
      std::error_code ignored;
      std::filesystem::remove(temp, ignored);
      return io_error;
    }
  }
  std::error_code error;
  std::filesystem::rename(temp, final_path, error);
  if (error) {
    std::cerr << "parley: " << path << ": " << error.message() << '\n';
    return cant_create;
  }
  return ok;
}

std::optional<Database> open_existing(const std::filesystem::path& path) {
  if (!std::filesystem::exists(path)) {
    std::cerr << "parley: " << path.string() << ": no such database\n";
    return std::nullopt;
  }
  return Database{path, OpenOptions{.create = false, .read_only = false}};
}

}  // namespace parley::cli
