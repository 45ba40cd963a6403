"""Printing the example dossier (~63 pages) to a PDF file (Qt's print-to-file) while a QTimer heartbeat on
the GUI thread measures event-loop stalls. Goal: worst stall <= 50 ms while printing.

Rows, all in one run:
  idle         the event loop with nothing to do (the noise floor of this machine)
  render only  every page rendered at 300 dpi on a worker thread, nothing printed (the least work there is)
  before       the old way: one page per event-loop turn on the GUI thread (render, then draw on the printer)
  PrintJob     the app's print job: a TaskRunner thread renders and draws each page in strips

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_printing.py [--keep DIR]

Measures and prints only; never part of the test run.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LANG", "C.UTF-8")

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout, not an installed copy
HEARTBEAT_MS = 5


def build_example_dossier(folder: Path) -> Path:
    from inovasi_desktop.domain import Organisation
    from inovasi_desktop.services import dossier, innovations, organisation
    from inovasi_desktop.services.workspace import Workspace

    os.environ["INOVASI_HOME"] = str(folder / "home")
    ws = Workspace()
    try:
        organisation.save(ws, Organisation(
            pemda="Kabupaten Mojokerto", provinsi="Jawa Timur", opd="Dinas Kesehatan", contact_name="Rina",
            head_name="dr. Bambang Supriyadi, M.Kes.", head_nip="197203151998031007",
            head_position="Kepala Dinas Kesehatan", default_catalogue="iid-2026"))
        example = innovations.import_example(ws)
        return dossier.export_pdf(ws, example.id, folder / "contoh.pdf").path
    finally:
        ws.close()


class Heartbeat:
    """A precise timer on the GUI thread; the gaps between its ticks are the event loop's stalls."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.ticks: list[float] = []
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(HEARTBEAT_MS)
        self.timer.timeout.connect(lambda: self.ticks.append(time.perf_counter()))

    def run(self, start: Callable[[Callable[[], None]], None]) -> tuple[float, list[float]]:
        """Run `start(done)` under the heartbeat until it calls done(); (seconds, stalls in ms)."""
        from PySide6.QtCore import QEventLoop, QTimer

        loop = QEventLoop()
        self.ticks = []
        self.timer.start()
        began = time.perf_counter()
        ended: list[float] = []

        def done() -> None:
            ended.append(time.perf_counter())
            QTimer.singleShot(2 * HEARTBEAT_MS, loop.quit)  # a last tick after the work

        QTimer.singleShot(0, lambda: start(done))
        loop.exec()
        self.timer.stop()
        gaps = [(b - a) * 1000 - HEARTBEAT_MS for a, b in zip(self.ticks, self.ticks[1:], strict=False)]
        return ended[0] - began, [max(0.0, gap) for gap in gaps]


def idle(done: Callable[[], None]) -> None:
    from PySide6.QtCore import QTimer

    QTimer.singleShot(2000, done)


def render_only(pdf: Path, runner) -> Callable:
    def start(done: Callable[[], None]) -> None:
        def work(control) -> int:
            from PySide6.QtCore import QSize
            from PySide6.QtPdf import QPdfDocument

            document = QPdfDocument(None)
            document.load(str(pdf))
            for page in range(document.pageCount()):
                size = document.pagePointSize(page)
                document.render(page, QSize(int(size.width() / 72 * 300), int(size.height() / 72 * 300)))
            document.close()
            return 0

        from inovasi_desktop.ui.tasks import Operation

        Operation(work, on_failure=lambda error: print("failed:", error), on_end=done).run(runner)
    return start


def before(pdf: Path, printer) -> Callable:
    """The print loop as it was: one whole page per turn of the event loop, on the GUI thread."""
    def start(done: Callable[[], None]) -> None:
        from PySide6.QtCore import QCoreApplication, QRect, QSize, QTimer
        from PySide6.QtGui import QPainter
        from PySide6.QtPdf import QPdfDocument

        document = QPdfDocument(None)
        document.load(str(pdf))
        painter = QPainter()
        painter.begin(printer)
        state = {"page": 0}

        def next_page() -> None:
            page = state["page"]
            if page:
                printer.newPage()
            target = printer.pageLayout().fullRectPixels(printer.resolution())
            size = document.pagePointSize(page)
            scale = min(target.width() / size.width(), target.height() / size.height())
            width, height = int(size.width() * scale), int(size.height() * scale)
            image = document.render(page, QSize(int(size.width() / 72 * 300), int(size.height() / 72 * 300)))
            painter.drawImage(QRect(target.x() + (target.width() - width) // 2,
                                    target.y() + (target.height() - height) // 2, width, height), image)
            state["page"] = page + 1
            QCoreApplication.processEvents()  # as its modal progress dialog's setValue() did
            if state["page"] < document.pageCount():
                QTimer.singleShot(0, next_page)
            else:
                painter.end()
                document.close()
                done()

        QTimer.singleShot(0, next_page)
    return start


def print_job(pdf: Path, printer, runner, pages: int, parent) -> Callable:
    def start(done: Callable[[], None]) -> None:
        from inovasi_desktop.ui.printing import PrintJob

        job = PrintJob(runner, printer, [(pdf, range(pages))], parent)
        job.finished.connect(lambda ok: (None if ok else print("PrintJob did not finish"), done()))
        job.start()
    return start


def pdf_printer(path: Path):
    from PySide6.QtPrintSupport import QPrinter

    from inovasi_desktop.ui.printing import a4_printer

    printer = a4_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="write the dossier and the printed files here")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-printing-"))
    folder.mkdir(parents=True, exist_ok=True)

    from PySide6.QtWidgets import QApplication, QWidget

    import inovasi_desktop.ui  # noqa: F401 - the PySide refcount guard
    from inovasi_desktop.ui.tasks import TaskRunner

    pdf = build_example_dossier(folder)
    app = QApplication(sys.argv[:1])
    window = QWidget()  # the progress dialog's parent, as the preview would be
    window.resize(800, 600)
    window.show()
    app.processEvents()

    import pikepdf

    with pikepdf.open(pdf) as opened:
        pages = len(opened.pages)
    runner = TaskRunner()
    heartbeat = Heartbeat()
    rows = [
        ("idle", idle, None),
        ("render only", render_only(pdf, runner), None),
        ("before", before(pdf, pdf_printer(folder / "before.pdf")), folder / "before.pdf"),
        ("PrintJob", print_job(pdf, pdf_printer(folder / "printjob.pdf"), runner, pages, window),
         folder / "printjob.pdf"),
    ]
    print(f"Example dossier: {pages} pages, {pdf.stat().st_size / 1e6:.1f} MB; heartbeat every {HEARTBEAT_MS} ms; "
          f"{os.cpu_count()} CPUs")
    print(f"{'':12} {'total s':>8} {'worst ms':>9} {'p99 ms':>7} {'median ms':>10} {'ticks':>6}  output")
    for name, start, output in rows:
        seconds, stalls = heartbeat.run(start)
        stalls.sort()
        p99 = stalls[int(len(stalls) * 0.99)] if stalls else 0.0
        median = statistics.median(stalls) if stalls else 0.0
        written = ""
        if output is not None:
            with pikepdf.open(output) as opened:
                written = f"{len(opened.pages)} pages, {output.stat().st_size / 1e6:.0f} MB"
        print(f"{name:12} {seconds:8.2f} {max(stalls, default=0):9.1f} {p99:7.1f} {median:10.1f} {len(stalls):6}  "
              f"{written}")
    runner.wait()
    window.close()
    if args.keep is None:
        import shutil

        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
