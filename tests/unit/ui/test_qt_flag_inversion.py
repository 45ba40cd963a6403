"""No `~` on a Qt flag in the app's source: PySide6 on Windows keeps only the bits below a flag type's highest
member when inverting (`~Qt.KeyboardModifier.ShiftModifier` is 0x1FFFFFF there, without Ctrl), so a test
like `modifiers & ~ShiftModifier` misses Ctrl on Windows only (Ctrl+PageDown in a text field, issue 14).
Test with `&` on the flags that matter instead."""

from __future__ import annotations

import re
from pathlib import Path

import inovasi_desktop

INVERTED_QT_FLAG = re.compile(r"~\s*\(?\s*(Qt|Q[A-Z]\w*)\.")


def test_no_qt_flag_is_inverted_with_tilde():
    root = Path(inovasi_desktop.__file__).parent
    found = [f"{path.relative_to(root)}:{n}: {line.strip()}"
             for path in sorted(root.rglob("*.py"))
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if INVERTED_QT_FLAG.search(line.split("#", 1)[0])]
    assert not found, "\n".join(found)
