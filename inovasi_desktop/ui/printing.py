"""Print PDF documents on A4 (duplex where the printer offers it): the print dialog and the print job.

Pages are rendered one per event-loop turn, with a progress dialog and Cancel, so the window
stays responsive while a long dossier prints. Several documents print as one job, one after the other.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QProgressDialog, QWidget

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


def ask_printer(parent: QWidget | None, doc_name: str, page_count: int, *, page_range: bool = True,
                current_page: bool = False) -> QPrinter | None:
    """The print dialog on an A4 printer; the printer the user accepted, or None when cancelled."""
    printer = a4_printer()
    printer.setDocName(doc_name)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(tr("Cetak berkas"))
    dialog.setMinMax(1, max(1, page_count))
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, page_range)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintCurrentPage, current_page)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return printer


def chosen_pages(printer: QPrinter, page_count: int, current_page: int = 0) -> list[int]:
    """The 0-based pages the print dialog asked for: all, the current one, or a range such as 2-5."""
    chosen = printer.printRange()
    if chosen == QPrinter.PrintRange.CurrentPage:
        return [current_page] if 0 <= current_page < page_count else []
    if chosen == QPrinter.PrintRange.PageRange:
        ranges = printer.pageRanges()
        if not ranges.isEmpty():
            return [page for page in range(page_count) if ranges.contains(page + 1)]
    return list(range(page_count))


def plan_sheets(page_lists: Sequence[Sequence[int]], duplex: bool) -> list[tuple[int, int | None]]:
    """(document index, page) in print order; in duplex a blank page (None) keeps each document
    from starting on the back of the previous one."""
    plan: list[tuple[int, int | None]] = []
    for n, pages in enumerate(page_lists):
        if duplex and plan and len(plan) % 2:
            plan.append((n - 1, None))
        plan.extend((n, page) for page in pages)
    return plan


class PrintJob(QObject):
    """Renders `documents` (one, or several one after the other) onto `printer`, one page per timer tick.

    `pages` (0-based) limits a single document to some of its pages."""

    finished = Signal(bool)  # True when every page was printed, False when cancelled or failed

    def __init__(self, documents: QPdfDocument | Sequence[QPdfDocument], printer: QPrinter,
                 parent: QWidget | None = None, pages: Sequence[int] | None = None) -> None:
        super().__init__(parent)
        self.documents = [documents] if isinstance(documents, QPdfDocument) else list(documents)
        if pages is not None and len(self.documents) != 1:
            raise ValueError("a page selection applies to one document")
        page_lists = [list(pages)] if pages is not None else [range(d.pageCount()) for d in self.documents]
        self.sheets = plan_sheets(page_lists, printer.duplex() != QPrinter.DuplexMode.DuplexNone)
        self.printer = printer
        self.parent_widget = parent
        self.painter: QPainter | None = None
        self.index = 0
        self.ended = False
        self.progress = QProgressDialog(tr("Mencetak…"), tr("Batal"), 0, len(self.sheets), parent)
        self.progress.setWindowTitle(tr("Cetak"))
        self.progress.setMinimumWidth(self.progress.fontMetrics().horizontalAdvance("M") * 30)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.setAutoReset(False)
        self.progress.canceled.connect(lambda: self._end(False))

    def start(self) -> None:
        self.painter = QPainter()
        if not self.sheets:
            self._end(False)
        elif not self.painter.begin(self.printer):
            self._end(False, tr("Printer tidak dapat memulai pencetakan. Periksa printer lalu coba lagi."))
        else:
            self.progress.setValue(0)
            QTimer.singleShot(0, self._next)

    def _next(self) -> None:
        if self.painter is None:
            return
        if self.index > 0 and not self.printer.newPage():
            self._end(False, tr("Printer berhenti di tengah pencetakan. Periksa printer lalu coba lagi."))
            return
        document, page = self.sheets[self.index]
        if page is not None:
            self._draw(self.documents[document], page)
        self.index += 1
        self.progress.setLabelText(tr("Mencetak halaman {n} dari {total}…").format(n=self.index,
                                                                                   total=len(self.sheets)))
        self.progress.setValue(self.index)  # a modal progress runs the event loop: Cancel may end the job here
        if self.painter is None:
            return
        if self.index >= len(self.sheets):
            self._end(True)
        else:
            QTimer.singleShot(0, self._next)

    def _draw(self, document: QPdfDocument, page: int) -> None:
        target = self.printer.pageLayout().fullRectPixels(self.printer.resolution())
        size = document.pagePointSize(page)
        scale = min(target.width() / size.width(), target.height() / size.height())
        width, height = int(size.width() * scale), int(size.height() * scale)
        pixels = QSize(int(size.width() / 72 * PRINT_DPI), int(size.height() / 72 * PRINT_DPI))
        image = document.render(page, pixels, QPdfDocumentRenderOptions())
        x = target.x() + (target.width() - width) // 2
        y = target.y() + (target.height() - height) // 2
        self.painter.drawImage(QRect(x, y, width, height), image)

    def cancel(self) -> None:
        self._end(False)

    def _remove_partial_file(self) -> None:
        """Print to file (Qt's PDF output) leaves half a file behind a cancel: remove it."""
        output = self.printer.outputFileName()
        if output and self.printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:
            try:
                Path(output).unlink(missing_ok=True)
            except OSError:
                pass

    def _end(self, ok: bool, problem: str = "") -> None:
        if self.ended:
            return
        self.ended = True
        if self.painter is not None:
            painter, self.painter = self.painter, None
            begun = painter.isActive()
            if not ok:
                self.printer.abort()
            if painter.isActive():
                painter.end()
            if begun and not ok:
                self._remove_partial_file()
        self.progress.reset()
        self.progress.hide()
        if problem:
            QMessageBox.warning(self.parent_widget, tr("Cetak gagal"), problem)
        self.finished.emit(ok)
