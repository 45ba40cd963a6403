"""Fixtures for driving the real main window."""

from __future__ import annotations

import pytest


@pytest.fixture
def window(qtbot, workspace):
    from inovasi_desktop.ui.main_window import MainWindow

    win = MainWindow(workspace)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    assert win.load()
    yield win
    win.close()  # saves the open editor and waits for background tasks before the workspace closes


@pytest.fixture(autouse=True)
def empty_clipboard_afterwards(qapp):
    """Mime data a test puts on the clipboard is owned by it; leaving it there crashes Python at exit."""
    yield
    from PySide6.QtGui import QGuiApplication

    QGuiApplication.clipboard().clear()
