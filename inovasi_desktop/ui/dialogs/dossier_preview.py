"""The built-in preview of an exported dossier: bookmarks, zoom, pages, Print and "Buka folder"."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QApplication, QDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from inovasi_desktop.ui.pdf_viewer import PdfViewer
from inovasi_desktop.ui.printing import PrintJob, a4_printer


def tr(text: str) -> str:
    return QApplication.translate("DossierPreview", text)


class DossierPreviewDialog(QDialog):
    def __init__(self, path: Path, summary: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.print_job: PrintJob | None = None
        self.setWindowTitle(tr("Pratinjau berkas — {name}").format(name=path.name))
        self.viewer = PdfViewer()
        self.print_button = QPushButton(tr("Cetak…"))
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.print_button.setToolTip(tr("Cetak berkas pada kertas A4 (Ctrl+P)"))
        self.folder_button = QPushButton(tr("Buka folder"))
        self.close_button = QPushButton(tr("Tutup"))
        self.print_button.clicked.connect(self.print_document)
        self.folder_button.clicked.connect(self.open_folder)
        self.close_button.clicked.connect(self.accept)
        info = QLabel(summary or str(path))
        info.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(info, 1)
        buttons.addWidget(self.folder_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.viewer, 1)
        layout.addLayout(buttons)
        self.resize(1100, 720)
        if not self.viewer.open(path):
            QMessageBox.warning(self, tr("Pratinjau"), tr("Berkas {name} tidak dapat dibuka untuk pratinjau.")
                                .format(name=path.name))
            self.print_button.setEnabled(False)

    def print_document(self, printer=None) -> PrintJob | None:
        """Ask for a printer (A4, duplex when offered) and print; `printer` skips the dialog (tests)."""
        if printer is None:
            printer = a4_printer()
            printer.setDocName(self.path.stem)
            dialog = QPrintDialog(printer, self)
            dialog.setWindowTitle(tr("Cetak berkas"))
            dialog.setMinMax(1, max(1, self.viewer.page_count()))
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
        first, last = printer.fromPage(), printer.toPage()
        pages = range(first - 1, last) if first and last else None
        self.print_job = PrintJob(self.viewer.document, printer, self, pages)
        self.print_button.setEnabled(False)
        self.print_job.finished.connect(lambda ok: self.print_button.setEnabled(True))
        self.print_job.start()
        return self.print_job

    def open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path.parent)))

    def done(self, result: int) -> None:
        self.viewer.close_document()
        super().done(result)
