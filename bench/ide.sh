#!/usr/bin/env bash
# wdfcheck-clangd: the time from didSave to merged diagnostics, and the
# latency the bridge adds to forwarded requests (hover), beside clangd
# alone.  Prints figures; asserts nothing.
#
#   bench/ide.sh            (after a build; WDFCHECK_BUILD_DIR as build.sh)
#
# Files: a driver file of about 2,000 lines made from the corpus driver
# test/corpus/ringbuf (bench/ide_driver.py), and the largest file of
# /tmp/wdf-realworld/compile_commands.json (Microsoft's KMDF samples, see
# bench/realworld.sh) when that database exists.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${WDFCHECK_BUILD_DIR:-$root/build}
bridge=$build/bin/wdfcheck-clangd
clangd=$(command -v clangd-19 || command -v clangd)
export WDFCHECK_SHARE_DIR=$build/share/wdfcheck
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 "$root/bench/ide_driver.py" "$root/test/corpus/ringbuf" 2000 > "$work/driver.c"
cat > "$work/compile_commands.json" <<JSON
[{"directory": "$work", "file": "driver.c",
  "arguments": ["clang", "-c", "-std=c11", "-I", "$root/runtime/include", "driver.c"]}]
JSON
echo "driver file made from test/corpus/ringbuf: $(wc -l < "$work/driver.c") lines"
echo "wdfcheck alone on it:"
start=$(date +%s.%N)
"$build/bin/wdfcheck" --quiet -p "$work" "$work/driver.c" > /dev/null || true
echo "  $(echo "$(date +%s.%N) - $start" | bc) s"
python3 "$root/bench/ide_bench.py" save "$bridge" "$work/driver.c" --clangd="$clangd" --background-index=false
python3 "$root/bench/ide_bench.py" hover "$clangd" "$bridge" "$work/driver.c"

db=/tmp/wdf-realworld/compile_commands.json
if [ -f "$db" ]; then
  largest=$(python3 - "$db" <<'PY'
import json, os, sys
entries = json.load(open(sys.argv[1]))
files = {os.path.normpath(os.path.join(e["directory"], e["file"])) for e in entries}
print(max((f for f in files if os.path.exists(f)), key=os.path.getsize))
PY
)
  echo "largest file of $db: $largest ($(wc -l < "$largest") lines)"
  python3 "$root/bench/ide_bench.py" save "$bridge" "$largest" --clangd="$clangd" --background-index=false
else
  echo "($db not present: the samples' largest file is not measured)"
fi
