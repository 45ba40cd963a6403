"""Write a file whole or not at all: a temp file in the same folder, fsync, then rename into place."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO


@contextmanager
def atomic_file(target: Path) -> Iterator[BinaryIO]:
    """Yield a binary stream whose content replaces `target` only when the block ends without error.

    On any error (or cancel raised inside the block) the temp file is removed and `target` is left as
    it was. `stream.name` is the temp file's path. OSError goes to the caller, who says in Indonesian
    what could not be written.
    """
    handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(handle)
    temp = Path(temp_name)
    try:
        with open(temp, "wb") as stream:  # stream.name is the temp path, for callers that read it back
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, target)
    finally:
        temp.unlink(missing_ok=True)
