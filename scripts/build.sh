#!/usr/bin/env bash
# Installs what is missing (scripts/setup.sh), configures and builds wdfcheck
# into build/ (or $WDFCHECK_BUILD_DIR).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${WDFCHECK_BUILD_DIR:-$root/build}

"$root/scripts/setup.sh"
if [ ! -f "$build/build.ninja" ]; then
  cmake -G Ninja -S "$root" -B "$build" \
    -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19 >/dev/null
fi
ninja -C "$build" >/dev/null
