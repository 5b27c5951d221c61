#!/usr/bin/env bash
# The --kmdf-headers header set on Microsoft's KMDF samples: how many of the
# realworld harness's files parse with wdfcheck's flags and shim instead of
# the harness's (docs/headers.md).
#
#   bench/kmdf-headers.sh [-j N] [--wdf=DIR] [--kmdf=1.33] [--clang-only|--wdfcheck-only]
#
# Needs the harness's database (/work/shared/realworld/prepare.sh writes
# $WDF_REALWORLD_DIR, default /tmp/wdf-realworld) and a Windows-Driver-
# Frameworks checkout (--wdf; by default the git mirror's src/publicinc is
# extracted to a temporary directory for wdfcheck, and clang gets the
# harness's extracted WDF tree, which carries its case aliases).  Each entry keeps the project's own
# -D/-I and the harness's gen/ directory (WPP/mc/wmimofck stand-ins); the
# harness's target, predefines, -include, -isystem, casefix and WDF
# directory are replaced by `wdfcheck header-flags`.  Two counts:
#   clang:    clang-19 -fsyntax-only, with the harness's casefix/ directory
#             appended (clang-19 has no case folding of its own);
#   wdfcheck: wdfcheck FILE -- FLAGS (its case-folding file system, no
#             casefix/); exit status 2 = did not compile.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${WDFCHECK_BUILD_DIR:-$root/build}
wdfcheck=$build/bin/wdfcheck
rw=${WDF_REALWORLD_DIR:-/tmp/wdf-realworld}
jobs=2 wdf= kmdf=1.33 mode=both
for a in "$@"; do
  case $a in
    -j*) jobs=${a#-j} ;;
    --wdf=*) wdf=${a#--wdf=} ;;
    --kmdf=*) kmdf=${a#--kmdf=} ;;
    --clang-only) mode=clang ;;
    --wdfcheck-only) mode=wdfcheck ;;
    *) echo "usage: $0 [-jN] [--wdf=DIR] [--kmdf=X.Y] [--clang-only|--wdfcheck-only]" >&2; exit 2 ;;
  esac
done
[ -f "$rw/compile_commands.json" ] || {
  echo "no $rw/compile_commands.json: run /work/shared/realworld/prepare.sh" >&2; exit 2; }
out=$(mktemp -d /tmp/kmdf-headers.XXXXXX)
if [ -n "$wdf" ]; then
  wdf_wdfcheck=$wdf wdf_clang=$wdf
else
  mirror=${WDF_MIRROR:-/work/.mirror/microsoft+Windows-Driver-Frameworks/repo}
  wdf_wdfcheck=$out/wdf
  mkdir -p "$wdf_wdfcheck"
  git -C "$mirror" archive HEAD src/publicinc | tar -x -C "$wdf_wdfcheck"
  # The harness's WDF headers in a checkout's layout.
  wdf_clang=$out/wdf-harness
  mkdir -p "$wdf_clang/src/publicinc/wdf"
  ln -s "$rw/wdf/kmdf" "$wdf_clang/src/publicinc/wdf/kmdf"
fi
for m in clang wdfcheck; do
  w=wdf_$m
  for x in c cxx; do
    "$wdfcheck" header-flags --kmdf-headers="${!w}" --kmdf="$kmdf" \
      $([ $x = cxx ] && echo --cxx) > "$out/flags.$m.$x"
  done
done

# One script per entry: the clang command and the wdfcheck command.
python3 - "$rw" "$out" <<'PY'
import json, os, shlex, sys
rw, out = sys.argv[1], sys.argv[2]
def flags(mode, kind):
    lines = open(os.path.join(out, "flags.%s.%s" % (mode, kind))).read().split("\n")
    cut = lines.index("--")
    return lines[:cut], [l for l in lines[cut + 1:] if l]
harness_defs = {"_AMD64_", "AMD64", "_WIN64", "_KERNEL_MODE", "WINNT",
                "_WIN32_WINNT", "WINVER", "NTDDI_VERSION", "POOL_NX_OPTIN",
                "DEPRECATE_DDK_FUNCTIONS", "MSC_NOOPT", "KMDF_VERSION_MAJOR",
                "KMDF_VERSION_MINOR", "DBG"}
entries = json.load(open(os.path.join(rw, "compile_commands.json")))
for n, e in enumerate(entries):
    a = e["arguments"][1:]
    f = a[a.index("-c") + 1]
    a = a[:a.index("-c")]
    cxx = "c++" in a
    keep, i, predef = [], 0, True
    while i < len(a):
        x = a[i]
        if x in ("-x", "-include", "-isystem"):
            i += 2; continue
        if x.startswith(("--target", "-fms-", "-fgnuc", "-std=", "-fno-exceptions",
                         "-fno-rtti", "-Wno-")):
            i += 1; continue
        if x.startswith("-D"):
            name = x[2:].split("=")[0]
            # the harness's block of predefines comes before the project's
            if predef and name in harness_defs:
                i += 1; continue
            predef = False
        if x.startswith("-I") and "/wdf/kmdf/" in x:
            i += 1; continue
        keep.append(x); i += 1
    kind = "cxx" if cxx else "c"
    with open(os.path.join(out, "%03d.sh" % n), "w") as s:
        s.write("cd %s\n" % shlex.quote(e["directory"]))
        s.write("file=%s\n" % shlex.quote(f))
        for mode in ("clang", "wdfcheck"):
            before, after = flags(mode, kind)
            s.write("args_%s=(%s)\n" % (mode, " ".join(
                shlex.quote(x) for x in before + keep + after)))
        s.write("casefix=(-isystem %s)\n" % shlex.quote(os.path.join(rw, "casefix")))
PY

run_one() { # $1 = entry script, $2 = mode
  . "$1"
  case $2 in
    clang) clang-19 -fsyntax-only "${args_clang[@]}" "${casefix[@]}" "$file" \
             > "${1%.sh}.clang.log" 2>&1 ;;
    wdfcheck) "$WDFCHECK" --no-model-headers --quiet --checks=WM001 "$file" -- \
                "${args_wdfcheck[@]}" > "${1%.sh}.wdfcheck.log" 2>&1 || [ $? -ne 2 ] ;;
  esac && echo "ok $file" || echo "FAIL $file"
}
export -f run_one
export WDFCHECK=$wdfcheck
for m in clang wdfcheck; do
  [ $mode = both ] || [ $mode = $m ] || continue
  ls "$out"/[0-9]*.sh | xargs -P "$jobs" -I{} bash -c "run_one {} $m" \
    | sort -k2 > "$out/$m.txt"
  total=$(wc -l < "$out/$m.txt"); ok=$(grep -c '^ok ' "$out/$m.txt" || true)
  echo "$m: $ok of $total parsed"
  grep '^FAIL' "$out/$m.txt" | sed 's/^/  /' || true
done
echo "logs: $out"
