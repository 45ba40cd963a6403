"""Write a file whole or not at all: a temp file in the same folder, fsync, then rename into place.

Also the one place that waits for a file another program holds open (Windows): `retry_in_use`.
"""

from __future__ import annotations

import errno
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, TypeVar

T = TypeVar("T")

ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION = 32, 33  # Windows system error codes
IN_USE_RETRY_SECONDS = 1.0  # a virus scanner or the search indexer holds a new file for a moment
_RETRY_PAUSE = 0.05


def held_open_elsewhere(err: OSError) -> bool:
    """Whether `err` says another program holds the file open (Windows sharing or lock violation)."""
    return getattr(err, "winerror", None) in (ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION)


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


@contextmanager
def atomic_file(target: Path) -> Iterator[BinaryIO]:
    """Yield a binary stream whose content replaces `target` only when the block ends without error.

    On any error (or cancel raised inside the block) the temp file is removed and `target` is left as
    it was. `stream.name` is the temp file's path. OSError goes to the caller, who says in Indonesian
    what could not be written (`held_open_elsewhere(err)`: the target is open in another program).
    """
    handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(handle)
    temp = Path(temp_name)
    try:
        with open(temp, "wb") as stream:  # stream.name is the temp path, for callers that read it back
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        replace(temp, target)
    finally:
        try:
            retry_in_use(lambda: temp.unlink(missing_ok=True))
        except OSError:
            pass  # a hidden .part file stays behind; the caller hears of the error that matters
