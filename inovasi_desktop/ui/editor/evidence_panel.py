"""The evidence area of an indicator page or a profile attachment: the list of evidence items."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QApplication, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from inovasi_desktop.domain import EvidenceItem
from inovasi_desktop.rules import format_date_id


def tr(text: str) -> str:
    return QApplication.translate("EvidencePanel", text)


def describe(item: EvidenceItem) -> str:
    parts = [item.tentang or tr("(tanpa judul)")]
    if item.nomor:
        parts.append(tr("No. {n}").format(n=item.nomor))
    if item.tanggal:
        parts.append(format_date_id(item.tanggal))
    if item.link:
        parts.append(tr("tautan: {url}").format(url=item.link))
    elif item.file_name:
        parts.append(tr("berkas: {name}").format(name=item.file_name))
    else:
        parts.append(tr("belum ada berkas"))
    return " · ".join(parts)


class EvidencePanel(QWidget):
    changed = Signal()

    def __init__(self, accepts: tuple[str, ...]) -> None:
        super().__init__()
        self.accepts = accepts
        self.items: list[EvidenceItem] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.empty = QLabel(tr("Belum ada bukti dukung."))
        self.empty.setStyleSheet("color: #555;")
        self.list = QListWidget()
        self.list.setMaximumHeight(140)
        layout.addWidget(self.empty)
        layout.addWidget(self.list)

    def set_items(self, items: list[EvidenceItem]) -> None:
        self.items = items
        self.list.clear()
        for item in items:
            QListWidgetItem(describe(item), self.list)
        self.empty.setVisible(not items)
        self.list.setVisible(bool(items))
