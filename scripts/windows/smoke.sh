#!/usr/bin/env bash
# Windows smoke test (called by .ci/run): under the Windows Python run by wine, the CLI's catalogs,
# import-json of the example with its evidence, check and export-pdf (then qpdf --check here), and the
# window with the real `windows` platform under Xvfb for a few seconds, screenshot in artifacts/.
# A few minutes including the interpreter's set-up (WINPY_REUSE=1: use the existing one).
set -euo pipefail
cd "$(dirname "$0")/../.."
export W=${W:-${XDG_CACHE_HOME:-$HOME/.cache}/inovasi-winpy}
if [ "${WINPY_REUSE:-}" != 1 ] || [ ! -x "$W/wpy" ]; then
    bash scripts/windows/setup-winpy.sh
fi
command -v qpdf >/dev/null || { apt-get update -qq && apt-get install -y -q qpdf >/dev/null; }
ART=$PWD/artifacts
mkdir -p "$ART"
HOME_DIR=$(mktemp -d)
trap 'rm -rf "$HOME_DIR"' EXIT
export INOVASI_HOME=$(WINEPREFIX=$W/prefix winepath -w "$HOME_DIR" 2>/dev/null) LANG=C.UTF-8
win() { "$W/wpy" -m inovasi_desktop "$@"; }
step() { echo "windows-smoke: $*"; }

step catalogs
win catalogs | grep -q "iid-2026"
step import-json
id=$(win import-json examples/contoh-inovasi.json --json | python3 -c "import json,sys; print(json.load(sys.stdin)['id'])")
step "check $id"
win check "$id" | tail -1 | grep -q "Siap dikirim"
step export-pdf
rm -f "$ART/windows-smoke.pdf"
win export-pdf "$id" -o "$(WINEPREFIX=$W/prefix winepath -w "$ART/windows-smoke.pdf" 2>/dev/null)"
qpdf --check "$ART/windows-smoke.pdf" >/dev/null
step "the window (windows platform, Xvfb)"
rm -f "$ART/windows-smoke.png"
# A prefix of its own: a wine server already running for another display (or none, e.g. the offscreen suite)
# would keep the window from showing. The interpreter lives outside the prefix, so any prefix runs it.
export WINEPREFIX=$W/prefix-window WINEDEBUG=-all WINEDLLOVERRIDES=mscms=n  # as $W/wpy runs it
[ -f "$WINEPREFIX/system.reg" ] || wineboot -i >/dev/null 2>&1
seconds=$(QT_QPA_PLATFORM=windows xvfb-run -a -s "-screen 0 1366x768x24" \
    bash scripts/windows/window-shot.sh "$ART/windows-smoke.png" "$W/py311/python.exe" -m inovasi_desktop)
test -s "$ART/windows-smoke.png"
step "passed: window in $seconds s (artifacts/windows-smoke.pdf, artifacts/windows-smoke.png)"
