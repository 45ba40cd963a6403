#!/bin/bash
# A Windows CPython 3.11 (x86_64, MSVC build) under wine on Debian, from Debian packages and PyPI wheels only.
# Usage, from the project root:  bash scripts/windows/setup-winpy.sh   (./dev test-windows calls it)
# (A copy of the team's ../shared/tools/windows/setup-winpy.sh, so a fresh clone and CI have it.)
# then run Windows Python with  "$W/wpy" ARGS  (W defaults to ~/.cache/inovasi-winpy), e.g.
#   "$W/wpy" -m pytest -q tests/unit      or      "$W/wpy" -m inovasi_desktop catalogs
# The app is copied (tracked files) to $W/app and installed editable there; rerun to refresh it.
# Pins below mirror pyproject.toml: keep them in step when dependencies change.
# Under wine only (real Windows 10/11 needs none of this): stdout/stderr must be pipes (wpy does it),
# and three stand-in DLLs replace system DLLs that wine 8.0 lacks (ICU, ProcessPrng, colour profiles).
set -euo pipefail
W=${W:-${XDG_CACHE_HOME:-$HOME/.cache}/inovasi-winpy}; P=$W/py311; APP_SRC=${APP_SRC:-$PWD}
export WINEPREFIX=$W/prefix WINEDEBUG=-all
mkdir -p "$W"/{probe,wheels,stubs}

# 0. Tools (as root): wine, Xvfb, ImageMagick, the mingw-w64 cross compiler.
if ! command -v wine >/dev/null || ! command -v x86_64-w64-mingw32-gcc >/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q wine64 wine xvfb xauth imagemagick \
        gcc-mingw-w64-x86-64 mingw-w64-tools >/dev/null
fi

# 1. python311.dll and the stdlib's compiled modules (python.org 3.11.9 build) ship in panda3d's
#    Windows wheel (deploy_libs/). The pure-Python stdlib is platform independent: take a local 3.11's.
pip download -q --no-deps --only-binary=:all: --platform win_amd64 --python-version 3.11 \
    --implementation cp -d "$W/probe" panda3d==1.10.16
unzip -q -o "$W"/probe/panda3d-1.10.16-cp311-cp311-win_amd64.whl 'deploy_libs/*' -d "$W/probe"
D=$W/probe/deploy_libs
rm -rf "$P"; mkdir -p "$P/DLLs" "$P/Lib"
cp "$D/python311.dll" "$D/VCRUNTIME140.dll" "$P/"
cp "$D"/*.pyd "$D"/libffi-8.dll "$D"/libcrypto-3.dll "$D"/libssl-3.dll "$D"/sqlite3.dll \
   "$D"/tcl86t.dll "$D"/tk86t.dll "$P/DLLs/"
STDLIB=$(python3.11 -c 'import sysconfig; print(sysconfig.get_path("stdlib"))')
(cd "$STDLIB" && tar cf - --exclude=./lib-dynload --exclude='./config-3.11-*' \
    --exclude='./_sysconfigdata_*' --exclude=./site-packages --exclude='__pycache__' \
    --exclude=./test --exclude=./idlelib .) | (cd "$P/Lib" && tar xf -)
mkdir -p "$P/Lib/site-packages"

# 2. python.exe / pythonw.exe: the same two lines as CPython's own launcher, linked to the DLL.
cat > "$W/stubs/launcher.c" <<'EOF'
#include <wchar.h>
__declspec(dllimport) int Py_Main(int argc, wchar_t **argv);
int wmain(int argc, wchar_t **argv) { return Py_Main(argc, argv); }
EOF
x86_64-w64-mingw32-gcc -O2 -municode -o "$P/python.exe" "$W/stubs/launcher.c" "$P/python311.dll"
x86_64-w64-mingw32-gcc -O2 -municode -mwindows -o "$P/pythonw.exe" "$W/stubs/launcher.c" "$P/python311.dll"

# 3. python3.dll (abi3 wheels such as PySide6 link to it): forward every export to python311.dll,
#    as CPython's PC/python3dll.c does.
gendef - "$P/python311.dll" 2>/dev/null | awk 'BEGIN{print "LIBRARY python3.dll\nEXPORTS"}
    NF && $1 !~ /^(;|LIBRARY|EXPORTS)/ {print "  " $1 " = python311." $1}' > "$W/stubs/python3.def"
x86_64-w64-mingw32-gcc -shared -nostdlib -o "$P/python3.dll" "$W/stubs/python3.def" 2>/dev/null

# 4. Stand-ins for three Windows 10 system DLLs that wine 8.0 lacks or leaves unimplemented.
cat > "$W/stubs/icuuc.c" <<'EOF'
/* Windows' system ICU: Qt6Core imports only ucnv_*; every converter open fails cleanly. */
#include <stddef.h>
#define EXP __declspec(dllexport)
#define FAIL if (e && *e <= 0) *e = 4
EXP void *ucnv_open(const char *n, int *e) { FAIL; return NULL; }
EXP void ucnv_close(void *c) {}
EXP void UCNV_FROM_U_CALLBACK_SUBSTITUTE(void) {}
EXP void UCNV_TO_U_CALLBACK_SUBSTITUTE(void) {}
EXP void ucnv_reset(void *c) {}
EXP signed char ucnv_getMaxCharSize(const void *c) { return 1; }
EXP const char *ucnv_getName(const void *c, int *e) { FAIL; return NULL; }
EXP void ucnv_getToUCallBack(const void *c, void **a, const void **b) { if (a) *a = NULL; if (b) *b = NULL; }
EXP void ucnv_getFromUCallBack(const void *c, void **a, const void **b) { if (a) *a = NULL; if (b) *b = NULL; }
EXP void ucnv_setToUCallBack(void *c, void *n, const void *x, void **o, const void **p, int *e) { FAIL; }
EXP void ucnv_setFromUCallBack(void *c, void *n, const void *x, void **o, const void **p, int *e) { FAIL; }
EXP void ucnv_cbToUWriteUChars(void *a, const void *s, int l, int o, int *e) { FAIL; }
EXP void ucnv_cbFromUWriteUChars(void *a, const void **s, const void *x, int o, int *e) { FAIL; }
EXP void ucnv_toUnicode(void *c, void **t, const void *tl, const char **s, const char *sl, int *o, signed char f, int *e) { FAIL; }
EXP void ucnv_fromUnicode(void *c, char **t, const char *tl, const void **s, const void *sl, int *o, signed char f, int *e) { FAIL; }
EXP int ucnv_toUCountPending(const void *c, int *e) { return 0; }
EXP int ucnv_fromUCountPending(const void *c, int *e) { return 0; }
EXP const char *ucnv_getStandardName(const char *n, const char *s, int *e) { FAIL; return NULL; }
EXP const char *ucnv_getAvailableName(int n) { return NULL; }
EXP int ucnv_countAvailable(void) { return 0; }
EOF
cat > "$W/stubs/mscms.c" <<'EOF'
/* wine 8.0's mscms aborts on WcsCreateIccProfile, called by Qt's qwindows.dll; fail cleanly (sRGB). */
#include <windows.h>
#define EXP __declspec(dllexport)
EXP HANDLE WINAPI OpenColorProfileW(void *p, DWORD a, DWORD s, DWORD c) { SetLastError(ERROR_FILE_NOT_FOUND); return NULL; }
EXP BOOL WINAPI CloseColorProfile(HANDLE h) { return TRUE; }
EXP HANDLE WINAPI WcsCreateIccProfile(HANDLE h, DWORD f) { SetLastError(ERROR_NOT_SUPPORTED); return NULL; }
EXP BOOL WINAPI GetColorProfileFromHandle(HANDLE h, BYTE *b, DWORD *s) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
EOF
cat > "$W/stubs/bcryptprimitives.c" <<'EOF'
/* ProcessPrng (Windows 10+), needed by PDFium in Qt6Pdf.dll, which hits int3 without it. */
#include <windows.h>
BOOLEAN WINAPI SystemFunction036(PVOID buf, ULONG len);
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE d, SIZE_T n) {
    while (n) { ULONG k = n > 0x40000000 ? 0x40000000 : (ULONG)n;
        if (!SystemFunction036(d, k)) return FALSE; d += k; n -= k; }
    return TRUE;
}
EOF
x86_64-w64-mingw32-gcc -O2 -shared -o "$P/icuuc.dll" "$W/stubs/icuuc.c"
x86_64-w64-mingw32-gcc -O2 -shared -o "$P/mscms.dll" "$W/stubs/mscms.c" -Wl,--kill-at
x86_64-w64-mingw32-gcc -O2 -shared -o "$P/bcryptprimitives.dll" "$W/stubs/bcryptprimitives.c" -ladvapi32 -Wl,--kill-at

# 5. Runner: wine 8.0 gives "init_sys_streams: [WinError 6]" when a std handle is a regular file,
#    so stdout/stderr always go through pipes.
cat > "$W/wpy" <<EOF
#!/bin/bash
export WINEPREFIX=\${WINEPREFIX:-$W/prefix} WINEDEBUG=\${WINEDEBUG:--all} WINEDLLOVERRIDES=\${WINEDLLOVERRIDES:-mscms=n}
wine $P/python.exe "\$@" 2> >(cat >&2) | cat
exit \${PIPESTATUS[0]}
EOF
chmod +x "$W/wpy"
wineboot -i >/dev/null 2>&1 || true

# 6. Windows wheels from PyPI with the Linux pip (win32-only markers are not seen: name colorama).
pip download -q --only-binary=:all: --platform win_amd64 --python-version 3.11 --implementation cp \
    -d "$W/wheels" "PySide6-Essentials==6.12.0" "PySide6-Pdf==6.12.0.140" "SQLAlchemy==2.1.9" \
    "reportlab==5.1.0" "pikepdf==10.18.0" "Pillow==13.0.0" "platformdirs==4.14.8" "pytest==9.2.0" \
    "pytest-qt==4.5.0" "hypothesis==6.170.17" "pypdf==7.1.1" "pypdfium2==5.15.2" "openpyxl==3.1.5" "import-linter==2.17" colorama \
    "setuptools>=68" wheel
"$W/wpy" -m ensurepip --default-pip >/dev/null
"$W/wpy" -m pip install -q --no-index --find-links "Z:${W//\//\\}\\wheels" --no-warn-script-location \
    "PySide6-Essentials==6.12.0" "PySide6-Pdf==6.12.0.140" "SQLAlchemy==2.1.9" "reportlab==5.1.0" \
    "pikepdf==10.18.0" "Pillow==13.0.0" "platformdirs==4.14.8" "pytest==9.2.0" "pytest-qt==4.5.0" \
    "hypothesis==6.170.17" "pypdf==7.1.1" "pypdfium2==5.15.2" "openpyxl==3.1.5" colorama "setuptools>=68" wheel

# 7. The app (a copy; the checkout stays untouched), installed editable.
rm -rf "$W/app"; mkdir -p "$W/app"
(cd "$APP_SRC" && git ls-files -z | xargs -0 tar cf -) | (cd "$W/app" && tar xf -)
"$W/wpy" -m pip install -q --no-index --find-links "Z:${W//\//\\}\\wheels" --no-deps \
    --no-warn-script-location -e "Z:${W//\//\\}\\app"
"$W/wpy" -c "import sys, PySide6.QtPdfWidgets, sqlalchemy, reportlab, pikepdf, PIL, inovasi_desktop; print(sys.version)"
