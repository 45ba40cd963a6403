"""The removable drives (USB sticks) mounted now, with their free space, through QStorageInfo.

QStorageInfo does not say whether a volume is removable: Windows is asked (GetDriveTypeW); elsewhere the
places where desktops mount removable media count (/media, /run/media, /Volumes).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QStorageInfo

_DRIVE_REMOVABLE = 2


@dataclass(frozen=True)
class Drive:
    root: Path
    label: str  # the volume label; "" for a stick that has none (Qt's displayName would give "E:/")
    free: int  # bytes available to the user


def removable_drives() -> list[Drive]:
    out = []
    for volume in QStorageInfo.mountedVolumes():
        if not volume.isValid() or not volume.isReady() or volume.isReadOnly() or volume.isRoot():
            continue
        root = volume.rootPath()
        if _is_removable(root):
            out.append(Drive(Path(root), volume.name(), volume.bytesAvailable()))
    return sorted(out, key=lambda d: str(d.root))


def _is_removable(root: str) -> bool:
    if sys.platform == "win32":
        import ctypes

        return ctypes.windll.kernel32.GetDriveTypeW(root) == _DRIVE_REMOVABLE
    if sys.platform == "darwin":
        return root.startswith("/Volumes/")
    return root.startswith(("/media/", "/run/media/"))
