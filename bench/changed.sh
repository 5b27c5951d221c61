#!/usr/bin/env bash
# The pull-request check on Microsoft's KMDF samples: a scratch git
# repository made from the shared/realworld extract (no history; committed
# once), one file changed (a helper that allocates paged pool under a spin
# lock appended to echo's AutoSync/queue.c), then the time of a full run
# against `--changed-since=HEAD` with the base from a temporary checkout,
# and with the base from the full run's SARIF (--baseline).  Prints; asserts
# nothing.
#
# usage: bench/changed.sh [-j N]     (needs /tmp/wdf-realworld, see
#                                     bench/realworld.sh)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${WDFCHECK_BUILD_DIR:-$root/build}
wdfcheck="$build/bin/wdfcheck"
jobs=2
[ "${1:-}" = "-j" ] && jobs=$2
src=/tmp/wdf-realworld
[ -f "$src/compile_commands.json" ] || { echo "bench/changed.sh: run ../shared/realworld/prepare.sh first" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$src/src" "$work/src"
mkdir -p "$work/build"
python3 - "$src" "$work" <<'PY'
import json, sys
src, work = sys.argv[1], sys.argv[2]
text = open(f"{src}/compile_commands.json").read().replace(f"{src}/src", f"{work}/src")
open(f"{work}/build/compile_commands.json", "w").write(text)
PY
cd "$work"
printf 'build/\n' > .gitignore
git init -q && git add . && git -c user.name=bench -c user.email=bench@example.com commit -qm samples
"$wdfcheck" -p build -j "$jobs" --quiet --format=sarif -o "$work/base.sarif" || true

cat >> src/general/echo/kmdf/driver/AutoSync/queue.c <<'C'

VOID
EchoScratchAtDispatch(_In_ PKSPIN_LOCK Lock)
{
    KIRQL oldIrql;
    PVOID scratch;

    KeAcquireSpinLock(Lock, &oldIrql);
    scratch = ExAllocatePoolWithTag(PagedPool, 16, 'hcEs');
    if (scratch != NULL) {
        ExFreePoolWithTag(scratch, 'hcEs');
    }
    KeReleaseSpinLock(Lock, oldIrql);
}
C

now() { python3 -c 'import time; print(time.monotonic())'; }
seconds() { local s e; s=$(now); "$@" > /dev/null 2>&1 || true; e=$(now); python3 -c "print($e - $s)"; }
ratio() { python3 -c "print($1 / $2)"; }
full=$(seconds "$wdfcheck" -p build -j "$jobs" --quiet)
checkout=$(seconds "$wdfcheck" -p build -j "$jobs" --quiet --changed-since=HEAD)
baseline=$(seconds "$wdfcheck" -p build -j "$jobs" --quiet --changed-since=HEAD --baseline="$work/base.sarif")
new=$("$wdfcheck" -p build -j "$jobs" --quiet --changed-since=HEAD 2>/dev/null | grep -c 'warning:' || true)
files=$(python3 -c "import json; print(len(json.load(open('build/compile_commands.json'))))")
echo "samples: $files files; one file changed; -j $jobs"
printf '%-40s %8.2f s\n' "full run" "$full"
printf '%-40s %8.2f s  (%.1fx faster)\n' "--changed-since=HEAD (base checkout)" "$checkout" "$(ratio "$full" "$checkout")"
printf '%-40s %8.2f s  (%.1fx faster)\n' "--changed-since=HEAD --baseline=sarif" "$baseline" "$(ratio "$full" "$baseline")"
echo "new findings reported: $new"
