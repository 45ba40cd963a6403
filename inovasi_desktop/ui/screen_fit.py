"""Window sizes that never exceed the screen (1366x768 laptops, 200 % scaling)."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget


def resize_within_screen(widget: QWidget, width: int, height: int, margin: int = 40) -> None:
    """Resize to `width` x `height`, or less where the available screen (without the taskbar) is smaller;
    `margin` leaves room for the title bar and frame. A window already shown that grows past the screen's
    edge is moved back onto it, so that its buttons stay within reach."""
    screen = (widget.parentWidget() or widget).screen() or QGuiApplication.primaryScreen()
    if screen is None:
        widget.resize(width, height)
        return
    available = screen.availableGeometry()
    widget.resize(min(width, available.width() - margin), min(height, available.height() - margin))
    if widget.isVisible():
        frame = widget.frameGeometry()
        left = max(available.left(), min(frame.left(), available.right() + 1 - frame.width()))
        top = max(available.top(), min(frame.top(), available.bottom() + 1 - frame.height()))
        widget.move(widget.pos() + QPoint(left - frame.left(), top - frame.top()))
