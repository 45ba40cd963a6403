"""Print PDF documents on A4 (duplex where the printer offers it): the print dialog and the print job.

The pages print on a background thread (print_worker.py) with a progress dialog and Batal, so the
window stays responsive while a long dossier prints. Several documents print as one job, one after the other.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QProgressDialog, QWidget

from inovasi_desktop.ui.print_worker import print_sheets
from inovasi_desktop.ui.tasks import Operation, TaskRunner


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
    if no_printer_installed(printer):
        QMessageBox.information(parent, tr("Cetak berkas"), tr(
            "Belum ada printer yang terpasang di komputer ini. Pasang printer (atau \"Microsoft Print to PDF\") "
            "melalui Pengaturan Windows > Printer & pemindai, lalu ulangi."))
        return None
    printer.setDocName(doc_name)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(tr("Cetak berkas"))
    dialog.setMinMax(1, max(1, page_count))
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, page_range)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintCurrentPage, current_page)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return printer


def no_printer_installed(printer: QPrinter) -> bool:
    """Windows without any printer: Qt falls back to its PDF printer, which the Windows print dialog refuses."""
    return sys.platform == "win32" and printer.outputFormat() != QPrinter.OutputFormat.NativeFormat


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

    The pages are printed by an Operation (print_worker.py on a worker thread); its progress dialog and Batal
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
        self.ok = False
        paths, sheets = self.paths, self.sheets
        self.operation = Operation(lambda control: print_sheets(printer, paths, sheets, control), parent=parent,
                                   on_success=self._printed, failure_title=tr("Cetak gagal"),
                                   on_end=lambda: self.finished.emit(self.ok),
                                   on_progress=lambda done, _total, _text: setattr(self, "printed", done))
        self.operation.with_progress(tr("Mencetak…"), title=tr("Cetak"), delay_ms=0)

    @property
    def progress(self) -> QProgressDialog | None:
        return self.operation.progress

    def start(self) -> None:
        if not self.sheets:
            self.operation.cancel()
            return
        self.operation.run(self.runner)

    def cancel(self) -> None:
        """Stop within a moment; `finished(False)` follows once the worker has let go of the printer."""
        self.operation.cancel()

    def _printed(self, _result: object) -> None:
        self.ok = True
        self.printed = len(self.sheets)
