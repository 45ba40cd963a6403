#!/usr/bin/env bash
# Inside an X display (run it under xvfb-run): start a Windows program with wine, wait until the window
# "Inovasi Desktop" shows, let it settle, save a screenshot, end the program. Prints the seconds the window
# took to appear (the start-up figure). Usage: window-shot.sh OUT.png PROGRAM.exe [ARGUMENTS...]
# WINEPREFIX and friends come from the caller. Exit 1 when no window appears within 120 s.
set -euo pipefail
out=$1
shift
pidfile=$(mktemp)
start=$(date +%s.%N)
# wine 8 needs pipes, not files, as std handles; $! inside is the program's own (wine) process
( wine "$@" 2>&1 & echo $! > "$pidfile"; wait ) | cat >/dev/null &
reader=$!
shown=""
for _ in $(seq 1200); do
    if xdotool search --onlyvisible --name "Inovasi Desktop" >/dev/null 2>&1; then
        shown=$(date +%s.%N)
        break
    fi
    sleep 0.1
done
[ -z "$shown" ] || sleep 4  # the list is loaded in the background right after the first paint
import -window root "$out" || true
kill "$(cat "$pidfile")" 2>/dev/null || true
wait "$reader" 2>/dev/null || true
rm -f "$pidfile"
if [ -z "$shown" ]; then
    echo "window-shot: no window appeared within 120 s" >&2
    exit 1
fi
awk -v a="$start" -v b="$shown" 'BEGIN { printf "%.1f\n", b - a }'
