"""Saving a pikepdf document without letting a write error reach qpdf's C++ code.

A write error raised back into qpdf can abort the whole process (std::terminate, exit 134: seen on a full
disk, window included), and pikepdf writes through a Python stream even when given a path. So every save
goes through `QuietWriter`: the first failure is kept, later writes are dropped, qpdf finishes
undisturbed, and the kept error is raised afterwards as an ordinary OSError."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pikepdf


class QuietWriter(io.RawIOBase):
    """A stream for qpdf that never fails while qpdf writes; `raise_failure` raises the kept error."""

    def __init__(self, stream) -> None:
        super().__init__()
        self.stream, self.failure = stream, None

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        size = len(memoryview(data))
        if self.failure is None:
            try:
                self.stream.write(data)
            except OSError as err:
                self.failure = err
        return size

    def flush(self) -> None:
        if self.failure is None and not self.stream.closed:
            try:
                self.stream.flush()
            except OSError as err:
                self.failure = err

    def raise_failure(self) -> None:
        self.flush()
        if self.failure is not None:
            raise self.failure


def save_pdf(document: pikepdf.Pdf, path: Path, **options: Any) -> None:
    """`document.save(path, **options)`; a write failure (full disk) is an OSError, never an abort."""
    with open(path, "wb") as stream:
        writer = QuietWriter(stream)
        document.save(writer, **options)
        writer.raise_failure()
