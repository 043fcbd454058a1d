#!/bin/sh
# Safety test 7: runs the real-backend suite as an unprivileged user. As root, drops to nobody
# (uid/gid 65534, no groups) with setpriv; otherwise the suite already runs unprivileged.
if [ "$(id -u)" = 0 ]; then
  exec setpriv --reuid 65534 --regid 65534 --clear-groups "$@"
fi
exec "$@"
