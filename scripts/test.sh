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

# Microsoft's SARIF validator for the SARIF tests, when npm can fetch it.
if [ ! -x "$build/node/node_modules/.bin/sarif-multitool" ] && command -v npm >/dev/null 2>&1; then
  mkdir -p "$build/node"
  (cd "$build/node" && npm install --silent --no-audit --no-fund \
     @microsoft/sarif-multitool@5.7.0 >/dev/null 2>&1) ||
    echo "wdfcheck: could not install the SARIF validator; its test is skipped" >&2
fi

log=$(mktemp)
# Debian's python3 has psutil (per-test timeouts); another python3 first on
# PATH may not.
py=/usr/bin/python3; [ -x "$py" ] || py=python3
"$py" /usr/lib/llvm-19/build/utils/lit/lit.py -v "$build/test" "$@" | tee "$log"
passed=$(grep -cE '^(PASS|XFAIL): ' "$log")
failed=$(grep -cE '^(FAIL|XPASS|UNRESOLVED|TIMEOUT): ' "$log")
rm -f "$log"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
