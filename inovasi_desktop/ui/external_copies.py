"""Copies of stored evidence opened with another application (the store names files by their sha256,
without extension, so the other application gets a copy under the original name).

Each copy sits in its own temporary folder, under a name that cannot leave it (`paths.inside`). This
session's copies are removed when the app ends; a copy still open elsewhere then (Windows refuses to
delete it) is removed by a later session once it is a day old.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
import time
from pathlib import Path

from inovasi_desktop import paths

PREFIX = "inovasi-pratinjau-"
LEFTOVER_AGE_SECONDS = 24 * 3600

_made: list[Path] = []
_at_exit = False


def make_copy(source: Path, name: str) -> Path:
    """A copy of `source` named `name` (made safe) in a new temporary folder; OSError when it cannot be made."""
    global _at_exit
    if not _at_exit:  # the first copy of this session
        atexit.register(remove_copies)
        _at_exit = True
        remove_leftovers()
    folder = Path(tempfile.mkdtemp(prefix=PREFIX))
    _made.append(folder)
    copy = paths.inside(folder, name)
    shutil.copyfile(source, copy)
    return copy


def remove_copies() -> list[Path]:
    """Remove this session's copies; returns the folders that could not be removed (still open elsewhere)."""
    left = [folder for folder in _made if not _remove(folder)]
    _made[:] = left
    return left


def remove_leftovers(now: float | None = None) -> None:
    """Remove copies a day old or older, left by earlier sessions that ended while they were open."""
    now = time.time() if now is None else now
    for folder in Path(tempfile.gettempdir()).glob(f"{PREFIX}*"):
        try:
            old = now - folder.stat().st_mtime >= LEFTOVER_AGE_SECONDS
        except OSError:
            continue
        if old and folder.is_dir():
            _remove(folder)


def _remove(folder: Path) -> bool:
    shutil.rmtree(folder, ignore_errors=True)
    return not folder.exists()
