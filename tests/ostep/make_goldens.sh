#!/bin/sh
# Regenerates goldens/ by RUNNING OSTEP's scripts (never typed): for each line "SIM ARGS" of
# cases.txt, goldens/NNN.out is the script's stdout and goldens/index.txt records the exit code
# proclab must give (the script's, or 2 where the script dies with a Python traceback).
# Usage: tests/ostep/make_goldens.sh DIR_WITH_THE_SCRIPTS   (see goldens/README.md)
set -eu
scripts=$1
here=$(cd "$(dirname "$0")" && pwd)
out=$here/goldens
rm -f "$out"/*.out "$out"/index.txt
n=0
while read -r sim args; do
  n=$((n + 1))
  id=$(printf '%03d' "$n")
  set +e
  # shellcheck disable=SC2086  # the case's words are the script's arguments
  env -u COLUMNS LC_ALL=C.UTF-8 /usr/bin/python3 "$scripts/$sim.py" $args > "$out/$id.out" 2> "$out/$id.stderr"
  rc=$?
  set -e
  if grep -q '^Traceback' "$out/$id.stderr"; then rc=2; fi
  rm -f "$out/$id.stderr"
  printf '%s\t%s\t%s %s\n' "$id" "$rc" "$sim" "$args" >> "$out/index.txt"
done < "$here/cases.txt"
