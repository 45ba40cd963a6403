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


def grow_within_screen(widget: QWidget, width: int, height: int, margin: int = 40) -> None:
    """Resize a shown window as `resize_within_screen`, then move it as far as needed to keep it all on the
    available screen: a dialog that grows downwards keeps its buttons above the taskbar."""
    resize_within_screen(widget, width, height, margin)
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    available, frame = screen.availableGeometry(), widget.frameGeometry()
    x = max(available.left(), min(frame.left(), available.right() + 1 - frame.width()))
    y = max(available.top(), min(frame.top(), available.bottom() + 1 - frame.height()))
    widget.move(x, y)
