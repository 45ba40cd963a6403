"""Print a PDF document page by page on A4 (duplex where the printer offers it).

Pages are rendered one per event-loop turn, with a progress dialog and Cancel, so the window
stays responsive while a long dossier prints.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

PRINT_DPI = 300


def tr(text: str) -> str:
    return QApplication.translate("Printing", text)


def a4_printer() -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)
    if QPrinter.DuplexMode.DuplexLongSide in _supported_duplex(printer):
        printer.setDuplex(QPrinter.DuplexMode.DuplexLongSide)
    return printer


def _supported_duplex(printer: QPrinter) -> list:
    try:
        from PySide6.QtPrintSupport import QPrinterInfo

        info = QPrinterInfo.printerInfo(printer.printerName())
        return list(info.supportedDuplexModes()) if not info.isNull() else []
    except (ImportError, AttributeError):
        return []


class PrintJob(QObject):
    """Renders `document` onto `printer`, one page per timer tick."""

    finished = Signal(bool)  # True when every page was printed, False when cancelled or failed

    def __init__(self, document: QPdfDocument, printer: QPrinter, parent: QWidget | None = None,
                 pages: range | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.printer = printer
        self.pages = list(pages if pages is not None else range(document.pageCount()))
        self.painter: QPainter | None = None
        self.index = 0
        self.progress = QProgressDialog(tr("Mencetak…"), tr("Batal"), 0, len(self.pages), parent)
        self.progress.setWindowTitle(tr("Cetak"))
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)
        self.progress.canceled.connect(lambda: self._end(False))

    def start(self) -> None:
        self.painter = QPainter()
        if not self.pages or not self.painter.begin(self.printer):
            self._end(False)
            return
        QTimer.singleShot(0, self._next)

    def _next(self) -> None:
        if self.painter is None:
            return
        if self.index > 0 and not self.printer.newPage():
            self._end(False)
            return
        self._draw(self.pages[self.index])
        self.index += 1
        self.progress.setValue(self.index)
        if self.index >= len(self.pages):
            self._end(True)
        else:
            QTimer.singleShot(0, self._next)

    def _draw(self, page: int) -> None:
        target = self.printer.pageLayout().fullRectPixels(self.printer.resolution())
        size = self.document.pagePointSize(page)
        scale = min(target.width() / size.width(), target.height() / size.height())
        width, height = int(size.width() * scale), int(size.height() * scale)
        pixels = QSize(int(size.width() / 72 * PRINT_DPI), int(size.height() / 72 * PRINT_DPI))
        image = self.document.render(page, pixels, QPdfDocumentRenderOptions())
        x = target.x() + (target.width() - width) // 2
        y = target.y() + (target.height() - height) // 2
        self.painter.drawImage(QRect(x, y, width, height), image)

    def _end(self, ok: bool) -> None:
        if self.painter is not None:
            painter, self.painter = self.painter, None
            if not ok:
                self.printer.abort()
            if painter.isActive():
                painter.end()
        self.progress.reset()
        self.finished.emit(ok)
