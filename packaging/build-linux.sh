#!/usr/bin/env bash
# The Linux one-folder build: PyInstaller with the same spec as Windows, packed as
# dist/inovasi-desktop-<versi>-linux-x86_64.tar.gz with a .desktop file and the icon. Unpack anywhere and run
# inovasi-desktop/inovasi-desktop (the window; given a *.inovasi or PDF file, that file) or with a command
# (catalogs, import-json, ...). Python is not needed on the target, nor most of Qt's system libraries (the build
# carries them): only libGL and libEGL (Debian: libgl1 libegl1). install.sh inside adds the menu entry and the
# *.inovasi file type. Tested in a clean Debian root by packaging/test-linux-root.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=build/venv-linux
if [ ! -x "$VENV/bin/pyinstaller" ]; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q . "pyinstaller==6.22.0" "pyinstaller-hooks-contrib==2026.10"
fi
VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' inovasi_desktop/__init__.py)
rm -rf dist/linux build/linux
"$VENV/bin/pyinstaller" --noconfirm --log-level WARN --distpath dist/linux --workpath build/linux \
    packaging/inovasi-desktop.spec
OUT=dist/linux/inovasi-desktop
mv dist/linux/InovasiDesktop "$OUT"
cp packaging/inovasi-desktop.desktop packaging/inovasi-desktop.png packaging/inovasi-desktop.xml "$OUT/"
cat > "$OUT/install.sh" <<'SH'
#!/bin/sh
# Adds Inovasi Desktop to this user's application menu and lets bundles (*.inovasi) open with it (no root
# needed); run it from the unpacked folder.
set -e
here=$(cd "$(dirname "$0")" && pwd)
share=${XDG_DATA_HOME:-$HOME/.local/share}
mkdir -p "$share/applications" "$share/icons/hicolor/256x256/apps" "$share/mime/packages"
cp "$here/inovasi-desktop.png" "$share/icons/hicolor/256x256/apps/"
cp "$here/inovasi-desktop.xml" "$share/mime/packages/"
sed "s|^Exec=inovasi-desktop|Exec=\"$here/inovasi-desktop\"|" "$here/inovasi-desktop.desktop" \
    > "$share/applications/inovasi-desktop.desktop"
if command -v update-mime-database >/dev/null; then update-mime-database "$share/mime"; fi
if command -v update-desktop-database >/dev/null; then update-desktop-database "$share/applications"; fi
echo "Inovasi Desktop ditambahkan ke menu aplikasi."
SH
chmod +x "$OUT/install.sh"
tar -C dist/linux -czf "dist/inovasi-desktop-$VERSION-linux-x86_64.tar.gz" inovasi-desktop
ls -l "dist/inovasi-desktop-$VERSION-linux-x86_64.tar.gz"
