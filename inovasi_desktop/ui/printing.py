"""Print PDF documents on A4 (duplex where the printer offers it): the print dialog and the print job.

The pages print on a background thread (print_worker.py) with a progress dialog and Batal, so the
window stays responsive while a long dossier prints. Several documents print as one job, one after the other.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QProgressDialog, QWidget

from inovasi_desktop.domain.errors import InovasiError
from inovasi_desktop.ui.print_worker import print_sheets
from inovasi_desktop.ui.tasks import TaskHandle, TaskRunner


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
    """Prints `documents` ((PDF path, 0-based pages to print) each, one after the other) on `printer`.

    The pages are printed on a TaskRunner thread (print_worker.py); the progress dialog and its Batal
    stay on the GUI thread. The printer belongs to the job until `finished` is emitted."""

    finished = Signal(bool)  # True when every page was printed, False when cancelled or failed

    def __init__(self, runner: TaskRunner, printer: QPrinter, documents: Sequence[tuple[Path, Sequence[int]]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner, self.printer, self.parent_widget = runner, printer, parent
        self.paths = [Path(path) for path, _ in documents]
        self.sheets = plan_sheets([pages for _, pages in documents],
                                  printer.duplex() != QPrinter.DuplexMode.DuplexNone)
        self.printed = 0  # sheets done, as last reported by the worker
        self.handle: TaskHandle | None = None
        self.ended = False
        self.progress = QProgressDialog(tr("Mencetak…"), tr("Batal"), 0, len(self.sheets), parent)
        self.progress.setWindowTitle(tr("Cetak"))
        self.progress.setMinimumWidth(self.progress.fontMetrics().horizontalAdvance("M") * 30)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.setAutoReset(False)
        self.progress.canceled.connect(self.cancel)

    def start(self) -> None:
        if not self.sheets:
            self._end(False)
            return
        self.progress.setValue(0)  # before the worker starts: a modal progress may run the event loop
        printer, paths, sheets = self.printer, self.paths, self.sheets
        self.handle = self.runner.run(lambda control: print_sheets(printer, paths, sheets, control))
        self.handle.progress.connect(self._on_progress)
        self.handle.finished.connect(self._on_finished)
        self.handle.failed.connect(self._on_failed)
        self.handle.cancelled.connect(self._on_cancelled)

    def cancel(self) -> None:
        """Stop within a moment; `finished(False)` follows once the worker has let go of the printer."""
        self.progress.hide()
        if self.handle is None:
            self._end(False)
        else:
            self.handle.cancel()

    def _on_progress(self, done: int, total: int, _text: str) -> None:
        if self.ended or self.handle is None or self.handle.control.cancelled():
            return
        self.printed = done
        self.progress.setLabelText(tr("Mencetak halaman {n} dari {total}…").format(n=done, total=total))
        self.progress.setValue(done)  # a modal progress runs the event loop here

    def _on_finished(self, _result: object) -> None:
        self._end(True)

    def _on_cancelled(self) -> None:
        self._end(False)

    def _on_failed(self, error: Exception) -> None:
        self._end(False, str(error) if isinstance(error, InovasiError) else tr(
            "Terjadi kesalahan tak terduga saat mencetak. Rincian ada di berkas log."))

    def _end(self, ok: bool, problem: str = "") -> None:
        if self.ended:
            return
        self.ended = True
        if ok:
            self.printed = len(self.sheets)
        self.progress.reset()
        self.progress.hide()
        if problem:
            QMessageBox.warning(self.parent_widget, tr("Cetak gagal"), problem)
        self.finished.emit(ok)
