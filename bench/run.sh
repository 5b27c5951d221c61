#!/usr/bin/env bash
# Analysis-time benchmark: wdfcheck against plain `clang --analyze` with the
# core checkers, on the same files, measured in the same run.  Prints each
# configuration's best-of-N wall time and its ratio to the baseline.
#
# usage: bench/run.sh [repetitions] [files...]   (default: 5, examples/*/*.c)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${WDFCHECK_BUILD_DIR:-$root/build}
reps=${1:-5}
shift || true
cd "$root"
files=("$@")
[ ${#files[@]} -gt 0 ] || files=(examples/*/*.c)
clang=${CLANG:-clang-19}
inc="$root/runtime/include"

best_ms() { # best wall time in ms of "$@" over $reps runs
  local best=
  for _ in $(seq "$reps"); do
    local t0 t1
    t0=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    t1=$(date +%s%N)
    local ms=$(( (t1 - t0) / 1000000 ))
    if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
  done
  echo "$best"
}

baseline() {
  for f in "${files[@]}"; do
    "$clang" --analyze -Xclang -analyzer-checker=core -I "$inc" "$f" -o /dev/null
  done
}
plugin() {
  for f in "${files[@]}"; do
    "$clang" --analyze -Xclang -load -Xclang "$build/lib/wdfcheck-plugin.so" \
      -Xclang -analyzer-checker=core,wdf -I "$inc" "$f" -o /dev/null
  done
}
tool() { "$build/bin/wdfcheck" --quiet "${files[@]}" --; }

b=$(best_ms baseline)
p=$(best_ms plugin)
t=$(best_ms tool)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
echo "files: ${#files[@]}, best of $reps runs"
printf '%-34s %6s ms  %5s\n' "clang --analyze (core), baseline" "$b" "1.00x"
printf '%-34s %6s ms  %5sx\n' "clang --analyze + wdf plugin" "$p" "$(ratio "$p" "$b")"
printf '%-34s %6s ms  %5sx\n' "wdfcheck" "$t" "$(ratio "$t" "$b")"
