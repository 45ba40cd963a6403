"""Work around a PySide6 6.12 reference-count bug on Python 3.11.

Measured here: with PySide6 6.12.0 on CPython 3.11, every call of a Qt method that returns void
(`label.setText(...)`, `item.setForeground(...)`, ...) releases one reference to `None` that it never
took, and some calls do the same to `True`/`False`. `None` starts with about 5,000 references, so
after a few minutes of typing the interpreter aborts with "Fatal Python error: none_dealloc" (or
"bool_dealloc"). From Python 3.12 these objects are immortal and the bug is harmless. On 3.11 we give
them so many references that the lost ones can never reach zero.
"""

from __future__ import annotations

import ctypes
import sys

_EXTRA_REFERENCES = 1 << 48  # ~2.8e14 void calls before it could matter


def keep_singletons_alive() -> None:
    if sys.version_info >= (3, 12):
        return
    for singleton in (None, True, False):
        refcount = ctypes.c_ssize_t.from_address(id(singleton))  # ob_refcnt, the first field of an object
        if refcount.value < _EXTRA_REFERENCES:
            refcount.value += _EXTRA_REFERENCES
