"""One evidence item as a row: its description, check results beside it, and its actions."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from inovasi_desktop.domain import EvidenceItem, Severity
from inovasi_desktop.rules import format_date_id
from inovasi_desktop.services.evidence_items import ItemReport
from inovasi_desktop.ui.editor.labels import MESSAGE_COLOURS, breakable

MARKS = {Severity.GALAT: "✖", Severity.PERINGATAN: "⚠", Severity.INFO: "ℹ"}
OK_COLOUR = "#1b6e20"
CHECKING_COLOUR = "#555555"


def tr(text: str) -> str:
    return QApplication.translate("EvidenceRow", text)


def title_of(item: EvidenceItem) -> str:
    return item.tentang or item.file_name or item.link or tr("(tanpa judul)")


def details_of(item: EvidenceItem, report: ItemReport | None) -> str:
    """"No. 188/037 · 13 Januari 2025 · sk.pdf · PDF · 2 halaman · 4 KB" (plain text)."""
    parts = []
    if item.nomor:
        parts.append(tr("No. {n}").format(n=item.nomor))
    parts.append(format_date_id(item.tanggal) if item.tanggal else tr("tanggal belum diisi"))
    if item.link:
        parts.append(item.link)
    elif item.file_name and item.tentang:
        parts.append(item.file_name)
    if report is not None and report.facts and not item.link:
        parts += report.facts.split(" · ")
    # short parts stay whole (wrapped at the dots between them); long ones wrap inside, file names too
    return " · ".join(part.replace(" ", "\u00a0") if len(part) < 30 else breakable(part) for part in parts)


def status_html(report: ItemReport | None) -> str:
    if report is None:
        return ""
    lines = [f"<span style='color:{MESSAGE_COLOURS[s]}'>{MARKS[s]} {html.escape(t)}</span>" for s, t in report.lines]
    if report.checking:  # the file's own check is still running in the background
        lines.insert(0, f"<span style='color:{CHECKING_COLOUR}'><i>{tr('Memeriksa berkas…')}</i></span>")
    elif report.worst in (None, Severity.INFO):
        lines.insert(0, f"<span style='color:{OK_COLOUR}'>✓ {tr('Siap dipakai')}</span>")
    return "<br>".join(lines)


def paint(widget: QWidget, background: str, foreground: str | None = None) -> None:
    """Background (and frame line) colours through the palette."""
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(background))
    if foreground:
        palette.setColor(QPalette.ColorRole.WindowText, QColor(foreground))
    widget.setPalette(palette)
    widget.setAutoFillBackground(True)


def style(label: QLabel, colour: str | None, bold: bool = False) -> None:
    if colour:
        palette = label.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
        label.setPalette(palette)
    if bold:
        font = label.font()
        font.setBold(True)
        label.setFont(font)


class EvidenceRow(QFrame):
    """Emits an action name ("preview", "edit", "replace", "shrink", "up", "down", "remove") with the item id.

    Built once per item; `show_item` refreshes it in place (the panel reuses rows when the list changes).
    Every child is created with its parent: re-parenting hundreds of widgets is what makes long lists slow.
    """

    action = Signal(str, str)

    def __init__(self, item: EvidenceItem, parent: QWidget) -> None:
        super().__init__(parent)
        self.item = item
        self.report: ItemReport | None = None
        self.setObjectName("evidenceRow")
        self.setFrameShape(QFrame.Shape.Box)
        paint(self, "#ffffff", foreground="#d5d9df")  # palette, not style sheets: those make long lists slow
        self.setToolTip(tr("Klik dua kali untuk mengubah nomor, tanggal, dan perihal"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 6, 6)
        self.number = QLabel(self)
        style(self.number, "#444444", bold=True)
        self.number.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight)
        self.number.setMinimumWidth(22)
        layout.addWidget(self.number)
        text = QVBoxLayout()
        text.setSpacing(2)
        layout.addLayout(text, 1)
        self.title, self.details, self.status = (QLabel(self) for _ in range(3))
        style(self.title, "#1f1f1f", bold=True)  # colours set on each label: the row's own is its frame line
        style(self.details, "#555555")
        style(self.status, "#1f1f1f")
        for label in (self.title, self.details, self.status):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText if label is self.status else Qt.TextFormat.PlainText)
            text.addWidget(label)
        self.status.setObjectName("evidenceStatus")

        side = QVBoxLayout()
        layout.addLayout(side)
        actions = QHBoxLayout()
        actions.setSpacing(2)
        side.addLayout(actions)
        self.buttons: dict[str, QToolButton] = {}
        preview_text = tr("Buka tautan") if item.is_link else tr("Pratinjau")
        for name, label, tip in (("preview", preview_text, tr("Lihat isi berkas")),
                                 ("edit", tr("Ubah…"), tr("Ubah nomor, tanggal, dan perihal")),
                                 ("replace", tr("Ganti…"), tr("Ganti berkasnya; keterangan tetap")),
                                 ("up", "▲", tr("Pindahkan ke atas")), ("down", "▼", tr("Pindahkan ke bawah")),
                                 ("remove", tr("Hapus"), tr("Hapus bukti ini dari daftar (dapat diurungkan)")),
                                 ("shrink", tr("Perkecil gambar"),
                                  tr("Perkecil gambar ini agar muat dalam batas ukuran; keterangannya tetap"))):
            button = QToolButton(self)
            button.setText(label)
            button.setToolTip(tip)
            button.setObjectName(f"evidence_{name}")
            button.setAutoRaise(name in ("up", "down"))
            button.clicked.connect(lambda _=False, n=name: self.action.emit(n, self.item.id))
            if name == "shrink":
                side.addWidget(button, 0, Qt.AlignmentFlag.AlignRight)
            else:
                actions.addWidget(button)
            self.buttons[name] = button
        self.buttons["replace"].setHidden(item.is_link)
        side.addStretch(1)

    def show_item(self, index: int, report: ItemReport | None, *, first: bool, last: bool, editable: bool) -> None:
        self.report = report
        self.number.setText(f"{index}.")
        self.title.setText(breakable(title_of(self.item)))
        self.details.setText(details_of(self.item, report))
        self.status.setText(status_html(report))
        self.buttons["preview"].setEnabled(self.item.is_link or bool(report and report.available))
        self.buttons["shrink"].setHidden(not (editable and report and report.can_shrink))
        self.buttons["up"].setEnabled(editable and not first)
        self.buttons["down"].setEnabled(editable and not last)
        for name in ("edit", "replace", "remove"):
            self.buttons[name].setEnabled(editable)

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self.buttons["edit"].isEnabled():
            self.action.emit("edit", self.item.id)
        event.accept()


class EmptyNote(QLabel):
    def __init__(self, text: str, parent: QWidget) -> None:
        super().__init__(text, parent)
        self.setObjectName("evidenceEmpty")
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMargin(8)
        style(self, "#666666")
