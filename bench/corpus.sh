#!/usr/bin/env bash
# Benchmark on the driver corpus (test/corpus): wall time and peak RSS of
#   - wdfcheck (-j1)
#   - clang --analyze with the core checkers (the analyzer without wdf)
#   - clang -fsyntax-only (parsing and semantic analysis only)
# on the same files with the same flags, measured in the same run, with the
# ratios to both baselines; then wdfcheck's per-file time (p50, p95) and
# its throughput with -j1 and -j2.
#
# usage: bench/corpus.sh [repetitions]        (default 3; wall times are the
#                                              best of the repetitions)
# environment: CLANG (default clang-19), WDFCHECK_BUILD_DIR (default build)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${WDFCHECK_BUILD_DIR:-$root/build}
wdfcheck=$build/bin/wdfcheck
clang=${CLANG:-clang-19}
reps=${1:-3}
inc="$root/runtime/include"
cd "$root"

mapfile -t cfiles < <(find test/corpus -name '*.c' | sort)
mapfile -t cxxfiles < <(find test/corpus -name '*.cpp' | sort)
nfiles=$(( ${#cfiles[@]} + ${#cxxfiles[@]} ))
lines=$(cat test/corpus/*/*.c test/corpus/*/*.cpp test/corpus/*/*.h | wc -l)
cflags=(-std=c11 -I "$inc")
cxxflags=(-std=c++17 -x c++ -I "$inc")

[ -x "$wdfcheck" ] || { echo "corpus.sh: $wdfcheck not built" >&2; exit 2; }
gnutime=/usr/bin/time
if ! "$gnutime" -f '%M' true >/dev/null 2>&1; then
  gnutime=
  echo "corpus.sh: GNU time not found (apt-get install time): no peak RSS" >&2
fi

# The three configurations, each over the whole corpus.
run_wdfcheck() { # $1: -j value
  "$wdfcheck" --quiet -j "$1" "${cfiles[@]}" -- "${cflags[@]}" >/dev/null || true
  "$wdfcheck" --quiet -j "$1" "${cxxfiles[@]}" -- "${cxxflags[@]}" >/dev/null || true
}
run_analyze() {
  local f
  for f in "${cfiles[@]}"; do
    "$clang" --analyze -Xclang -analyzer-checker=core "${cflags[@]}" "$f" -o /dev/null 2>/dev/null
  done
  for f in "${cxxfiles[@]}"; do
    "$clang" --analyze -Xclang -analyzer-checker=core "${cxxflags[@]}" "$f" -o /dev/null 2>/dev/null
  done
}
run_syntax() {
  local f
  for f in "${cfiles[@]}"; do "$clang" -fsyntax-only "${cflags[@]}" "$f"; done
  for f in "${cxxfiles[@]}"; do "$clang" -fsyntax-only "${cxxflags[@]}" "$f"; done
}

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

best_ms() { # best wall time in ms of "$@" over $reps runs
  local best= t0 t1 ms
  for _ in $(seq "$reps"); do
    t0=$(now_ms); "$@"; t1=$(now_ms)
    ms=$(( t1 - t0 ))
    if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
  done
  echo "$best"
}

peak_kb() { # peak RSS in KB of "$@" (the largest process of the run)
  if [ -z "$gnutime" ]; then echo "-"; return; fi
  local out
  out=$(mktemp)
  "$gnutime" -f '%M' -o "$out" bash -c "$(declare -p cfiles cxxfiles cflags cxxflags wdfcheck clang); $(declare -f "$1"); $*" >/dev/null 2>&1 || true
  tail -n 1 "$out"
  rm -f "$out"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }

echo "corpus: $nfiles files (${#cfiles[@]} C, ${#cxxfiles[@]} C++), $lines lines; best of $reps runs"
echo

t_syntax=$(best_ms run_syntax)
t_analyze=$(best_ms run_analyze)
t_wdf=$(best_ms run_wdfcheck 1)
m_syntax=$(peak_kb run_syntax)
m_analyze=$(peak_kb run_analyze)
m_wdf=$(peak_kb run_wdfcheck 1)

printf '%-36s %9s %8s %10s %9s\n' "configuration" "wall ms" "x syntax" "x analyze" "peak RSS"
printf '%-36s %9s %8s %10s %8s\n' "clang -fsyntax-only" "$t_syntax" "1.00" \
  "$(ratio "$t_syntax" "$t_analyze")" "${m_syntax} KB"
printf '%-36s %9s %8s %10s %8s\n' "clang --analyze (core)" "$t_analyze" \
  "$(ratio "$t_analyze" "$t_syntax")" "1.00" "${m_analyze} KB"
printf '%-36s %9s %8s %10s %8s\n' "wdfcheck -j1" "$t_wdf" \
  "$(ratio "$t_wdf" "$t_syntax")" "$(ratio "$t_wdf" "$t_analyze")" "${m_wdf} KB"
if [ "$m_analyze" != "-" ]; then
  echo "peak RSS, wdfcheck / clang --analyze: $(ratio "$m_wdf" "$m_analyze")x;" \
       "wdfcheck / clang -fsyntax-only: $(ratio "$m_wdf" "$m_syntax")x"
fi
echo

# Per-file time of wdfcheck: one invocation per file (best of the
# repetitions for each file).
times=()
for f in "${cfiles[@]}" "${cxxfiles[@]}"; do
  case $f in
  *.cpp) flags=("${cxxflags[@]}") ;;
  *) flags=("${cflags[@]}") ;;
  esac
  best=
  for _ in $(seq "$reps"); do
    t0=$(now_ms)
    "$wdfcheck" --quiet "$f" -- "${flags[@]}" >/dev/null || true
    t1=$(now_ms)
    ms=$(( t1 - t0 ))
    if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
  done
  times+=("$best")
done
read -r p50 p95 pmax < <(printf '%s\n' "${times[@]}" | sort -n | awk '
  { v[NR] = $1 }
  END {
    i50 = int(0.50 * NR + 0.999999); if (i50 < 1) i50 = 1
    i95 = int(0.95 * NR + 0.999999); if (i95 < 1) i95 = 1
    print v[i50], v[i95], v[NR]
  }')
echo "wdfcheck per file ($nfiles files, one process each): p50 ${p50} ms, p95 ${p95} ms, max ${pmax} ms"

# Throughput: the whole corpus with one and with two files at a time.
t_j1=$t_wdf
t_j2=$(best_ms run_wdfcheck 2)
tp() { awk -v n="$nfiles" -v ms="$1" 'BEGIN { printf "%.1f", (ms > 0 ? n * 1000 / ms : 0) }'; }
echo "wdfcheck throughput: -j1 $(tp "$t_j1") files/s (${t_j1} ms), -j2 $(tp "$t_j2") files/s (${t_j2} ms), speed-up $(ratio "$t_j1" "$t_j2")x on $(nproc) CPUs"
