#!/usr/bin/env bash
# Installs what is missing, builds, and runs wdfcheck on the bundled example
# driver, printing its findings.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${WDFCHECK_BUILD_DIR:-$root/build}

"$root/scripts/build.sh"
cd "$root"
status=0
"$build/bin/wdfcheck" examples/*/*.c -- -I examples/include || status=$?
# 1 means "findings": that is what the example is for.
[ "$status" -le 1 ]
