"""The page loop of a print job, run by an Operation on a worker thread (Qt allows QPainter on a QPrinter outside the
GUI thread): opens the PDFs itself, renders each page and draws it onto the printer, page after page.

PySide keeps the Python interpreter lock through every Qt call, so one long call here would freeze the
window as surely as running on the GUI thread. A page is therefore rendered and drawn in horizontal
strips of at most STRIP_PIXELS (each call ~10-20 ms), and cancel is checked between strips.
Never touches a widget; the printer is only used here while the job runs.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from inovasi_desktop.domain.errors import InovasiError
from inovasi_desktop.ui.tasks import TaskControl

PRINT_DPI = 300
STRIP_PIXELS = 600_000  # ~240 rows of an A4 page at 300 dpi: 15 strips a page


def tr(text: str) -> str:
    return QApplication.translate("Printing", text)  # thread-safe


class PrintFailed(InovasiError):
    """The printer could not start or stopped, or a document could not be opened."""


def print_sheets(printer: QPrinter, paths: Sequence[Path], sheets: Sequence[tuple[int, int | None]],
                 control: TaskControl) -> int:
    """Print `sheets` ((index into `paths`, 0-based page or None for a blank sheet), in order) on `printer`.

    A cancelled or failed job is aborted, and a half-written print-to-file output removed."""
    control.check()
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintFailed(tr("Printer tidak dapat memulai pencetakan. Periksa printer lalu coba lagi."))
    complete = False
    documents = _Documents(paths)
    try:
        for n, (index, page) in enumerate(sheets):
            control.check()
            if n and not printer.newPage():
                raise PrintFailed(tr("Printer berhenti di tengah pencetakan. Periksa printer lalu coba lagi."))
            if page is not None:
                draw_page(painter, printer, documents.get(index), page, control)
            control.progress(n + 1, len(sheets),
                             tr("Mencetak halaman {n} dari {total}…").format(n=n + 1, total=len(sheets)))
        complete = True
    finally:
        documents.close()
        if not complete:
            printer.abort()
        painter.end()
        if not complete:
            _remove_partial_file(printer)
    return len(sheets)


def draw_page(painter: QPainter, printer: QPrinter, document: QPdfDocument, page: int,
              control: TaskControl) -> None:
    """The page fitted to the whole sheet and centred, at PRINT_DPI, in strips on a white ground. A landscape
    page on a portrait sheet (or the reverse) is turned a quarter to fill it, its top to the sheet's left edge
    (the binding side), as print dialogs' auto-rotate does; fitted upright it would shrink to ~71 %."""
    target = QRectF(printer.pageLayout().fullRectPixels(printer.resolution()))
    size = document.pagePointSize(page)
    turned = (size.width() > size.height()) != (target.width() > target.height())
    sheet_width, sheet_height = (target.height(), target.width()) if turned else (target.width(), target.height())
    scale = min(sheet_width / size.width(), sheet_height / size.height())
    width, height = size.width() * scale, size.height() * scale
    left, top = -width / 2, -height / 2  # around the sheet's centre
    painter.resetTransform()  # each page places itself anew
    painter.translate(target.center())
    if turned:
        painter.rotate(-90)
    pixels = QSize(int(size.width() / 72 * PRINT_DPI), int(size.height() / 72 * PRINT_DPI))
    rows = max(1, STRIP_PIXELS // max(1, pixels.width()))
    row_height = height / pixels.height()
    for y in range(0, pixels.height(), rows):
        control.check()
        # one row more than the step: the next strip paints over it, so no hairline shows between strips
        strip = QRect(0, y, pixels.width(), min(rows + 1, pixels.height() - y))
        image = _render_strip(document, page, pixels, strip)
        time.sleep(0)  # hand the interpreter lock to the GUI thread now if it waits, not after its 5 ms
        painter.drawImage(QRectF(left, top + y * row_height, width, strip.height() * row_height), image)
        time.sleep(0)


def _render_strip(document: QPdfDocument, page: int, pixels: QSize, strip: QRect) -> QImage:
    """Rows `strip` of the page rendered at `pixels`, on white."""
    options = QPdfDocumentRenderOptions()
    options.setScaledSize(pixels)
    # QPdfDocument::render scales a clip by (clip.right() - clip.left()) / image width, and QRect.right()
    # is left + width - 1: a clip one pixel wider and taller than the image gives the true scale
    # (else each strip shrinks by a row and the page drifts ~1 mm by its foot; test_ui_printing checks it).
    options.setScaledClipRect(QRect(strip.x(), strip.y(), strip.width() + 1, strip.height() + 1))
    rendered = document.render(page, strip.size(), options)  # transparent where the page has nothing
    opaque = QImage(strip.size(), QImage.Format.Format_RGB32)  # printers and the PDF engine do best without alpha
    opaque.fill(Qt.GlobalColor.white)
    painter = QPainter(opaque)
    painter.drawImage(0, 0, rendered)
    painter.end()
    return opaque


class _Documents:
    """The PDFs of a job, opened on this thread one at a time, as the sheets reach them."""

    def __init__(self, paths: Sequence[Path]) -> None:
        self.paths = [Path(p) for p in paths]
        self.index = -1
        self.document: QPdfDocument | None = None

    def get(self, index: int) -> QPdfDocument:
        if index != self.index or self.document is None:
            self.close()
            document = QPdfDocument(None)
            if document.load(str(self.paths[index])) != QPdfDocument.Error.None_:
                raise PrintFailed(tr("Berkas {name} tidak dapat dibuka untuk dicetak.")
                                  .format(name=self.paths[index].name))
            self.index, self.document = index, document
        return self.document

    def close(self) -> None:
        if self.document is not None:
            self.document.close()  # Windows keeps open files from being removed
            self.document = None


def _remove_partial_file(printer: QPrinter) -> None:
    """Print to file (Qt's PDF output) leaves half a file behind a cancel: remove it."""
    output = printer.outputFileName()
    if output and printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:
        try:
            Path(output).unlink(missing_ok=True)
        except OSError:
            pass
