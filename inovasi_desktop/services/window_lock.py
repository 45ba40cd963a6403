"""Whether an app window holds the data folder. The window takes the folder's lock file with Qt's QLockFile
(ui/single_instance.py; its first line is the holder's process id). The command line takes no lock, but
asks here before it replaces the whole database (restore): the window would go on writing to the old one."""

from __future__ import annotations

import os
import sys
from pathlib import Path

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
    return pid if pid != os.getpid() and _alive(pid) else None


def _alive(pid: int) -> bool:
    if sys.platform == "win32":
        import ctypes

        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        try:
            code = ctypes.c_ulong()
            return bool(kernel32.GetExitCodeProcess(handle, ctypes.byref(code))) and code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    except OSError:
        return False
    return True
