#!/usr/bin/env bash
# Installs what is missing, builds, and runs wdfcheck on the bundled example
# driver, printing its findings; then runs the same driver under the runtime
# model and prints which findings the run confirmed (docs/runtime.md).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${WDFCHECK_BUILD_DIR:-$root/build}

"$root/scripts/build.sh"
cd "$root"
status=0
"$build/bin/wdfcheck" examples/*/*.c -- -I examples/include || status=$?

# The echo driver again, from its Visual Studio project as a driver author
# would give it (its compile commands go to the temporary directory); then
# the same sources under the runtime model (MemorySanitizer build), and the
# pairing of static and runtime findings.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if "$build/bin/wdfcheck" --quiet --format=sarif -o "$work/static.sarif" \
     --cache-dir="$work/cache" examples/echo/echo.vcxproj; [ $? -le 1 ]; then
  echo
  echo "== examples/echo under the runtime model (runtime/scenarios/echo.scenario)"
  "$build/bin/echo-runtime-msan" --sarif "$work/dynamic.sarif" \
    runtime/scenarios/echo.scenario || true
  echo
  "$build/bin/wdfcheck" confirm "$work/static.sarif" "$work/dynamic.sarif"
fi
# 1 means "findings": that is what the example is for.
[ "$status" -le 1 ]
