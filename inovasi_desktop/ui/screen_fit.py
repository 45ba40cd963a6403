"""Window sizes that never exceed the screen (1366x768 laptops, 200 % scaling)."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget


def resize_within_screen(widget: QWidget, width: int, height: int, margin: int = 40) -> None:
    """Resize to `width` x `height`, or less where the available screen (without the taskbar) is smaller;
    `margin` leaves room for the title bar and frame."""
    screen = (widget.parentWidget() or widget).screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        available = screen.availableGeometry()
        width = min(width, available.width() - margin)
        height = min(height, available.height() - margin)
    widget.resize(width, height)
