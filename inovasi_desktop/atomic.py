"""Write a file whole or not at all: a temp file in the same folder, fsync, then rename into place.

The temp file is named `.NAME.inovasi-part-PID-TOKEN` after its target, so that a write cut short by a
killed process (SIGKILL, power loss) leaves something recognisable: the next write into that folder
removes such leftovers once their process is gone (or, whatever the process, after a day).
Files are created with the usual permissions (0666 less the user's umask, typically 0644), as any
program's saved file, not the 0600 of a private temp file.

Also the one place that waits for a file another program holds open (Windows): `retry_in_use`; and
`open_without_waiting`, the opener for reading a file someone chose (a FIFO must not hang the program).
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import BinaryIO, TypeVar

from inovasi_desktop.domain.os_errors import ERROR_LOCK_VIOLATION, ERROR_SHARING_VIOLATION, windows_error

T = TypeVar("T")

IN_USE_RETRY_SECONDS = 1.0  # a virus scanner or the search indexer holds a new file for a moment
_RETRY_PAUSE = 0.05


def held_open_elsewhere(err: OSError) -> bool:
    """Whether `err` says another program holds the file open (Windows sharing or lock violation)."""
    return windows_error(err) in (ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION)


def retry_in_use(action: Callable[[], T], *, seconds: float = IN_USE_RETRY_SECONDS) -> T:
    """`action()`, tried again for a moment while another program holds the file, as Windows programs do;
    then the last error goes to the caller."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            return action()
        except OSError as err:
            if not held_open_elsewhere(err) or time.monotonic() >= deadline:
                raise
        time.sleep(_RETRY_PAUSE)


def open_without_waiting(file: str, flags: int) -> int:
    """An `opener` for open(): never blocks on a FIFO with no writer; the caller then checks with fstat that
    it is a regular file."""
    return os.open(file, flags | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))


def in_use_error(path: Path) -> PermissionError:
    """The error for `path` being open in another program, shaped as Windows raises it."""
    err = PermissionError(errno.EACCES, "The file is open in another program", str(path))
    err.winerror = ERROR_SHARING_VIOLATION  # read by held_open_elsewhere and describe_os_error
    return err


def replace(source: Path, target: Path) -> None:
    """os.replace, waiting a moment for a target another program holds; a target that stays open there
    raises `in_use_error` (Windows reports "access denied", which would blame the folder)."""
    try:
        retry_in_use(lambda: os.replace(source, target))
    except PermissionError as err:
        if os.name == "nt" and not held_open_elsewhere(err) and _replaceable(target):
            raise in_use_error(target) from err
        raise


def _replaceable(target: Path) -> bool:
    """A plain writable file in a folder we just wrote to: only another program's open handle stops it."""
    return target.is_file() and os.access(target, os.W_OK)

PART_MARK = ".inovasi-part-"
_PART = re.compile(r"\..*" + re.escape(PART_MARK) + r"(?P<pid>[0-9]+)-[0-9a-f]+", re.DOTALL)
_STALE_AFTER_SECONDS = 24 * 3600  # a part older than this is stale even if its pid is taken again
_NAME_CHARS = 100  # of the target's name in the part's name: the whole stays under 255 bytes


def part_path(target: Path) -> Path:
    """A fresh temp name beside `target` that marks this process as its writer."""
    name = target.name[:_NAME_CHARS]
    return target.with_name(f".{name}{PART_MARK}{os.getpid()}-{secrets.token_hex(4)}")


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield the path of a new, empty temp file beside `target`; when the block ends without error it
    is synced and replaces `target`. On any error (or cancel raised inside the block) the temp file is
    removed and `target` is left as it was. For writers that want a path of their own (qpdf).
    OSError goes to the caller, who says in Indonesian what could not be written."""
    target = Path(target)
    remove_stale_parts(target.parent)
    temp = part_path(target)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    os.close(os.open(temp, flags, 0o666))  # 0666 less the umask: ordinary permissions once renamed
    try:
        yield temp
        _sync(temp)
        replace(temp, target)
    finally:
        try:
            retry_in_use(lambda: temp.unlink(missing_ok=True))
        except OSError:
            pass  # a hidden part stays behind (removed by a later write); the caller hears of the error that matters


@contextmanager
def atomic_file(target: Path) -> Iterator[BinaryIO]:
    """Yield a binary stream whose content replaces `target` only when the block ends without error.

    As `atomic_path`; `stream.name` is the temp file's path."""
    with atomic_path(target) as temp, open(temp, "wb") as stream:  # stream.name: for callers that read it back
        yield stream


def _sync(path: Path) -> None:
    with open(path, "rb+") as stream:  # Windows syncs only a handle open for writing
        os.fsync(stream.fileno())


def remove_stale_parts(folder: Path) -> list[Path]:
    """Remove the temp files (and folders named by `part_path`) of writes cut short in `folder` (their
    process gone, or a day old); returns them. Never fails: a part that cannot be removed now is tried
    again next time."""
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        found = _PART.fullmatch(entry.name) if PART_MARK in entry.name else None
        if found is None:
            continue
        with suppress(OSError):
            age = time.time() - entry.stat(follow_symlinks=False).st_mtime
            pid = int(found["pid"])
            if age > _STALE_AFTER_SECONDS or (pid != os.getpid() and not process_alive(pid)):
                if entry.is_dir(follow_symlinks=False):  # a folder built aside (portal package)
                    shutil.rmtree(entry.path)
                else:
                    os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


@contextmanager
def scratch_folder(name: str) -> Iterator[Path]:
    """A private folder in the system's temp folder for one operation, removed when the block ends. Named as a
    part of this process, so that one left by a killed process is removed by the next operation (Windows never
    empties %TEMP% by itself)."""
    parent = Path(tempfile.gettempdir())
    remove_stale_parts(parent)
    folder = part_path(parent / name)
    folder.mkdir(mode=0o700)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def process_alive(pid: int) -> bool:
    """Whether a process with this id runs (when unsure: yes, so that nothing in use is removed)."""
    if os.name == "nt":
        return _windows_process_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # PermissionError: it runs, as another user
        return True
    return True


def _windows_process_alive(pid: int) -> bool:
    import ctypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return ctypes.get_last_error() != 87  # ERROR_INVALID_PARAMETER: no such process
    try:
        code = ctypes.c_ulong()
        return not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)) or code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)
