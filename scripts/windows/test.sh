#!/usr/bin/env bash
# The whole suite under Windows: a Windows CPython 3.11 (the MSVC build) with the project's Windows wheels,
# run by wine. `./dev test-windows [pytest arguments]`, e.g. ./dev test-windows tests/unit/test_atomic.py
# Sets up (or refreshes) the interpreter with scripts/windows/setup-winpy.sh first: about 1-2 minutes, plus
# wine and the mingw cross compiler from apt the first time (as root). WINPY_REUSE=1 skips that step when
# the interpreter exists; the tests always import this checkout (pytest runs from here).
# Tests that need what Windows lacks (SIGKILL, POSIX permission bits, poppler) are skipped with the reason
# (-rs lists them). Under wine the suite takes a while: start with one file.
set -euo pipefail
cd "$(dirname "$0")/../.."
export W=${W:-${XDG_CACHE_HOME:-$HOME/.cache}/inovasi-winpy}
if [ "${WINPY_REUSE:-}" != 1 ] || [ ! -x "$W/wpy" ]; then
    bash scripts/windows/setup-winpy.sh
fi
# tests/unit/test_import_cycles.py reads the import graph with import-linter's grimp (Windows wheel);
# installed here also when an interpreter set up by the smoke test is reused
if ! "$W/wpy" -c "import grimp" 2>/dev/null; then
    "$W/wpy" -m pip install -q --no-index --find-links "Z:${W//\//\\}\\wheels" --no-warn-script-location \
        "import-linter==2.17"
fi
export LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen
rc=0
"$W/wpy" -m pytest -rs "$@" || rc=$?
if [ "$rc" -eq 5 ]; then
    echo "pytest: tidak ada tes yang terkumpul (kode 5); dianggap gagal." >&2
fi
exit "$rc"
