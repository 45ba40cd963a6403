"""The window's own shortcuts win over a text field's platform key bindings.

On X11 Qt gives one-line fields, spin boxes and date fields Emacs-style keys: Ctrl+E moves to the end of the
line there, so in a field it never reached "Ekspor PDF" (Windows fields have no such binding). A field keeps
the keys that edit text (undo, copy, select all, ...); every other shortcut of the window's actions is the
window's, wherever the cursor is.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

# The keys that edit text in a Windows field: those stay the field's on every platform.
EDITING_KEYS = ("Ctrl+Z", "Ctrl+Y", "Ctrl+Shift+Z", "Ctrl+C", "Ctrl+X", "Ctrl+V", "Ctrl+A", "Ctrl+Insert",
                "Shift+Insert", "Shift+Del", "Del", "Backspace", "Ctrl+Del", "Ctrl+Backspace", "Home", "End")


class WindowShortcuts(QObject):
    """Watches only the field that has the focus (a filter on the whole application would see every event)."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        editing = {QKeySequence(key)[0] for key in EDITING_KEYS}
        self.keys = {shortcut[0] for action in window.findChildren(QAction) for shortcut in action.shortcuts()
                     if shortcut.count() == 1} - editing
        QApplication.instance().focusChanged.connect(self._focus_changed)

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if old is not None:
            old.removeEventFilter(self)
        if new is not None and new.window() is self.window:
            new.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        # Not passed on: the field cannot claim the key, so the window's shortcut fires.
        return (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
                and event.keyCombination() in self.keys)
