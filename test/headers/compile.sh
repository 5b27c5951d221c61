#!/bin/sh
# compile.sh -- check that the model headers (runtime/include) build the smoke
# driver warning-free in every supported configuration:
#   {C11, C++17} x {Linux, x86_64-pc-windows-msvc} x {plain, WDK shape}
# with clang 19, plus gcc -std=c11 for the plain Linux shape.
# Takes no arguments; works from any directory; stops at the first failure.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
include="$here/../../runtime/include"
source="$here/Inputs/smoke.c"

CLANG=${CLANG:-clang-19}
CLANGXX=${CLANGXX:-clang++-19}
GCC=${GCC:-gcc}

warn="-fsyntax-only -Wall -Wextra -Werror"

run() {
    label=$1
    shift
    printf '%-44s ' "$label"
    if "$@"; then
        echo ok
    else
        echo FAILED
        echo "command: $*" >&2
        exit 1
    fi
}

for lang in c11 c++17; do
    case $lang in
    c11) compiler="$CLANG -std=c11 -x c" ;;
    c++17) compiler="$CLANGXX -std=c++17 -x c++" ;;
    esac
    for target in linux windows-msvc; do
        case $target in
        linux) target_flags="" ;;
        windows-msvc) target_flags="--target=x86_64-pc-windows-msvc -fms-extensions" ;;
        esac
        for shape in plain wdk; do
            case $shape in
            plain) shape_flags="" ;;
            wdk) shape_flags="-DWDFCHECK_WDK_SHAPE=1" ;;
            esac
            # shellcheck disable=SC2086 # flag lists are split on purpose
            run "clang $lang $target $shape" \
                $compiler $target_flags $shape_flags $warn -I "$include" "$source"
        done
    done
done

# shellcheck disable=SC2086
run "gcc c11 linux plain" $GCC -std=c11 $warn -I "$include" "$source"

echo "all configurations passed"
