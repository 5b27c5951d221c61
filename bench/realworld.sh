#!/usr/bin/env bash
# Benchmark and triage check on real drivers: Microsoft's KMDF samples, as a
# compile database built outside the project (test/realworld/README.md).
#
# Runs, one process per file, `wdfcheck --format=sarif` and beside it
# `clang-19 --analyze` (the analyzer's default core checkers) with the same
# arguments on the same files in the same run, and prints
#   - the total wall time of both and their ratio, the peak RSS (the largest
#     process) of both and their ratio, wdfcheck's p50/p95/max per file;
#   - the tool failures (exit status other than 0/1, signal, timeout) and the
#     files that do not compile (wdfcheck exit status 2, first error);
#   - the findings per rule, and how they compare with the triage file
#     test/realworld/triage.txt: NEW (not in it), GONE (in it, not found),
#     and the count of true findings and false alarms.
#
# usage: bench/realworld.sh [--db DIR] [-j N] [--out DIR] [--list] [--ctu]
#                           [--write-triage] [file-or-dir...]
#   --db DIR        the database (default $WDF_REALWORLD_DIR, else
#                   <tmpdir>/wdf-realworld)
#   -j N            N processes at a time (default 1)
#   file-or-dir     only these entries, relative to <db>/src/
#   --write-triage  rewrite the triage file from this run: verdicts of the
#                   findings still found are kept, new ones are `untriaged`
#   --ctu           also analyse the database as a whole, without and with
#                   --ctu (index cold, then reused): wall time, peak RSS and
#                   index build share, and the findings only --ctu makes
#                   against test/realworld/triage-ctu.txt
#   --help          all options
# environment: WDFCHECK_BUILD_DIR (default build), CLANG (default clang-19)
#
# Exit status: 0 the run matches the triage file, 1 findings differ from it,
# 2 a tool could not do its job (cannot start, crash, timeout, no SARIF) or
# bad input (no database, unreadable triage file).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${WDFCHECK_BUILD_DIR:-$root/build}
command -v python3 >/dev/null || { echo "realworld.sh: python3 not found" >&2; exit 2; }
exec python3 "$root/bench/realworld.py" --wdfcheck "$build/bin/wdfcheck" \
  --clang "${CLANG:-clang-19}" --triage "$root/test/realworld/triage.txt" "$@"
