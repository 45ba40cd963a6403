"""The built-in preview of an exported dossier: bookmarks, zoom, pages, Print and "Buka folder"."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, QSize, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from inovasi_desktop.ui.pdf_viewer import PdfViewer
from inovasi_desktop.ui.printing import PrintJob, ask_printer, chosen_pages
from inovasi_desktop.ui.tasks import TaskRunner

PREFERRED = QSize(1100, 900)
FRAME_ALLOWANCE = QSize(40, 80)  # window frame and title bar, with a little room around


def tr(text: str) -> str:
    return QApplication.translate("DossierPreview", text)


def preview_size(available: QRect, preferred: QSize = PREFERRED) -> QSize:
    """As large as preferred, but never taller or wider than the screen's free area with its frame."""
    return preferred.boundedTo(available.size() - FRAME_ALLOWANCE)


class DossierPreviewDialog(QDialog):
    def __init__(self, path: Path, summary: str = "", parent: QWidget | None = None,
                 runner: TaskRunner | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.runner = runner or TaskRunner(max_threads=1)  # prints in the background
        self.print_job: PrintJob | None = None
        self.setWindowTitle(tr("Pratinjau berkas — {name}").format(name=path.name))
        self.viewer = PdfViewer()
        self.print_button = QPushButton(tr("Cetak…"))
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.print_button.setToolTip(tr("Cetak berkas pada kertas A4 (Ctrl+P)"))
        self.folder_button = QPushButton(tr("Buka folder"))
        self.folder_button.setToolTip(tr("Buka folder tempat berkas PDF disimpan"))
        self.close_button = QPushButton(tr("Tutup"))
        for button in (self.folder_button, self.print_button, self.close_button):
            button.setAutoDefault(False)  # Enter (e.g. after typing a page number) presses nothing
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
        screen = (parent or self).screen()
        self.resize(preview_size(screen.availableGeometry()))
        if not self.viewer.open(path):
            QMessageBox.warning(self, tr("Pratinjau"), tr("Berkas {name} tidak dapat dibuka untuk pratinjau.")
                                .format(name=path.name))
            self.print_button.setEnabled(False)

    @Slot()
    def print_document(self) -> None:
        """Ask for a printer (A4, duplex when offered) and print the pages chosen there."""
        printer = ask_printer(self, self.path.stem, self.viewer.page_count(), current_page=True)
        if printer is not None:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> PrintJob:
        """Print on a printer already set up (its print range decides the pages)."""
        pages = chosen_pages(printer, self.viewer.page_count(), self.viewer.current_page())
        self.print_job = PrintJob(self.runner, printer, [(self.path, pages)], self)
        self.print_button.setEnabled(False)
        self.print_job.finished.connect(lambda ok: self.print_button.setEnabled(True))
        self.print_job.start()
        return self.print_job

    def open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path.parent)))

    def done(self, result: int) -> None:
        if self.print_job is not None:
            self.print_job.cancel()
        self.viewer.close_document()
        super().done(result)
