"""Preview of one stored evidence file: PDFs page by page (QtPdf), images upright and fitted, with
its description and check results beside it, and "Buka dengan aplikasi lain"."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from inovasi_desktop.catalogue.evidence_kinds import IMAGE, kinds_of_group
from inovasi_desktop.domain import EvidenceItem
from inovasi_desktop.rules import format_date_id
from inovasi_desktop.rules.evidence_kinds import kind_of
from inovasi_desktop.services.evidence_items import ItemReport
from inovasi_desktop.ui import external_copies
from inovasi_desktop.ui.dialogs.dossier_preview import preview_size
from inovasi_desktop.ui.editor.labels import MESSAGE_COLOURS, breakable
from inovasi_desktop.ui.pdf_viewer import PdfViewer
from inovasi_desktop.ui.side_splitter import SideSplitter

MAX_PREVIEW_SIDE = 4096  # images are decoded at most this large


def tr(text: str) -> str:
    return QApplication.translate("EvidencePreview", text)


def report_html(report: ItemReport | None) -> str:
    if report is None:
        return ""
    marks = {"galat": "✖", "peringatan": "⚠", "info": "ℹ"}
    lines = [f"<span style='color:{MESSAGE_COLOURS[s]}'>{marks[s.value]} {html.escape(text)}</span>"
             for s, text in report.lines]
    if report.worst is None or report.worst.value == "info":
        lines.insert(0, f"<span style='color:#1b6e20'>✓ {tr('Berkas dapat dipakai.')}</span>")
    return "<br>".join(lines)


class ImageView(QScrollArea):
    """An image decoded upright (EXIF) at a bounded size, scaled to fit the view."""

    def __init__(self) -> None:
        super().__init__()
        self.label = QLabel()
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWidget(self.label)
        self.setWidgetResizable(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pixmap = QPixmap()

    def open(self, path: Path) -> bool:
        reader = QImageReader(str(path))
        reader.setAutoTransform(True)
        size = reader.size()
        if size.isValid() and max(size.width(), size.height()) > MAX_PREVIEW_SIDE:
            reader.setScaledSize(size.scaled(QSize(MAX_PREVIEW_SIDE, MAX_PREVIEW_SIDE),
                                             Qt.AspectRatioMode.KeepAspectRatio))
        image = reader.read()
        if image.isNull():
            return False
        self.pixmap = QPixmap.fromImage(image)
        self._fit()
        return True

    def _fit(self) -> None:
        if self.pixmap.isNull():
            return
        area = self.viewport().size() - QSize(8, 8)
        fits = self.pixmap.width() <= area.width() and self.pixmap.height() <= area.height()
        self.label.setPixmap(self.pixmap if fits else self.pixmap.scaled(
            area, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._fit()


class EvidencePreviewDialog(QDialog):
    def __init__(self, item: EvidenceItem, path: Path, report: ItemReport | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item, self.path = item, path
        self.setObjectName("evidencePreview")
        self.setWindowTitle(tr("Pratinjau bukti — {name}").format(name=item.file_name or path.name))
        self.pdf: PdfViewer | None = None
        self.image: ImageView | None = None
        kind = kind_of(item)
        if kind == "pdf":
            self.pdf = PdfViewer(show_bookmarks=False)
            self.pdf.zoom.setCurrentIndex(self.pdf.zoom.findData("page"))  # a whole page at a time
            opened, body = self.pdf.open(path), self.pdf
        elif kind in kinds_of_group(IMAGE):
            self.image = ImageView()
            opened, body = self.image.open(path), self.image
        else:
            opened, body = False, QWidget()
        if not opened:
            body = QLabel(tr("Pratinjau tidak tersedia untuk berkas ini. Gunakan \"Buka dengan aplikasi lain\"."))
            body.setAlignment(Qt.AlignmentFlag.AlignCenter)
            body.setWordWrap(True)
        self.opened = opened

        side = QWidget()
        side_layout = QVBoxLayout(side)
        details = QLabel(self._details_html(report))
        details.setObjectName("previewDetails")
        details.setWordWrap(True)
        details.setTextFormat(Qt.TextFormat.RichText)
        details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        side_layout.addWidget(details)
        side_layout.addStretch(1)
        # the details take a quarter of the width, at most ~26 text widths: the document keeps the rest
        em = self.fontMetrics().horizontalAdvance("M")
        splitter = SideSplitter(side, body, share=0.25, minimum_em=10, widest=lambda: 26 * em, side_first=False)

        self.open_button = QPushButton(tr("Buka dengan aplikasi lain"))
        self.open_button.setToolTip(tr("Buka salinan berkas ini dengan aplikasi bawaan komputer"))
        self.open_button.clicked.connect(self.open_externally)
        close = QPushButton(tr("Tutup"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self.resize(preview_size((parent or self).screen().availableGeometry(), QSize(1180, 720)))

    def _details_html(self, report: ItemReport | None) -> str:
        item = self.item
        rows = [(tr("Tentang"), item.tentang or tr("(belum diisi)")), (tr("Nomor"), item.nomor or "–"),
                (tr("Tanggal"), format_date_id(item.tanggal) if item.tanggal else "–"),
                (tr("Berkas asli"), breakable(item.file_name or "–"))]
        if report is not None:
            rows.append((tr("Jenis"), report.facts))
        table = "".join(f"<p><b>{html.escape(k)}</b><br>{html.escape(v)}</p>" for k, v in rows)
        return table + f"<p><b>{tr('Hasil pemeriksaan')}</b><br>{report_html(report)}</p>"

    def open_externally(self) -> bool:
        """Open a copy with the original name (the store names files by their sha256, without extension)."""
        try:
            copy = external_copies.make_copy(self.path, self.item.file_name or self.path.name)
        except OSError:
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(copy)))

    def done(self, result: int) -> None:
        if self.pdf is not None:
            self.pdf.close_document()
        super().done(result)
