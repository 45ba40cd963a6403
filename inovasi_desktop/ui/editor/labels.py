"""The few label styles and message colours the editor pages and dialogs share."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from inovasi_desktop.domain.model import Severity

MESSAGE_COLOURS = {Severity.GALAT: "#b00020", Severity.PERINGATAN: "#8a5a00", Severity.INFO: "#35618f"}


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
