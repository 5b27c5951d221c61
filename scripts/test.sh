#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test suite (lit).
# Ends with one plain line: "N passed, M failed".
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${WDFCHECK_BUILD_DIR:-$root/build}

if ! "$root/scripts/build.sh"; then
  echo "wdfcheck: the build failed" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

log=$(mktemp)
python3 /usr/lib/llvm-19/build/utils/lit/lit.py -v "$build/test" "$@" | tee "$log"
passed=$(grep -cE '^(PASS|XFAIL): ' "$log")
failed=$(grep -cE '^(FAIL|XPASS|UNRESOLVED|TIMEOUT): ' "$log")
rm -f "$log"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
