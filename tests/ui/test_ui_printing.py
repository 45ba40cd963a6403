"""Printing from the dossier preview (button, Ctrl+P, page range, cancel) and the preview's size and keys."""

from __future__ import annotations

from pathlib import Path

import pytest
from print_dialog import answer_print_dialog, page_count
from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtGui import QDesktopServices
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QProgressBar, QPushButton

from inovasi_desktop.services import innovations


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


def test_cancel_while_printing_stops_the_job(qtbot, preview, monkeypatch, tmp_path):
    answer_print_dialog(monkeypatch, tmp_path / "cetak.pdf")
    qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    job = preview.print_job
    assert not preview.print_button.isEnabled()  # no second job while one prints
    cancel = job.progress.findChild(QPushButton)

    def press_cancel(value: int) -> None:
        if value == 2:  # after the second page, on the next turn of the event loop, as a click would come
            QTimer.singleShot(0, lambda: qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton))

    job.progress.findChild(QProgressBar).valueChanged.connect(press_cancel)
    with qtbot.waitSignal(job.finished, timeout=60_000) as blocker:
        pass
    assert blocker.args == [False]
    assert job.index < len(job.sheets)
    assert not job.progress.isVisible()
    assert preview.print_button.isEnabled()
    QApplication.processEvents()  # no page printed after the cancel, no half-printed file left
    assert job.index < len(job.sheets)
    assert not (tmp_path / "cetak.pdf").exists()


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
    assert preview.print_job is not None and preview.print_job.ended
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
    assert [url.toLocalFile() for url in opened] == [str(preview.dossier.parent)]


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
