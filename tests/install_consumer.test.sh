#!/usr/bin/env bash
# Installs parley from the build directory ($1) into a temporary prefix and
# builds a separate project against it, once with find_package(parley) and
# once with pkg-config; both programs must run and print the stored day.
set -euo pipefail
build=$1
source=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cmake --install "$build" --prefix "$work/prefix" >/dev/null

cmake -S "$source/tests/consumer" -B "$work/cmake" \
  -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
cmake --build "$work/cmake" >/dev/null
out=$("$work/cmake/consumer")
[[ "$out" == "2017-02-23" ]] || { echo "find_package consumer printed '$out'"; exit 1; }

flags=$(PKG_CONFIG_PATH="$work/prefix/lib/pkgconfig:$work/prefix/lib/x86_64-linux-gnu/pkgconfig" \
  pkg-config --cflags --libs --static parley)
# shellcheck disable=SC2086
c++ "$source/tests/consumer/main.cpp" -o "$work/pc-consumer" $flags
out=$("$work/pc-consumer")
[[ "$out" == "2017-02-23" ]] || { echo "pkg-config consumer printed '$out'"; exit 1; }
# The README's example, compiled against the installed parley and run.
mkdir -p "$work/readme/run"
awk '/<!-- readme-example -->/{found=1; next}
     found && /^```cpp/{inside=1; next}
     inside && /^```/{exit}
     inside{print}' "$source/README.md" > "$work/readme/main.cpp"
[[ -s "$work/readme/main.cpp" ]] || { echo "README example not found"; exit 1; }
cp "$source/tests/consumer/CMakeLists.txt" "$work/readme/"
cmake -S "$work/readme" -B "$work/readme/build" \
  -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
cmake --build "$work/readme/build" >/dev/null
out=$(cd "$work/readme/run" && "$work/readme/build/consumer")
[[ "$out" == "scheduled -> held" ]] || { echo "README example printed '$out'"; exit 1; }
echo "3 passed, 0 failed"
