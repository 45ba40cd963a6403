"""A long session must not exhaust the references to None (PySide6 6.12 on Python 3.11)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel

import inovasi_desktop.ui  # noqa: F401 - importing the UI package applies the workaround under test


def test_many_void_qt_calls_do_not_bring_python_down(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(50_000):  # ten times what None starts with on Python 3.11
        label.setText("x")
    assert sys.getrefcount(None) > 0
    assert before - sys.getrefcount(None) <= 50_000
