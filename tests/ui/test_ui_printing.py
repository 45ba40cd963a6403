"""Printing from the dossier preview (button, Ctrl+P, page range, cancel) and the preview's size and keys."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest
from print_dialog import answer_print_dialog, page_count
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton, QToolBar

from inovasi_desktop.services import innovations
from tests.fixtures.editor import wait_for_editor


def open_preview(qtbot, window, monkeypatch, tmp_path: Path, innovation_id: str):
    """Export the dossier from the window as a person does; the preview it opens, and the file."""
    window.refresh()
    window.list_view.select(innovation_id)
    target = tmp_path / "berkas.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF (*.pdf)"))
    window.export_action.trigger()
    qtbot.waitUntil(lambda: getattr(window, "preview", None) is not None, timeout=60_000)
    preview = window.preview
    qtbot.waitExposed(preview)
    return preview, target


@pytest.fixture
def preview(qtbot, window, workspace, monkeypatch, tmp_path):
    innovation = innovations.create(workspace)  # a small real dossier: quick to print
    dialog, target = open_preview(qtbot, window, monkeypatch, tmp_path, innovation.id)
    dialog.dossier = target
    yield dialog
    dialog.reject()


def test_ctrl_p_prints_every_page(qtbot, preview, monkeypatch, tmp_path):
    printed = tmp_path / "cetak.pdf"
    answer = answer_print_dialog(monkeypatch, printed)
    pages = page_count(preview.dossier)
    preview.activateWindow()
    qtbot.waitActive(preview)
    QTest.keyClick(QApplication.focusWidget() or preview, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: preview.print_job is not None, timeout=5000)
    with qtbot.waitSignal(preview.print_job.finished, timeout=60_000) as blocker:
        pass
    assert blocker.args == [True]
    assert answer.shown[0].max_page == pages and answer.shown[0].page_range_offered
    assert page_count(printed) == pages
    assert preview.print_button.isEnabled()


def test_page_range_prints_just_those_pages(qtbot, preview, monkeypatch, tmp_path):
    printed = tmp_path / "cetak.pdf"
    answer_print_dialog(monkeypatch, printed, page_range=(2, 4))
    qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(preview.print_job.finished, timeout=60_000) as blocker:
        pass
    assert blocker.args == [True]
    assert page_count(printed) == 3


def slow_printer(monkeypatch, wait_at_page: int):
    """A printer that takes its time: drawing page `wait_at_page` waits until `go` is set (or a minute)."""
    from inovasi_desktop.ui import print_worker

    drawn: list[int] = []
    reached, go = threading.Event(), threading.Event()
    real_draw = print_worker.draw_page

    def draw_page(painter, printer, document, page, control):
        drawn.append(page)
        if page == wait_at_page:
            reached.set()
            go.wait(60)
        real_draw(painter, printer, document, page, control)

    monkeypatch.setattr(print_worker, "draw_page", draw_page)
    return drawn, reached, go


def test_cancel_while_printing_stops_the_job(qtbot, preview, monkeypatch, tmp_path):
    answer_print_dialog(monkeypatch, tmp_path / "cetak.pdf")
    drawn, reached, go = slow_printer(monkeypatch, wait_at_page=2)
    qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    job = preview.print_job
    assert not preview.print_button.isEnabled()  # no second job while one prints
    qtbot.waitUntil(lambda: reached.is_set() and job.progress.isVisible(), timeout=60_000)
    with qtbot.waitSignal(job.finished, timeout=60_000) as blocker:
        qtbot.mouseClick(job.progress.findChild(QPushButton), Qt.MouseButton.LeftButton)  # Batal, while page 3 prints
        assert not job.progress.isVisible()
        go.set()
    assert blocker.args == [False]
    assert drawn == [0, 1, 2] and len(job.sheets) > 3  # no page started after the cancel
    assert preview.print_button.isEnabled()
    assert not (tmp_path / "cetak.pdf").exists()  # no half-printed file left


def test_window_answers_while_a_page_prints(qtbot, preview, monkeypatch, tmp_path):
    """The pages print on a worker thread: the preview keeps turning pages while the printer is busy."""
    printed = tmp_path / "cetak.pdf"
    answer_print_dialog(monkeypatch, printed)
    drawn, reached, go = slow_printer(monkeypatch, wait_at_page=1)
    qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    job = preview.print_job
    qtbot.waitUntil(reached.is_set, timeout=60_000)
    assert job.progress.findChild(QPushButton).isEnabled()
    viewer = preview.viewer
    viewer.go_to_page(0)
    qtbot.mouseClick(viewer.next_page, Qt.MouseButton.LeftButton)  # the GUI thread is free: the click is handled
    qtbot.waitUntil(lambda: viewer.current_page() == 1, timeout=5000)
    with qtbot.waitSignal(job.finished, timeout=60_000) as blocker:
        go.set()
    assert blocker.args == [True]
    assert page_count(printed) == page_count(preview.dossier)


def bars_pdf(path: Path) -> Path:
    """Solid bars of different lengths and heights on two A4 pages and one landscape page: any strip of a
    page printed out of place moves or loses a bar edge."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pagesize=A4)
    for page, size in enumerate((A4, A4, landscape(A4))):
        canvas.setPageSize(size)
        for n in range(int(size[1] // 70)):
            canvas.rect(40 + 20 * ((n + page) % 5), 40 + n * 62, 200 + 25 * ((n * 7 + page) % 12), 18 + 2 * n,
                        stroke=0, fill=1)
        canvas.showPage()
    canvas.save()
    return path


def bar_edges(path: Path, page: int, column_pt: float = 200, dpi: int = 150,
              row_pt: float | None = None) -> tuple[list[int], list[int]]:
    """Where dark turns light or back: down the column `column_pt` from the left (200 pt: through every
    bar) and along the row `row_pt` from the top (else through the middle of the page); in pixels at `dpi`."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument(None)
    assert document.load(str(path)) == QPdfDocument.Error.None_
    points = document.pagePointSize(page)
    size = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.drawImage(0, 0, document.render(page, size))
    painter.end()
    document.close()
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    data, line = bytes(grey.constBits()), grey.bytesPerLine()

    def edges(values: list[int]) -> list[int]:
        return [i for i in range(1, len(values)) if (values[i] < 128) != (values[i - 1] < 128)]

    column = round(column_pt / 72 * dpi)
    row = size.height() // 2 if row_pt is None else round(row_pt / 72 * dpi)
    return (edges([data[y * line + column] for y in range(size.height())]),
            edges([data[row * line + x] for x in range(size.width())]))


def test_pages_print_whole_from_their_strips(qtbot, tmp_path):
    """A page prints in strips (short calls keep the window answering): every bar edge is where it was."""
    from PySide6.QtPrintSupport import QPrinter

    from inovasi_desktop.ui.printing import PrintJob, a4_printer
    from inovasi_desktop.ui.tasks import TaskRunner

    source, printed = bars_pdf(tmp_path / "garis.pdf"), tmp_path / "cetak.pdf"
    printer = a4_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    job = PrintJob(TaskRunner(), printer, [(source, range(3))])
    with qtbot.waitSignal(job.finished, timeout=60_000) as blocker:
        job.start()
    assert blocker.args == [True]
    assert page_count(printed) == 3
    for page in (0, 1):  # A4 on A4: edges within a pixel at 150 dpi
        (down, across), (printed_down, printed_across) = bar_edges(source, page), bar_edges(printed, page)
        assert len(down) > 10 and len(printed_down) == len(down) and len(printed_across) == len(across)
        assert max(abs(a - b) for a, b in zip(down + across, printed_down + printed_across, strict=True)) <= 1
    # landscape on a portrait A4 sheet: turned a quarter to fill it at full size (its top to the sheet's left,
    # the binding side), as print dialogs' auto-rotate does, not shrunk to 71 % in the middle of the sheet
    (down, _), (_, printed_across) = bar_edges(source, 2), bar_edges(printed, 2, row_pt=841.89 - 200)
    assert len(down) > 6 and len(printed_across) == len(down)
    assert max(abs(a - b) for a, b in zip(down, printed_across, strict=True)) <= 2


def test_rejected_print_dialog_prints_nothing(qtbot, preview, monkeypatch, tmp_path):
    answer = answer_print_dialog(monkeypatch, None)
    qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    assert len(answer.shown) == 1
    assert preview.print_job is None
    assert preview.print_button.isEnabled()
    assert not list(tmp_path.glob("cetak*"))


@pytest.mark.qt_log_ignore("QPainter::begin")
def test_printer_that_cannot_start_is_explained(qtbot, preview, monkeypatch, tmp_path):
    answer_print_dialog(monkeypatch, tmp_path / "tidak-ada" / "cetak.pdf")  # a folder that does not exist
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(preview.print_job.finished, timeout=60_000) as blocker:
        pass
    assert blocker.args == [False]
    assert shown and "Printer tidak dapat memulai" in shown[0]
    assert preview.print_button.isEnabled()


def test_enter_does_not_open_the_folder(qtbot, preview, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url))
    preview.activateWindow()
    qtbot.waitActive(preview)
    assert not any(b.isDefault() or b.autoDefault() for b in preview.findChildren(QPushButton))
    QTest.keyClick(QApplication.focusWidget() or preview, Qt.Key.Key_Return)
    QTest.keyClick(preview, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    box = preview.viewer.page_box  # typing a page number and Enter goes to that page, nothing more
    box.setFocus()
    box.selectAll()
    QTest.keyClicks(box, "3")
    QTest.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: preview.viewer.current_page() == 2, timeout=5000)
    assert opened == []
    assert preview.isVisible()
    qtbot.mouseClick(preview.folder_button, Qt.MouseButton.LeftButton)
    assert [Path(url.toLocalFile()) for url in opened] == [preview.dossier.parent]


def test_preview_fits_the_screen(preview):
    from inovasi_desktop.ui.dialogs.dossier_preview import preview_size

    available = preview.screen().availableGeometry()
    frame = preview.frameGeometry()
    assert available.top() <= frame.top() and frame.bottom() <= available.bottom()
    assert frame.width() <= available.width()
    laptop = QRect(0, 0, 1366, 768 - 40)  # 1366x768 with the Windows taskbar
    size = preview_size(laptop)
    assert size.height() + 31 <= laptop.height() and size.width() <= laptop.width()  # 31: a title bar
    assert preview.minimumSizeHint().height() <= size.height()


def em(widget) -> int:
    return widget.fontMetrics().horizontalAdvance("M")


def drag_handle(splitter, dx: int) -> None:
    """Drag the splitter's handle `dx` pixels sideways with the mouse, as a person does."""
    handle = splitter.handle(1)
    start = handle.rect().center()
    QTest.mousePress(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(handle, start + QPoint(dx // 2, 0))
    QTest.mouseMove(handle, start + QPoint(dx, 0))
    QTest.mouseRelease(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start + QPoint(dx, 0))


def test_bookmarks_take_a_share_of_the_preview(qtbot, preview):
    """The bookmarks scale with the window (a fifth, 12 text widths at least), not a fixed 260 pixels."""
    splitter, bookmarks = preview.viewer.splitter, preview.viewer.bookmarks
    preview.resize(1100, 700)
    qtbot.waitUntil(lambda: splitter.width() > 1000)
    total = splitter.width()
    assert 12 * em(bookmarks) - 1 <= bookmarks.width() <= 0.2 * total + 1
    preview.resize(640, 360)  # the whole screen at 200 % on a 1366x768 laptop
    qtbot.waitUntil(lambda: splitter.width() < 640)
    assert bookmarks.width() <= max(0.2 * splitter.width(), 12 * em(bookmarks)) + 1
    assert bookmarks.width() < 0.25 * splitter.width()
    assert preview.viewer.view.width() > 2.5 * bookmarks.width()  # the page keeps most of the room
    index = bookmarks.model().index(0, 0)  # a title cut short can still be read in full
    assert index.data(Qt.ItemDataRole.ToolTipRole) == index.data(Qt.ItemDataRole.DisplayRole) == "Sampul"


def test_a_dragged_bookmark_pane_keeps_its_share(qtbot, preview):
    splitter, bookmarks = preview.viewer.splitter, preview.viewer.bookmarks
    preview.resize(1000, 700)
    qtbot.waitUntil(lambda: splitter.width() > 900)
    before = bookmarks.width()
    drag_handle(splitter, 150)
    assert bookmarks.width() >= before + 100
    share = bookmarks.width() / sum(splitter.sizes())
    preview.resize(800, 600)
    qtbot.waitUntil(lambda: splitter.width() < 800)
    assert abs(bookmarks.width() / sum(splitter.sizes()) - share) < 0.02
    drag_handle(splitter, -bookmarks.width() - 50)  # dragged shut, it stays shut
    preview.resize(1000, 700)
    qtbot.waitUntil(lambda: splitter.width() > 900)
    assert splitter.sizes()[0] == 0


# --- Cetak berkas… from the list, without the preview ---------------------------------------------

def dossier_pages(workspace, tmp_path: Path, innovation_id: str) -> int:
    from inovasi_desktop.services import dossier

    return dossier.export_pdf(workspace, innovation_id, tmp_path / f"harapan-{innovation_id}.pdf").pages


def wait_for_print(qtbot, window):
    with qtbot.waitSignal(window.dossier_print.done, timeout=120_000) as blocker:
        pass
    return blocker.args[0]


def status_messages(window) -> list[str]:
    """What the status bar says from now on (hovering an action may replace it with a tip at once)."""
    shown: list[str] = []
    window.statusBar().messageChanged.connect(shown.append)
    return shown


def test_ctrl_p_in_the_list_prints_every_selected_dossier(qtbot, window, workspace, monkeypatch, tmp_path):
    first, second = innovations.create(workspace), innovations.create(workspace)
    expected = dossier_pages(workspace, tmp_path, first.id) + dossier_pages(workspace, tmp_path, second.id)
    window.refresh()
    window.list_view.select(first.id)
    window.list_view.select(second.id, clear=False)
    printed = tmp_path / "cetak.pdf"
    answer = answer_print_dialog(monkeypatch, printed)
    said = status_messages(window)
    window.activateWindow()
    qtbot.waitActive(window)
    window.list_view.table.setFocus()
    QTest.keyClick(window.list_view.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    folder = window.dossier_print.folder
    assert folder.is_dir()  # the dossiers are built in a temporary folder
    assert wait_for_print(qtbot, window) is True
    assert len(answer.shown) == 1  # one print dialog for both
    assert answer.shown[0].max_page == expected and not answer.shown[0].page_range_offered
    assert page_count(printed) == expected
    assert not folder.exists()  # and the temporary folder is gone
    assert f"2 berkas dikirim ke printer ({expected} halaman)." in said


def test_print_button_in_the_editor_prints_a_page_range(qtbot, window, workspace, monkeypatch, tmp_path):
    innovation = innovations.create(workspace)
    window.refresh()
    window.open_innovation(innovation.id)
    wait_for_editor(window)
    assert window.print_action.isEnabled()
    printed = tmp_path / "cetak.pdf"
    answer = answer_print_dialog(monkeypatch, printed, page_range=(2, 3))
    button = window.findChild(QToolBar, "mainToolbar").widgetForAction(window.print_action)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert wait_for_print(qtbot, window) is True
    assert answer.shown[0].page_range_offered
    assert page_count(printed) == 2


def test_cancel_while_building_prints_nothing(qtbot, window, workspace, monkeypatch, tmp_path):
    import threading

    from inovasi_desktop.services import dossier

    innovation = innovations.create(workspace)
    window.refresh()
    window.list_view.select(innovation.id)
    answer = answer_print_dialog(monkeypatch, tmp_path / "cetak.pdf")
    cancel_pressed = threading.Event()
    real_export = dossier.export_pdf

    def slow_export(*args, progress, cancelled, **kwargs):  # a long build: waits until Batal is pressed
        progress(0, 10, "Menyiapkan…")
        cancel_pressed.wait(60)
        return real_export(*args, progress=progress, cancelled=cancelled, **kwargs)

    monkeypatch.setattr(dossier, "export_pdf", slow_export)
    window.print_action.trigger()
    folder = window.dossier_print.folder
    progress = window.dossier_print.export.progress
    qtbot.waitUntil(progress.isVisible, timeout=10_000)
    with qtbot.waitSignal(window.dossier_print.done, timeout=60_000) as blocker:
        qtbot.mouseClick(progress.findChild(QPushButton), Qt.MouseButton.LeftButton)
        cancel_pressed.set()
    assert blocker.args == [False]
    assert answer.shown == []  # no print dialog after a cancel
    assert not folder.exists()
    assert not (tmp_path / "cetak.pdf").exists()


def test_rejected_print_dialog_from_the_list_prints_nothing(qtbot, window, workspace, monkeypatch, tmp_path):
    innovation = innovations.create(workspace)
    window.refresh()
    window.list_view.select(innovation.id)
    answer = answer_print_dialog(monkeypatch, None)
    said = status_messages(window)
    window.print_action.trigger()
    folder = window.dossier_print.folder
    assert wait_for_print(qtbot, window) is False
    assert len(answer.shown) == 1
    assert not folder.exists()
    assert "Pencetakan dibatalkan." in said


def test_print_action_follows_the_selection_and_is_off_in_the_trash(qtbot, window, workspace):
    first, second = innovations.create(workspace), innovations.create(workspace)
    window.refresh()
    window.list_view.table.clearSelection()
    assert not window.print_action.isEnabled()
    window.list_view.select(first.id)
    window.list_view.select(second.id, clear=False)
    assert window.print_action.isEnabled()
    innovations.delete(workspace, [first.id])
    window.bin_action.trigger()
    window.list_view.select(first.id)
    assert window.list_view.selected_ids() == [first.id]
    assert not window.print_action.isEnabled()


def test_duplex_starts_every_dossier_on_a_new_sheet():
    from inovasi_desktop.ui.printing import plan_sheets

    assert plan_sheets([range(3), range(2)], duplex=False) == [(0, 0), (0, 1), (0, 2), (1, 0), (1, 1)]
    assert plan_sheets([range(3), range(2)], duplex=True) == [(0, 0), (0, 1), (0, 2), (0, None), (1, 0), (1, 1)]
    assert plan_sheets([range(2), range(1)], duplex=True) == [(0, 0), (0, 1), (1, 0)]


def test_chosen_pages_follow_the_print_dialog(qapp):
    from PySide6.QtPrintSupport import QPrinter

    from inovasi_desktop.ui.printing import chosen_pages

    printer = QPrinter()
    assert chosen_pages(printer, 5) == [0, 1, 2, 3, 4]
    printer.setFromTo(2, 3)  # a range left from before, while "all pages" is chosen
    assert chosen_pages(printer, 5) == [0, 1, 2, 3, 4]
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    assert chosen_pages(printer, 5) == [1, 2]
    printer.setPrintRange(QPrinter.PrintRange.CurrentPage)
    assert chosen_pages(printer, 5, current_page=3) == [3]


@pytest.mark.skipif(sys.platform != "win32", reason="only the Windows print dialog refuses Qt's fallback PDF printer")
def test_windows_without_any_printer_says_to_install_one(qapp, monkeypatch):
    from PySide6.QtPrintSupport import QPrinterInfo
    from PySide6.QtWidgets import QMessageBox

    from inovasi_desktop.ui.printing import ask_printer

    if QPrinterInfo.availablePrinterNames():
        pytest.skip("this Windows has a printer installed")
    shown = {}
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: shown.update(title=title, text=text))
    assert ask_printer(None, "Berkas Inovasi.pdf", 3) is None
    assert shown["title"] == "Cetak berkas" and shown["text"].startswith("Belum ada printer yang terpasang")
