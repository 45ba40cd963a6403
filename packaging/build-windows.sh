#!/usr/bin/env bash
# The Windows installer, built on Linux: PyInstaller (one folder) under the Windows Python that
# scripts/windows/setup-winpy.sh makes (wine), wrapped by NSIS's makensis (Debian package `nsis`).
# Output: dist/InovasiDesktop-<versi>-setup.exe (and the folder dist/windows/InovasiDesktop/).
# About 4-6 minutes here. WINPY_REUSE=1 skips refreshing the interpreter. Test it with packaging/test-installer-wine.sh.
# On a real Windows machine, packaging/build-windows.ps1 makes the same installer from the same spec.
set -euo pipefail
cd "$(dirname "$0")/.."
export W=${W:-${XDG_CACHE_HOME:-$HOME/.cache}/inovasi-winpy}
PYINSTALLER=("pyinstaller==6.22.0" "pyinstaller-hooks-contrib==2026.10" "altgraph==0.17.5" "pefile==2024.8.26"
             "pywin32-ctypes==0.2.3" "packaging==26.4")
if [ "${WINPY_REUSE:-}" != 1 ] || [ ! -x "$W/wpy" ]; then
    bash scripts/windows/setup-winpy.sh
fi
command -v makensis >/dev/null || { apt-get update -qq && apt-get install -y -q nsis >/dev/null; }
# PyInstaller's Windows wheel and the Windows-only dependencies the Linux pip would not pick
pip download -q --no-deps --only-binary=:all: --platform win_amd64 --python-version 3.11 --implementation cp \
    -d "$W/pyi-wheels" "${PYINSTALLER[@]}"
"$W/wpy" -m pip install -q --no-index --no-deps --find-links "Z:${W//\//\\}\\pyi-wheels" \
    --no-warn-script-location "${PYINSTALLER[@]}"

VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' inovasi_desktop/__init__.py)
rm -rf dist/windows build/windows
"$W/wpy" -m PyInstaller --noconfirm --log-level WARN --distpath dist\\windows --workpath build\\windows \
    packaging\\inovasi-desktop.spec
test -f dist/windows/InovasiDesktop/InovasiDesktop.exe -a -f dist/windows/InovasiDesktop/inovasi-desktop.exe
! ls dist/windows/InovasiDesktop/_internal | grep -qiE "^(icuuc|mscms|bcryptprimitives)\.dll$"  # no wine stand-in shipped
makensis -V2 -DVERSION="$VERSION" -DSOURCE=../dist/windows/InovasiDesktop \
    -DOUTFILE="../dist/InovasiDesktop-$VERSION-setup.exe" packaging/installer.nsi
ls -l "dist/InovasiDesktop-$VERSION-setup.exe"
