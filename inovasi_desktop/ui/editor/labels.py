"""The few label styles and message colours the editor pages and dialogs share."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from inovasi_desktop.domain.model import Severity

MESSAGE_COLOURS = {Severity.GALAT: "#b00020", Severity.PERINGATAN: "#8a5a00", Severity.INFO: "#35618f"}

_LONG_RUN = re.compile(r"\S{31,}")
_SEPARATOR = re.compile(r"([_.\-/\\)])(?=\S)")
_UNBROKEN = re.compile(r"([^\u200b]{30})(?=[^\u200b])")


def breakable(text: str) -> str:
    """`text` with invisible break chances (zero-width spaces) inside runs longer than 30 characters without a
    space, after _ . - / \\ ) or else every 30 characters, so that a word-wrapped label wraps a long file name
    instead of growing wider than the window."""
    return _LONG_RUN.sub(lambda run: _UNBROKEN.sub("\\1\u200b", _SEPARATOR.sub("\\1\u200b", run.group())), text)


def page_title(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setStyleSheet("font-size: 14pt; font-weight: 600;")
    return label


def muted(text: str) -> QLabel:
    """Explanatory text (help, hints, catalogue wording), shown as plain text."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setStyleSheet("color: #555;")
    return label
