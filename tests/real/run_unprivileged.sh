#!/bin/sh
# Safety test 7: runs the real-backend suite as an unprivileged user. As root, drops to nobody
# (uid/gid 65534, no groups) with setpriv; otherwise the suite already runs unprivileged.
# Exit 77 (reported by ctest as skipped) when that user cannot reach the test binary.
drop="setpriv --reuid 65534 --regid 65534 --clear-groups"
if [ "$(id -u)" = 0 ]; then
  if ! command -v setpriv > /dev/null; then
    echo "skipped: setpriv (util-linux) is not installed" >&2
    exit 77
  fi
  if ! $drop test -x "$1"; then
    echo "skipped: uid 65534 cannot execute $1 (build in a directory other users can read)" >&2
    exit 77
  fi
  exec $drop "$@"
fi
exec "$@"
