#!/bin/sh
# wdfcheck pull-request check: fails on the findings a change introduces,
# not on those the base already had.  Run from the repository's top
# directory after the build has written its compile database.
#
#   docs/ci/check.sh <build-dir> [<base-revision>]    (default: origin/main)
#
# Writes wdfcheck-new.sarif (the new findings, for an artifact or code
# scanning).  Exit status: 0 nothing new, 1 new findings, 2 wdfcheck could
# not check (a file that does not compile, an unknown revision).
set -u
build=${1:?usage: check.sh <build-dir> [<base-revision>]}
base=${2:-origin/main}
wdfcheck=${WDFCHECK:-wdfcheck}
jobs=$(nproc 2>/dev/null || echo 2)

status=0
"$wdfcheck" -p "$build" --changed-since="$base" -j "$jobs" \
  --format=sarif -o wdfcheck-new.sarif || status=$?
case $status in
  0) echo "wdfcheck: no new findings since $base" ;;
  1) "$wdfcheck" -p "$build" --changed-since="$base" -j "$jobs" --quiet || true
     echo "wdfcheck: the change introduces the findings above (wdfcheck-new.sarif)" ;;
  *) echo "wdfcheck: could not check the change (status $status)" ;;
esac
exit $status
