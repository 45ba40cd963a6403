#!/usr/bin/env bash
# The Linux one-folder build (packaging/build-linux.sh) tested in a clean Debian 12 root without Python:
# debootstrap --variant=minbase, plus only the system libraries the README names for it (libgl1 libegl1),
# entered with chroot (as root; no mounts: the window reaches Xvfb over TCP). The command line (--version,
# catalogs, import-json of the bundled example with its evidence, check, export-pdf, then qpdf --check here)
# and the window (xcb) with a screenshot; prints the start-up against the development install on this machine.
# Usage (as root): bash packaging/test-linux-root.sh [ROOT] [dist/inovasi-desktop-<versi>-linux-x86_64.tar.gz]
#   ROOT defaults to build/debian-root, made with debootstrap when missing (a few minutes; needs a Debian mirror).
#   PY: the development install's python for the comparison (default .venv/bin/python).
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' inovasi_desktop/__init__.py)
ROOT=$(realpath -m "${1:-build/debian-root}")
TAR=$(realpath "${2:-dist/inovasi-desktop-$VERSION-linux-x86_64.tar.gz}")
PY=${PY:-.venv/bin/python}
ART=$PWD/artifacts
mkdir -p "$ART"
say() { echo "linux-root-test: $*"; }

if [ ! -x "$ROOT/bin/sh" ]; then
    say "debootstrap of a minimal Debian 12 into $ROOT"
    command -v debootstrap >/dev/null || apt-get install -y -q debootstrap >/dev/null
    debootstrap --variant=minbase bookworm "$ROOT" http://deb.debian.org/debian >/dev/null
fi
# a clean environment inside: nothing of this machine's (no PYTHONPATH, no venv on PATH)
in_root() { chroot "$ROOT" /usr/bin/env -i HOME=/home/pengguna LANG=C.UTF-8 PATH=/usr/bin:/bin "$@"; }
no_python() { ! in_root sh -c 'command -v python3 || command -v python || ls -d /usr/lib/python3*' >/dev/null 2>&1; }
no_python || { echo "linux-root-test: the root has Python" >&2; exit 1; }
if ! in_root sh -c 'ls /usr/lib/x86_64-linux-gnu/libEGL.so.1 /usr/lib/x86_64-linux-gnu/libGL.so.1' >/dev/null 2>&1; then
    say "the system libraries Qt needs from the system: libgl1 libegl1"
    cp /etc/resolv.conf "$ROOT/etc/resolv.conf"
    in_root DEBIAN_FRONTEND=noninteractive apt-get update -qq
    in_root DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends libgl1 libegl1 >/dev/null
fi
no_python || { echo "linux-root-test: the libraries brought Python" >&2; exit 1; }

say "unpacking $(basename "$TAR") ($(du -m "$TAR" | cut -f1) MB) into /opt"
rm -rf "$ROOT/opt/inovasi-desktop" "$ROOT/home/pengguna"
mkdir -p "$ROOT/home/pengguna"
tar -C "$ROOT/opt" -xzf "$TAR"
say "unpacked: $(du -sm "$ROOT/opt/inovasi-desktop" | cut -f1) MB"
APP=/opt/inovasi-desktop/inovasi-desktop
cli() { in_root INOVASI_HOME=/home/pengguna/data "$APP" "$@"; }

say "command line"
cli --version
cli catalogs | grep -q iid-2026
id=$(cli import-json /opt/inovasi-desktop/_internal/examples/contoh-inovasi.json --json \
    | sed -n 's/^  "id": "\(.*\)",$/\1/p')
[ -n "$id" ]
cli check "$id" | tail -1 | grep -q "Siap dikirim"
cli export-pdf "$id" -o /home/pengguna/berkas.pdf >/dev/null
qpdf --check "$ROOT/home/pengguna/berkas.pdf" >/dev/null
cp "$ROOT/home/pengguna/berkas.pdf" "$ART/linux-dossier.pdf"

say "the window (xcb, Xvfb over TCP)"
n=57
while [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ]; do n=$((n + 1)); done
Xvfb ":$n" -screen 0 1366x768x24 -listen tcp -ac >/dev/null 2>&1 &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null || true' EXIT
for _ in $(seq 50); do xdpyinfo -display ":$n" >/dev/null 2>&1 && break; sleep 0.1; done
shown_after() {  # START PID [PNG]: seconds from START until a visible "Inovasi Desktop" window; screenshot; ends PID
    local start=$1 pid=$2 png=${3:-} shown=""
    for _ in $(seq 1200); do
        if DISPLAY=":$n" xdotool search --onlyvisible --name "Inovasi Desktop" >/dev/null 2>&1; then
            shown=$(date +%s.%N); break
        fi
        sleep 0.1
    done
    [ -n "$shown" ] || { echo "linux-root-test: no window within 120 s" >&2; kill "$pid"; return 1; }
    sleep 4
    [ -z "$png" ] || import -display ":$n" -window root "$png"
    kill "$pid"; wait "$pid" 2>/dev/null || true
    for _ in $(seq 100); do  # gone before the next start is timed
        DISPLAY=":$n" xdotool search --onlyvisible --name "Inovasi Desktop" >/dev/null 2>&1 || break
        sleep 0.1
    done
    awk -v a="$start" -v b="$shown" 'BEGIN { printf "%.1f\n", b - a }'
}
start=$(date +%s.%N)
# chroot, not in_root: `$!` is then the program itself (chroot and env exec it)
chroot "$ROOT" /usr/bin/env -i HOME=/home/pengguna LANG=C.UTF-8 PATH=/usr/bin:/bin INOVASI_HOME=/home/pengguna/data \
    DISPLAY="127.0.0.1:$n" "$APP" >/dev/null 2>&1 &
built=$(shown_after "$start" $! "$ART/linux-window.png")
start=$(date +%s.%N)
INOVASI_HOME="$ROOT/home/pengguna/data" DISPLAY=":$n" "$PY" -m inovasi_desktop >/dev/null 2>&1 &
dev=$(shown_after "$start" $! "")
say "window shown after ${built} s (built, in the root), ${dev} s (development install, same machine, same run)"
say "passed"
