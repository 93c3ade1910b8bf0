// Ingest benchmark: parley's streaming import of a generated document
// against a hand-written loader on the raw SQLite C API over a minimal
// schema, same data, same run.
//
//   bench_ingest [EVENTS...] [--dir DIR]     (default: 100000)
//
// For each size it writes DIR/ingest-N.json (bench/generate.hpp), then
// loads it twice, each side in a child process of its own so that its peak
// RSS (wait4's ru_maxrss) and CPU time are its own:
//   parley  Database::import_file: validation, versions, the text index;
//   raw     the hand-written loader of minimal.hpp: the same file read
//           line by line into a minimal schema with its indexes and
//           full-text tables, in one transaction.
// It prints events/s by wall and by CPU time, peak RSS and database size,
// and parley's ratio to raw for each.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include "parley/database.hpp"
#include "parley/error.hpp"

#include "generate.hpp"
#include "minimal.hpp"
#include <sys/resource.h>
#include <sys/wait.h>

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

void parley_load(const fs::path& json, const fs::path& path) {
  try {
    parley::Database db{path};
    db.import_file(json);
  } catch (const parley::Error& e) {
    std::cerr << "parley: " << e.what() << '\n';
    std::exit(2);
  }
}

struct Run {
  double wall_s = 0;
  double cpu_s = 0;
  double peak_mb = 0;
  double size_mb = 0;
};

// Runs `load` in a child process; its wall and CPU time, peak RSS and the
// size of the database it wrote.
template <class F>
Run measure(F load, const fs::path& json, const fs::path& db) {
  fs::remove(db);
  const auto start = Clock::now();
  const pid_t child = fork();
  if (child == 0) {
    load(json, db);
    std::_Exit(0);
  }
  int status = 0;
  rusage usage{};
  wait4(child, &status, 0, &usage);
  Run run;
  run.wall_s = std::chrono::duration<double>(Clock::now() - start).count();
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::cerr << "bench_ingest: a loader failed\n";
    std::exit(2);
  }
  auto seconds = [](timeval t) { return t.tv_sec + t.tv_usec / 1e6; };
  run.cpu_s = seconds(usage.ru_utime) + seconds(usage.ru_stime);
  run.peak_mb = usage.ru_maxrss / 1024.0;
  run.size_mb = static_cast<double>(fs::file_size(db)) / 1e6;
  return run;
}

void print(const char* side, std::size_t events, const Run& r) {
  std::printf("%-7s %9zu %8.2f %8.2f %10.0f %10.0f %9.1f %9.1f\n", side, events,
              r.wall_s, r.cpu_s, events / r.wall_s, events / r.cpu_s, r.peak_mb,
              r.size_mb);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::size_t> sizes;
  fs::path dir = fs::temp_directory_path();
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--dir" && i + 1 < argc) {
      dir = argv[++i];
    } else {
      sizes.push_back(std::stoul(arg));
    }
  }
  if (sizes.empty()) sizes.push_back(100'000);
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // each result as it comes
  std::printf("%-7s %9s %8s %8s %10s %10s %9s %9s\n", "side", "events",
              "wall s", "cpu s", "ev/s wall", "ev/s cpu", "peak MB", "db MB");
  std::vector<Run> parley_runs;
  for (std::size_t n : sizes) {
    const fs::path json = dir / ("ingest-" + std::to_string(n) + ".json");
    {
      std::ofstream out{json, std::ios::binary};
      parley::bench::write_document(out, {.events = n});
    }
    const Run parley = measure(parley_load, json, dir / "ingest-parley.db");
    const Run raw =
        measure(parley::bench::minimal::load, json, dir / "ingest-raw.db");
    print("parley", n, parley);
    print("raw", n, raw);
    std::printf(
        "ratio   %9zu  events/s parley/raw: %.2f (wall) %.2f (cpu); peak RSS "
        "%.2fx; size %.2fx; document %.1f MB\n",
        n, raw.wall_s / parley.wall_s, raw.cpu_s / parley.cpu_s,
        parley.peak_mb / raw.peak_mb, parley.size_mb / raw.size_mb,
        static_cast<double>(fs::file_size(json)) / 1e6);
    parley_runs.push_back(parley);
    fs::remove(json);
  }
  if (parley_runs.size() > 1) {
    std::printf("parley peak RSS, largest / smallest size: %.2fx\n",
                parley_runs.back().peak_mb / parley_runs.front().peak_mb);
  }
}
