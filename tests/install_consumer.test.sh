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
echo "2 passed, 0 failed"
