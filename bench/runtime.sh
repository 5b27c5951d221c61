#!/usr/bin/env bash
# Runtime-model benchmark: WdfMemoryCreate + WdfObjectDelete pairs per
# second with the plain runtime (coarse never-written model) and with the
# MemorySanitizer build, measured in the same run, and the MSan overhead
# as their ratio; paged pool (WdfMemoryCreate and ExAllocatePool2) against
# non-paged in the same run.  Also the echo example's scenario, end to end, in both
# builds.  Prints; asserts nothing.
#
# usage: bench/runtime.sh [seconds-per-measurement]   (default: 1)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${WDFCHECK_BUILD_DIR:-$root/build}
seconds=${1:-1}
clang=${CLANG:-clang-19}
lib="$build/lib"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for need in "$lib/libwdfrt.a" "$lib/libwdfrt-msan.a" "$build/bin/echo-runtime"; do
  [ -e "$need" ] || { echo "bench/runtime.sh: build first ($need is missing)" >&2; exit 2; }
done

flags=(-std=c11 -O2 -I "$root/runtime/include" -I "$root/rules")
"$clang" "${flags[@]}" "$root/bench/runtime_pairs.c" "$lib/libwdfrt.a" -o "$work/plain"
"$clang" "${flags[@]}" -fsanitize=memory -fsanitize-recover=memory \
  "$root/bench/runtime_pairs.c" "$lib/libwdfrt-msan.a" -o "$work/msan"

"$work/plain" "$seconds" > "$work/plain.txt"
"$work/msan" "$seconds" > "$work/msan.txt"

echo "WdfMemoryCreate + WdfObjectDelete pairs per second (${seconds}s each)"
printf '%-12s %14s %14s %10s\n' "buffer" "plain" "msan" "msan/plain"
paste -d' ' "$work/plain.txt" "$work/msan.txt" |
  awk '$1 == "memory" && $3 == "nonpaged" {
         printf "%-12s %14d %14d %9.2fx\n", $2 " bytes", $4, $8, $4 / $8 }'

# Paged pool (the paged arena, protected above APC_LEVEL) against
# non-paged, measured in the same run; allocations + frees per second.
echo
echo "paged against non-paged pool, allocation + free pairs per second"
printf '%-22s %-6s %12s %12s %8s\n' "call" "build" "non-paged" "paged" "paged/np"
for build in plain msan; do
  awk -v build="$build" '
    { rate[$1 " " $2 " " $3] = $4; if (!seen[$1 " " $2]++) order[n++] = $1 " " $2 }
    END {
      for (i = 0; i < n; ++i) {
        split(order[i], k, " ")
        call = (k[1] == "memory" ? "WdfMemoryCreate" : "ExAllocatePool2") " " k[2] "B"
        np = rate[order[i] " nonpaged"]; p = rate[order[i] " paged"]
        printf "%-22s %-6s %12d %12d %7.2fx\n", call, build, np, p, np ? p / np : 0
      }
    }' "$work/$build.txt"
done

# The echo scenario end to end: best of 5 wall times.
best_ms() {
  local best=
  for _ in 1 2 3 4 5; do
    local t0 t1 ms
    t0=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    t1=$(date +%s%N)
    ms=$(( (t1 - t0) / 1000000 ))
    if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
  done
  echo "$best"
}
scenario="$root/runtime/scenarios/echo.scenario"
plain_ms=$(best_ms "$build/bin/echo-runtime" --quiet --repeat 50 "$scenario")
msan_ms=$(best_ms "$build/bin/echo-runtime-msan" --quiet --repeat 50 "$scenario")
echo
echo "echo example, scenario x50 (+50 for the leak check), best of 5:"
echo "  plain ${plain_ms} ms, msan ${msan_ms} ms, msan/plain $(awk -v a="$msan_ms" -v b="$plain_ms" 'BEGIN { printf "%.2f", (b ? a / b : 0) }')x"
