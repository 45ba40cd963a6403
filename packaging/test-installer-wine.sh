#!/usr/bin/env bash
# The Windows installer tested as a user would, under wine in a fresh prefix (packaging/build-windows.sh first):
# silent install (/S), the installed program's `catalogs`, import of the example, `export-pdf` (qpdf --check),
# the window with a screenshot, a bundle (*.inovasi) opened through its file association (the window shows
# 'Terima kiriman'; a second one is handed to that window), then the silent uninstall, checking the data
# folder is still there.
# Prints the figures for the README: installer size, installed size, start-up of the built window against
# the development install (the Windows Python of scripts/windows/setup-winpy.sh), in the same run.
# Usage: bash packaging/test-installer-wine.sh [dist/InovasiDesktop-<versi>-setup.exe]     (about 1-2 minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
export W=${W:-${XDG_CACHE_HOME:-$HOME/.cache}/inovasi-winpy}
VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' inovasi_desktop/__init__.py)
SETUP=$(realpath "${1:-dist/InovasiDesktop-$VERSION-setup.exe}")
ART=$PWD/artifacts
mkdir -p "$ART"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export WINEPREFIX=$TMP/prefix WINEDEBUG=-all WINEDLLOVERRIDES=mscms=n
say() { echo "installer-test: $*"; }
run() { wine "$@" 2>&1 | cat; return "${PIPESTATUS[0]}"; }  # wine 8: std handles must be pipes
# Before a window: end the prefix's wine processes. Wine's desktop process, started by the steps before
# without a display (or on an Xvfb that has ended), would otherwise keep every window of this prefix off screen.
new_session() { wineserver -k 2>/dev/null || true; }

say "fresh wine prefix"
wineboot -i >/dev/null 2>&1
LOCAL=$(winepath -u "$(wine cmd /c echo %LOCALAPPDATA% 2>/dev/null | tr -d '\r')")
DESKTOP=$(winepath -u "$(wine cmd /c echo %USERPROFILE% 2>/dev/null | tr -d '\r')")/Desktop
START_MENU=$(winepath -u "$(wine cmd /c echo %APPDATA% 2>/dev/null | tr -d '\r')")/Microsoft/Windows/Start\ Menu/Programs
INST=$LOCAL/Programs/InovasiDesktop
DATA=$LOCAL/InovasiDesktop

say "silent install of $(basename "$SETUP") ($(du -m "$SETUP" | cut -f1) MB)"
run "$SETUP" /S
test -f "$INST/InovasiDesktop.exe" -a -f "$INST/inovasi-desktop.exe" -a -f "$INST/uninstall.exe"
test -f "$DESKTOP/Inovasi Desktop.lnk" -a -f "$START_MENU/Inovasi Desktop.lnk"
wine reg query 'HKCU\Software\Classes\.pdf\OpenWithProgids' 2>/dev/null | grep -q InovasiDesktop.PDF
wine reg query 'HKCU\Software\Classes\.inovasi' 2>/dev/null | grep -q InovasiDesktop.Bundle
say "installed: $(du -sm "$INST" | cut -f1) MB in $INST"

cli() { run "$INST/inovasi-desktop.exe" "$@"; }
say catalogs
cli catalogs | grep -q iid-2026
say "import-json of the example, with its evidence"
id=$(cli import-json "$(winepath -w examples/contoh-inovasi.json)" --json | python3 -c \
    "import json,sys; print(json.load(sys.stdin)['id'])")
cli check "$id" | tail -1 | grep -q "Siap dikirim"
say export-pdf
cli export-pdf "$id" -o "$(winepath -w "$ART/installed-dossier.pdf")" >/dev/null
qpdf --check "$ART/installed-dossier.pdf" >/dev/null
test -f "$DATA/inovasi.sqlite3"

say "the window (windows platform, Xvfb)"
[ -f "$W/prefix-window/system.reg" ] || WINEPREFIX=$W/prefix-window wineboot -i >/dev/null 2>&1
# wine 8.0 only: stand-ins for three Windows 10 DLLs it lacks (scripts/windows/setup-winpy.sh); not in the installer
for dll in icuuc mscms bcryptprimitives; do cp "$W/py311/$dll.dll" "$INST/_internal/"; done
new_session
built=$(xvfb-run -a -s "-screen 0 1366x768x24" bash scripts/windows/window-shot.sh "$ART/installed-window.png" \
    "$INST/InovasiDesktop.exe")
dev=$(INOVASI_HOME="Z:${DATA//\//\\}" WINEPREFIX=$W/prefix-window xvfb-run -a -s "-screen 0 1366x768x24" bash scripts/windows/window-shot.sh \
    "$TMP/dev-window.png" "$W/py311/python.exe" -m inovasi_desktop)
say "window shown after ${built} s (built), ${dev} s (development install, same machine, same run)"

say "a bundle opened with the registered command, then a second one while the window is open"
# What Explorer runs for a *.inovasi file. (wine 8 does not merge per-user classes into HKCR, so its `start`
# cannot follow the association itself; the command is checked and run as Explorer would.)
opener=$(wine reg query 'HKCU\Software\Classes\InovasiDesktop.Bundle\shell\open\command' /ve 2>/dev/null \
    | sed -n 's/.*REG_SZ *//p' | tr -d '\r')
[ "$opener" = "\"$(winepath -w "$INST")\\InovasiDesktop.exe\" \"%1\"" ] || { echo "opener: $opener" >&2; exit 1; }
cli bundle-export "$id" -o "$(winepath -w "$TMP/Kiriman Dinas Kesehatan.inovasi")" >/dev/null
cp "$TMP/Kiriman Dinas Kesehatan.inovasi" "$TMP/Kiriman kedua.inovasi"
new_session
xvfb-run -a -s "-screen 0 1366x768x24" bash -c '
    ( wine "$2" "$(winepath -w "$3")" 2>&1 | cat ) &
    shown=""
    for _ in $(seq 600); do  # the window opens with the receive dialog over it
        if xdotool search --onlyvisible --name "^Terima kiriman$" >/dev/null 2>&1; then shown=1; break; fi
        sleep 0.2
    done
    sleep 3
    import -window root "$1" || true
    timeout 90 wine "$2" "$(winepath -w "$4")" 2>&1 | cat  # the second start hands the file over and ends
    sleep 2
    wineserver -k
    [ -n "$shown" ] || { echo "no Terima kiriman dialog within 120 s" >&2; exit 1; }' _ \
    "$ART/installed-open-bundle.png" "$INST/InovasiDesktop.exe" "$TMP/Kiriman Dinas Kesehatan.inovasi" \
    "$TMP/Kiriman kedua.inovasi"
grep -q "A second start handed over a file to open here: .*Kiriman kedua.inovasi" "$DATA/log/inovasi.log"
for dll in icuuc mscms bcryptprimitives; do rm "$INST/_internal/$dll.dll"; done

say "silent uninstall"
run "$INST/uninstall.exe" /S
for _ in $(seq 60); do [ -e "$INST/InovasiDesktop.exe" ] || break; sleep 1; done  # it reruns itself from %TEMP%
test ! -e "$INST/InovasiDesktop.exe" -a ! -e "$DESKTOP/Inovasi Desktop.lnk" -a ! -e "$START_MENU/Inovasi Desktop.lnk"
! wine reg query 'HKCU\Software\Classes\InovasiDesktop.Bundle' >/dev/null 2>&1
test -f "$DATA/inovasi.sqlite3" && test -d "$DATA/bukti"
say "passed: the data folder stays ($(ls "$DATA" | tr '\n' ' '))"
