#!/usr/bin/env bash
# Benchmark on the driver corpus (test/corpus): wall time and peak RSS of
#   - wdfcheck (-j1)
#   - clang --analyze with the core checkers (the analyzer without wdf)
#   - clang -fsyntax-only (parsing and semantic analysis only)
# on the same files with the same flags, measured in the same run, with the
# ratios to both baselines; then wdfcheck's per-file time (p50, p95, the
# slowest files) and its throughput with -j1 and -j2; then each corpus driver
# as a whole: wdfcheck -p (file by file) against wdfcheck -p --ctu (across
# files; the index built cold, then reused): time, peak RSS, index share.
#
# With --callgrind: instructions executed (callgrind's Ir, which the load of
# the machine does not change) by wdfcheck and by clang --analyze (core) on
# the slowest files, file by file, and their ratios.
#
# usage: bench/corpus.sh [repetitions]        (default 3; wall times are the
#                                              best of the repetitions)
#        bench/corpus.sh --callgrind [N | file...]
#                                             (default: the 4 files wdfcheck
#                                              is slowest on)
# environment: CLANG (default clang-19), WDFCHECK_BUILD_DIR (default build)
#
# Every run of wdfcheck and clang is checked: if one cannot start, or
# cannot do its job on a file (wdfcheck exit status 2, clang non-zero), the
# benchmark stops with the command and its messages instead of printing
# ratios against runs that did not analyse the corpus.  Exit status 2 then.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${WDFCHECK_BUILD_DIR:-$root/build}
wdfcheck=$build/bin/wdfcheck
clang=${CLANG:-clang-19}
inc="$root/runtime/include"
cd "$root"

mode=time
if [ "${1:-}" = "--callgrind" ]; then
  mode=callgrind
  shift
else
  reps=${1:-3}
  case $reps in
  '' | *[!0-9]* | 0) echo "usage: bench/corpus.sh [repetitions] | --callgrind [N | file...]" >&2; exit 2 ;;
  esac
fi

mapfile -t cfiles < <(find test/corpus -name '*.c' | sort)
mapfile -t cxxfiles < <(find test/corpus -name '*.cpp' | sort)
mapfile -t drivers < <(find test/corpus -mindepth 1 -maxdepth 1 -type d | sort)
nfiles=$(( ${#cfiles[@]} + ${#cxxfiles[@]} ))
lines=$(cat test/corpus/*/*.c test/corpus/*/*.cpp test/corpus/*/*.h | wc -l)
cflags=(-std=c11 -I "$inc")
cxxflags=(-std=c++17 -x c++ -I "$inc")

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

die() {
  echo "corpus.sh: $*" >&2
  exit 2
}

# checked TOOL COMMAND...: runs COMMAND (output discarded) and stops the
# benchmark when TOOL could not do its job.  wdfcheck: 0 no findings,
# 1 findings, anything else (2: bad usage or a file that does not compile;
# 126/127: cannot start; >128: killed by a signal) is a failure.  clang:
# anything but 0 (warnings never change its status).
checked() {
  local tool=$1 status=0
  shift
  "$@" >/dev/null 2>"$tmp/stderr" || status=$?
  case $tool:$status in
  wdfcheck:0 | wdfcheck:1 | clang:0) return 0 ;;
  esac
  {
    echo "corpus.sh: $tool failed (exit status $status) running:"
    echo "  $*"
    sed -n '1,20s/^/  | /p' "$tmp/stderr"
    echo "corpus.sh: stopped: timings of runs that did not analyse every file mean nothing"
  } >&2
  exit 2
}

# The tools must start at all before anything is measured.
command -v "$clang" >/dev/null || die "$clang not found (set CLANG)"
[ -x "$wdfcheck" ] || die "$wdfcheck not built"
checked wdfcheck "$wdfcheck" list-rules
checked clang "$clang" --version

# flags_of VAR FILE: the compiler flags for FILE, into the array VAR.
flags_of() {
  local -n _fl=$1
  case $2 in
  *.cpp) _fl=("${cxxflags[@]}") ;;
  *) _fl=("${cflags[@]}") ;;
  esac
}

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# file_ms VAR FILE: the best time in ms of wdfcheck on FILE alone, over
# $reps runs.
file_ms() {
  local -n _out=$1
  local _f=$2 _best= _t0 _t1 _ms _flags
  flags_of _flags "$_f"
  for _ in $(seq "$reps"); do
    _t0=$(now_ms)
    checked wdfcheck "$wdfcheck" --quiet "$_f" -- "${_flags[@]}"
    _t1=$(now_ms)
    _ms=$(( _t1 - _t0 ))
    if [ -z "$_best" ] || [ "$_ms" -lt "$_best" ]; then _best=$_ms; fi
  done
  _out=$_best
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }

# ---------------------------------------------------------------------------
# --callgrind: instruction counts on the slowest files
# ---------------------------------------------------------------------------

# instructions VAR TOOL COMMAND...: instructions executed by COMMAND and
# every process it starts (clang may run its cc1 as a child).
instructions() {
  local -n _total=$1
  local _tool=$2
  shift 2
  rm -f "$tmp"/cg.*
  checked "$_tool" valgrind --tool=callgrind --trace-children=yes \
    --callgrind-out-file="$tmp/cg.%p" "$@"
  _total=$(awk '
    FNR == 1 { if (seen) sum += n; seen = 1; n = 0; have = 0 }
    /^summary:/ { n = $2; have = 1 }
    /^totals:/ && !have { n = $2 }
    END { if (seen) sum += n; printf "%.0f", sum }' "$tmp"/cg.*)
}

if [ "$mode" = callgrind ]; then
  command -v valgrind >/dev/null ||
    die "valgrind not found (apt-get install valgrind): no instruction counts"
  files=()
  count=4
  if [ $# -eq 1 ] && [[ $1 =~ ^[0-9]+$ ]]; then
    count=$1
  elif [ $# -gt 0 ]; then
    files=("$@")
  fi
  if [ ${#files[@]} -eq 0 ]; then
    # The slowest files: one timed run of wdfcheck on each.
    reps=1
    : >"$tmp/per-file"
    for f in "${cfiles[@]}" "${cxxfiles[@]}"; do
      file_ms ms "$f"
      echo "$ms $f" >>"$tmp/per-file"
    done
    mapfile -t files < <(sort -rn "$tmp/per-file" | head -n "$count" | awk '{ print $2 }')
  fi
  echo "callgrind: instructions (Ir) of wdfcheck and clang --analyze (core), ${#files[@]} files"
  echo
  printf '%-34s %16s %16s %8s\n' "file" "wdfcheck Ir" "clang Ir" "ratio"
  sum_w=0
  sum_c=0
  for f in "${files[@]}"; do
    [ -f "$f" ] || die "$f: no such file"
    flags_of flags "$f"
    instructions ir_w wdfcheck "$wdfcheck" --quiet "$f" -- "${flags[@]}"
    instructions ir_c clang "$clang" --analyze -Xclang -analyzer-checker=core \
      "${flags[@]}" "$f" -o /dev/null
    printf '%-34s %16s %16s %8s\n' "${f#test/corpus/}" "$ir_w" "$ir_c" "$(ratio "$ir_w" "$ir_c")"
    sum_w=$(awk -v a="$sum_w" -v b="$ir_w" 'BEGIN { printf "%.0f", a + b }')
    sum_c=$(awk -v a="$sum_c" -v b="$ir_c" 'BEGIN { printf "%.0f", a + b }')
  done
  printf '%-34s %16s %16s %8s\n' "total" "$sum_w" "$sum_c" "$(ratio "$sum_w" "$sum_c")"
  exit 0
fi

# ---------------------------------------------------------------------------
# Wall time and peak RSS
# ---------------------------------------------------------------------------

gnutime=/usr/bin/time
if ! "$gnutime" -f '%M' true >/dev/null 2>&1; then
  gnutime=
  echo "corpus.sh: GNU time not found (apt-get install time): no peak RSS" >&2
fi

# The three configurations, each over the whole corpus.
run_wdfcheck() { # $1: -j value
  checked wdfcheck "$wdfcheck" --quiet -j "$1" "${cfiles[@]}" -- "${cflags[@]}"
  checked wdfcheck "$wdfcheck" --quiet -j "$1" "${cxxfiles[@]}" -- "${cxxflags[@]}"
}
run_analyze() {
  local f
  for f in "${cfiles[@]}"; do
    checked clang "$clang" --analyze -Xclang -analyzer-checker=core "${cflags[@]}" "$f" -o /dev/null
  done
  for f in "${cxxfiles[@]}"; do
    checked clang "$clang" --analyze -Xclang -analyzer-checker=core "${cxxflags[@]}" "$f" -o /dev/null
  done
}
run_syntax() {
  local f
  for f in "${cfiles[@]}"; do checked clang "$clang" -fsyntax-only "${cflags[@]}" "$f"; done
  for f in "${cxxfiles[@]}"; do checked clang "$clang" -fsyntax-only "${cxxflags[@]}" "$f"; done
}

# best_ms VAR COMMAND...: the best wall time in ms of COMMAND over $reps
# runs (in this shell, so that a failure stops the benchmark).
best_ms() {
  local -n _out=$1
  shift
  local _best= _t0 _t1 _ms
  for _ in $(seq "$reps"); do
    _t0=$(now_ms); "$@"; _t1=$(now_ms)
    _ms=$(( _t1 - _t0 ))
    if [ -z "$_best" ] || [ "$_ms" -lt "$_best" ]; then _best=$_ms; fi
  done
  _out=$_best
}

# peak_kb VAR FUNCTION [ARGS]: peak RSS in KB of FUNCTION (the largest
# process of the run).
peak_kb() {
  local -n _out=$1
  shift
  if [ -z "$gnutime" ]; then _out="-"; return; fi
  local _status=0
  "$gnutime" -f '%M' -o "$tmp/rss" bash -c "set -euo pipefail; $(declare -p cfiles cxxfiles cflags cxxflags wdfcheck clang tmp); $(declare -p drivers); $(declare -f checked "$1"); $*" >/dev/null 2>"$tmp/rss-stderr" || _status=$?
  if [ "$_status" -ne 0 ]; then
    cat "$tmp/rss-stderr" >&2
    die "$1 failed under $gnutime (exit status $_status)"
  fi
  _out=$(tail -n 1 "$tmp/rss")
}

echo "corpus: $nfiles files (${#cfiles[@]} C, ${#cxxfiles[@]} C++), $lines lines; best of $reps runs"
echo

best_ms t_syntax run_syntax
best_ms t_analyze run_analyze
best_ms t_wdf run_wdfcheck 1
peak_kb m_syntax run_syntax
peak_kb m_analyze run_analyze
peak_kb m_wdf run_wdfcheck 1

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
: >"$tmp/per-file"
for f in "${cfiles[@]}" "${cxxfiles[@]}"; do
  file_ms ms "$f"
  echo "$ms $f" >>"$tmp/per-file"
done
read -r p50 p95 pmax < <(sort -n "$tmp/per-file" | awk '
  { v[NR] = $1 }
  END {
    i50 = int(0.50 * NR + 0.999999); if (i50 < 1) i50 = 1
    i95 = int(0.95 * NR + 0.999999); if (i95 < 1) i95 = 1
    print v[i50], v[i95], v[NR]
  }')
echo "wdfcheck per file ($nfiles files, one process each): p50 ${p50} ms, p95 ${p95} ms, max ${pmax} ms"
echo "slowest: $(sort -rn "$tmp/per-file" | head -n 4 | awk '{ sub("^test/corpus/", "", $2); printf "%s%s %d ms", (NR > 1 ? ", " : ""), $2, $1 }')"

# Throughput: the whole corpus with one and with two files at a time.
t_j1=$t_wdf
best_ms t_j2 run_wdfcheck 2
tp() { awk -v n="$nfiles" -v ms="$1" 'BEGIN { printf "%.1f", (ms > 0 ? n * 1000 / ms : 0) }'; }
echo "wdfcheck throughput: -j1 $(tp "$t_j1") files/s (${t_j1} ms), -j2 $(tp "$t_j2") files/s (${t_j2} ms), speed-up $(ratio "$t_j1" "$t_j2")x on $(nproc) CPUs"

# ---------------------------------------------------------------------------
# The whole driver: each corpus driver analysed as a whole (a compile
# database per driver directory), file by file (-p) and across files
# (-p --ctu, the index built cold, then reused), -j1.
# ---------------------------------------------------------------------------

for d in "${drivers[@]}"; do
  name=$(basename "$d")
  mkdir -p "$tmp/db-$name"
  python3 - "$d" "$tmp/db-$name/compile_commands.json" "$inc" <<'PY'
import json, os, sys
d, out, inc = os.path.abspath(sys.argv[1]), sys.argv[2], sys.argv[3]
entries = []
for f in sorted(os.listdir(d)):
    if f.endswith((".c", ".cpp")):
        flags = ["-std=c++17", "-x", "c++"] if f.endswith(".cpp") else ["-std=c11"]
        entries.append({"directory": d, "file": os.path.join(d, f),
                        "arguments": ["clang", *flags, "-I", inc, "-c", os.path.join(d, f)]})
json.dump(entries, open(out, "w"), indent=1)
PY
done
# run_drivers [cold] FLAGS...: wdfcheck on each driver's database; "cold"
# first removes the indexes and adds up, in $tmp/index-s, the index build
# times wdfcheck notes (so cold runs are not --quiet).
run_drivers() {
  local d name cold=0 s total=0
  if [ "${1:-}" = cold ]; then cold=1; shift; fi
  for d in "${drivers[@]}"; do
    name=$(basename "$d")
    if [ "$cold" = 1 ]; then
      rm -rf "$tmp/db-$name/.wdfcheck-ctu"
      checked wdfcheck "$wdfcheck" -j 1 -p "$tmp/db-$name" "$@"
      s=$(sed -n 's/.*cross-file index of .* built in \([0-9.]*\) s$/\1/p' "$tmp/stderr")
      total=$(awk -v a="$total" -v b="${s:-0}" 'BEGIN { print a + b }')
    else
      checked wdfcheck "$wdfcheck" --quiet -j 1 -p "$tmp/db-$name" "$@"
    fi
  done
  [ "$cold" = 1 ] && echo "$total" >"$tmp/index-s"
  return 0
}
best_ms t_single run_drivers
best_ms t_cold run_drivers cold --ctu
s_index=$(cat "$tmp/index-s")
best_ms t_warm run_drivers --ctu
peak_kb m_single run_drivers
peak_kb m_cold run_drivers cold --ctu
echo
echo "whole drivers (${#drivers[@]} databases, -j1): file by file ${t_single} ms, --ctu ${t_cold} ms" \
     "(index reused: ${t_warm} ms)"
echo "  --ctu / file by file: time $(ratio "$t_cold" "$t_single")x (index reused $(ratio "$t_warm" "$t_single")x)," \
     "peak RSS $(ratio "$m_cold" "$m_single")x (${m_cold} KB / ${m_single} KB)"
echo "  index builds: ${s_index} s, $(awk -v a="$s_index" -v b="$t_cold" 'BEGIN { printf "%.0f", (b > 0 ? 100000 * a / b : 0) }')% of the cold --ctu time"
