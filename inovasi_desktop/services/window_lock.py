"""Whether an app window holds the data folder. The window takes the folder's lock file with Qt's QLockFile
(ui/single_instance.py; its first line is the holder's process id). The command line takes no lock, but
asks here before it replaces the whole database (restore): the window would go on writing to the old one."""

from __future__ import annotations

import os
from pathlib import Path

from inovasi_desktop.atomic import process_alive

LOCK_FILE = "inovasi.lock"


def window_holding(folder: Path) -> int | None:
    """The process id of another running process holding the folder's window lock, or None."""
    try:
        with open(Path(folder) / LOCK_FILE, "rb") as f:
            first = f.read(64).split(b"\n", 1)[0].strip()
    except OSError:
        return None
    if not first.isdigit() or len(first) > 10:
        return None
    pid = int(first)
    return pid if pid != os.getpid() and process_alive(pid) else None
