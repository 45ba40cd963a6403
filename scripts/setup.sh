#!/usr/bin/env bash
# Prepare a checkout for running and testing: system libraries (Debian/apt), then .venv with the
# package installed editable with its test extra. Safe to run again; a second run takes about a second.
#
# Environment: PYTHON (default python3) picks the interpreter for a new .venv;
#              SKIP_SYSTEM_PACKAGES=1 skips the apt check.
set -euo pipefail

cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
VENV=.venv
STAMP="$VENV/.setup-stamp"

# Qt offscreen (tests, CI), a real X window under Xvfb, and the PDF inspection tools.
# See /work/shared/design/PLATFORM_NOTES.md. Fonts are bundled in resources/fonts/.
SYSTEM_PACKAGES=(
    python3-venv libgl1 libegl1 libfontconfig1 libxkbcommon0 libglib2.0-0 libdbus-1-3
    xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0
    libxcb-shape0 libxkbcommon-x11-0
    poppler-utils qpdf
)

say() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: ERROR: %s\n' "$*" >&2; exit 1; }

is_installed() {
    # Debian 13 renamed some libraries with a t64 suffix (libglib2.0-0 -> libglib2.0-0t64).
    local name
    for name in "$1" "${1}t64"; do
        if [ "$(dpkg-query -W -f='${db:Status-Status}' "$name" 2>/dev/null)" = installed ]; then
            return 0
        fi
    done
    return 1
}

ensure_system_packages() {
    if [ "${SKIP_SYSTEM_PACKAGES:-0}" = 1 ]; then
        say "system packages not checked (SKIP_SYSTEM_PACKAGES=1)"
        return
    fi
    if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
        say "not a Debian/apt system: install the equivalents of these yourself if Qt or the PDF tools fail:"
        say "  ${SYSTEM_PACKAGES[*]}"
        return
    fi
    local missing=() pkg
    for pkg in "${SYSTEM_PACKAGES[@]}"; do
        is_installed "$pkg" || missing+=("$pkg")
    done
    if [ ${#missing[@]} -eq 0 ]; then
        return
    fi
    if [ "$(id -u)" -ne 0 ]; then
        say "WARNING: missing system packages: ${missing[*]}"
        say "install them with:"
        say "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}"
        return
    fi
    say "installing system packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q --no-install-recommends "${missing[@]}"
}

python_ok() {  # $1: interpreter; true when it runs and is >= 3.11
    "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' >/dev/null 2>&1
}

ensure_venv() {
    if [ -x "$VENV/bin/python" ] && python_ok "$VENV/bin/python"; then
        return
    fi
    if [ -e "$VENV" ]; then
        say "$VENV is broken or too old (needs Python >= 3.11): recreating it"
        rm -rf "$VENV"
    fi
    command -v "$PYTHON" >/dev/null 2>&1 \
        || die "'$PYTHON' not found. Install Python 3.11 or newer (Debian: apt-get install python3 python3-venv)."
    python_ok "$PYTHON" \
        || die "Python 3.11 or newer is required, but '$PYTHON' is $("$PYTHON" -V 2>&1). Set PYTHON=/path/to/python3.11+."
    say "creating $VENV with $("$PYTHON" -V 2>&1)"
    "$PYTHON" -m venv "$VENV" \
        || die "could not create $VENV (Debian: apt-get install python3-venv)."
}

ensure_package() {
    if [ -f "$STAMP" ] && [ "$STAMP" -nt pyproject.toml ]; then
        return
    fi
    local progress=()
    [ "${CI:-}" = true ] && progress=(--progress-bar off)
    say "installing the package and its test tools into $VENV"
    "$VENV/bin/python" -m pip install --disable-pip-version-check "${progress[@]}" -e ".[test]"
    touch "$STAMP"
}

ensure_system_packages
ensure_venv
ensure_package
say "ready ($("$VENV/bin/python" -V 2>&1) in $VENV)"
