"""No English from Qt's defaults anywhere a user looks: every dialog and menu the app opens is walked (window
titles, buttons, labels, tooltips, actions and menus, combo items, view headers and cells) and any text equal
to an English source string of resources/i18n/qt_id.ts fails the test, named.

Modal dialogs run their own event loop: `when_shown` acts on them from a timer while `exec` runs.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest
from platform_skips import require_a_printer
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCalendarWidget,
    QDialog,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QWidget,
)
from qt_english import QtRequests, english_in_open_windows, english_texts

from inovasi_desktop.rules.format import MONTHS_ID
from inovasi_desktop.services import innovations, settings
from tests.fixtures.editor import wait_for_editor

# Popups on the offscreen platform say they cannot raise themselves or grab the keyboard; harmless there.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support grabbing")


class Seen:
    """What `when_shown` found: the English texts, per dialog, and whether the dialog showed at all."""

    def __init__(self) -> None:
        self.english: dict[str, list[str]] = {}
        self.shown: list[str] = []

    def walk(self, name: str) -> None:
        self.shown.append(name)
        self.english[name] = english_in_open_windows()

    def assert_clean(self, *expected: str) -> None:
        assert self.shown == list(expected), f"shown {self.shown}, expected {list(expected)}"
        assert {name: found for name, found in self.english.items() if found} == {}


def shown_windows() -> list[QWidget]:
    popup = QApplication.activePopupWidget()
    return ([popup] if popup else []) + [w for w in QApplication.topLevelWidgets() if w.isVisible()]


_failures: list[BaseException] = []  # raised inside `when_shown` callbacks, re-raised by the test


@pytest.fixture(autouse=True)
def callback_failures():
    _failures.clear()
    yield
    if _failures:
        raise _failures[0]


@pytest.fixture(autouse=True)
def nothing_missing_from_the_ts(qapp):
    """Every string Qt looks up while these dialogs are open is in qt_id.ts (a newer Qt may add some)."""
    with QtRequests() as requests:
        yield
    assert requests.missing() == []


def when_shown(kind: type[QWidget], act, wait_s: float = 60) -> None:
    """Call `act(widget)` once a window (or popup) of `kind` that is not up yet shows, polling from the event loop.
    Should `act` fail, or the window never show, what is up is closed, so the test fails rather than hangs."""
    deadline = time.monotonic() + wait_s
    before = {id(w) for w in shown_windows()}

    def poll():
        widget = next((w for w in shown_windows() if isinstance(w, kind) and id(w) not in before), None)
        if widget is not None:
            try:
                act(widget)
            except BaseException as err:
                _failures.append(err)
                close(widget)
        elif time.monotonic() < deadline:
            QTimer.singleShot(10, poll)
        else:
            _failures.append(AssertionError(f"no {kind.__name__} was shown"))
            close(QApplication.activeModalWidget())
    QTimer.singleShot(0, poll)


def close(widget: QWidget | None) -> None:
    if isinstance(widget, QDialog):
        widget.done(0)  # also a message box without an escape button
    elif widget is not None:
        widget.close()


def open_editor(window, workspace, step: str):
    innovation = innovations.create(workspace)
    window.refresh()
    window.open_innovation(innovation.id, step)
    wait_for_editor(window)
    return window.editor


def context_menu_of(qtbot, widget: QWidget, point: QPoint | None = None) -> QMenu:
    """Right-click as a person does: Qt 6 pops these menus up without blocking."""
    target = widget.viewport() if hasattr(widget, "viewport") else widget
    point = point or QPoint(5, 5)
    QApplication.sendEvent(target, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, target.mapToGlobal(point)))
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    return QApplication.activePopupWidget()


def test_main_window_and_organisation_dialog(qtbot, window):
    assert english_texts(window) == []
    seen = Seen()
    when_shown(QDialog, lambda d: (seen.walk("organisasi"), d.reject()))
    window.settings_action.trigger()
    seen.assert_clean("organisasi")


def test_menus_guide_and_about(qtbot, window):
    for menu in window.menuBar().findChildren(QMenu):
        assert english_texts(menu) == [], menu.title()
    window.help_action.trigger()
    qtbot.waitUntil(lambda: window.guide is not None and window.guide.isVisible())
    assert english_texts(window.guide) == []
    window.guide.close()
    window.about_action.trigger()
    qtbot.waitUntil(lambda: window.about.isVisible())
    assert english_texts(window.about) == []
    window.about.reject()


def test_delete_confirmation(qtbot, window, workspace):
    innovation = innovations.create(workspace)
    window.refresh()
    window.list_view.select(innovation.id)
    seen = Seen()

    def answer_no(box: QMessageBox) -> None:
        seen.walk("hapus")
        assert sorted(b.text() for b in box.buttons()) == ["&Tidak", "&Ya"]
        box.button(QMessageBox.StandardButton.No).click()

    when_shown(QMessageBox, answer_no)
    window.delete_action.trigger()
    seen.assert_clean("hapus")
    assert [r.id for r in innovations.list_rows(workspace, False)] == [innovation.id]  # "Tidak" kept it


def test_carry_over_asks_in_indonesian(qtbot, window, workspace):
    innovation = innovations.create(workspace)
    window.refresh()
    window.list_view.select(innovation.id)
    assert window.carry_action.isEnabled()
    seen = Seen()
    when_shown(QInputDialog, lambda d: (seen.walk("salin ke katalog"), d.reject()))
    window.carry_action.trigger()
    seen.assert_clean("salin ke katalog")


def test_text_context_menus_and_the_calendar(qtbot, window, workspace):
    editor = open_editor(window, workspace, "profil")
    page = editor.view.pages["profil"]
    name = next(w for w in page.findChildren(QLineEdit) if w.isVisible())
    menu = context_menu_of(qtbot, name)
    assert "&Salin" in [a.text().split("\t")[0] for a in menu.actions()]
    assert english_in_open_windows() == []
    menu.close()

    editor.view.show_step("rancang_bangun")
    text = next(w for w in editor.view.pages["rancang_bangun"].findChildren(QPlainTextEdit) if w.isVisible())
    menu = context_menu_of(qtbot, text)
    assert english_in_open_windows() == []
    menu.close()

    editor.view.show_step("waktu")
    button = next(b for b in editor.view.pages["waktu"].findChildren(QToolButton)
                  if b.isVisible() and b.text() == "Kalender")
    seen = Seen()
    months = []

    def look(menu: QMenu) -> None:
        seen.walk("kalender")
        calendar = menu.findChild(QCalendarWidget)
        months.extend(b.text() for b in calendar.findChildren(QToolButton) if b.text() in MONTHS_ID)
        menu.close()

    when_shown(QMenu, look)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: seen.shown == ["kalender"])
    seen.assert_clean("kalender")
    assert len(months) == 1  # the month is named in Indonesian ("Desember"), from the id_ID locale


def test_file_dialog_for_adding_evidence(qtbot, window, workspace, files):
    files.text_pdf("SK Tim.pdf")
    (files.folder / "Arsip 2025").mkdir()
    settings.put(workspace, {settings.LAST_FOLDER: str(files.folder)})
    editor = open_editor(window, workspace, "indikator:2")
    panel = editor.view.pages["indikator:2"].evidence
    seen = Seen()

    def in_dialog(dialog: QFileDialog) -> None:
        qtbot.waitUntil(lambda: dialog.findChild(QAbstractItemView, "listView").model().rowCount(
            dialog.findChild(QAbstractItemView, "listView").rootIndex()) == 2)
        seen.walk("berkas: daftar")
        dialog.findChild(QToolButton, "detailModeButton").click()
        seen.walk("berkas: rincian")
        tree = dialog.findChild(QAbstractItemView, "treeView")
        tree.setCurrentIndex(tree.model().index(0, 0, tree.rootIndex()))
        menu = context_menu_of(qtbot, tree, QPoint(20, tree.visualRect(tree.currentIndex()).center().y()))
        seen.walk("berkas: menu")
        assert "&Ganti Nama" in [a.text() for a in menu.actions()]  # a file's menu: Rename, Delete, ...
        menu.close()

        def not_found(box: QMessageBox) -> None:
            seen.walk("berkas: tidak ditemukan")
            assert "Berkas tidak ditemukan" in box.text()
            box.accept()
            dialog.reject()

        when_shown(QMessageBox, not_found)
        dialog.findChild(QLineEdit, "fileNameEdit").setText("tidak-ada.pdf")
        dialog.accept()

    when_shown(QFileDialog, in_dialog)
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    seen.assert_clean("berkas: daftar", "berkas: rincian", "berkas: menu", "berkas: tidak ditemukan")


def test_evidence_metadata_and_preview(qtbot, window, workspace, files):
    editor = open_editor(window, workspace, "indikator:2")
    panel = editor.view.pages["indikator:2"].evidence
    panel.add_paths([files.text_pdf("SK Tim.pdf")])  # as after choosing it in the file dialog
    qtbot.waitUntil(lambda: panel.metadata_dialog is not None and panel.metadata_dialog.isVisible(), timeout=20_000)
    dialog = panel.metadata_dialog
    assert english_in_open_windows() == []
    qtbot.mouseClick(dialog.later_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(panel.rows) == 1 and not dialog.isVisible())
    preview_button = panel.rows[0].buttons["preview"]
    qtbot.waitUntil(lambda: preview_button.height() > 0)
    qtbot.mouseClick(preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.preview is not None and panel.preview.isVisible())
    assert english_in_open_windows() == []
    panel.preview.accept()


def test_dossier_preview_print_dialog_and_progress(qtbot, window, files, tmp_path):
    from inovasi_desktop.ui.dialogs.dossier_preview import DossierPreviewDialog
    from inovasi_desktop.ui.printing import PrintJob

    require_a_printer()
    pdf = files.text_pdf("Berkas Inovasi.pdf", ("Halaman satu", "Halaman dua"))
    preview = DossierPreviewDialog(pdf, "2 halaman", window)
    qtbot.addWidget(preview)
    preview.show()
    assert english_in_open_windows() == []
    seen = Seen()

    def in_print_dialog(dialog: QPrintDialog) -> None:
        seen.walk("cetak")
        if sys.platform != "win32":  # Qt's own dialog: unfold the options, then open the printer properties
            next(b for b in dialog.findChildren(QPushButton) if b.text() == "&Opsi >>").click()
            seen.walk("cetak: opsi")
            when_shown(QDialog, lambda d: (seen.walk("cetak: properti"), d.reject()))
            next(b for b in dialog.findChildren(QPushButton) if b.objectName() == "properties").click()
        dialog.reject()

    when_shown(QPrintDialog, in_print_dialog)
    assert preview.print_document() is None  # cancelled in the dialog
    if sys.platform == "win32":  # the native Windows dialog speaks the language of Windows
        seen.assert_clean("cetak")
    else:
        seen.assert_clean("cetak", "cetak: opsi", "cetak: properti")

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "cetak.pdf"))
    job = PrintJob(window.runner, printer, [(pdf, [0, 1])], preview)
    job.progress.show()
    assert english_texts(job.progress) == [] and english_in_open_windows() == []
    job.progress.close()
    preview.accept()


def test_crash_dialog(qtbot):
    from inovasi_desktop.ui.dialogs.crash import show_crash_dialog

    seen = Seen()
    when_shown(QDialog, lambda d: (seen.walk("galat"), d.reject()))
    show_crash_dialog("Traceback (most recent call last):\n  ...", str(Path("log") / "inovasi.log"))
    seen.assert_clean("galat")


@pytest.mark.parametrize("buttons", [
    QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
    QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
    QMessageBox.StandardButton.Close | QMessageBox.StandardButton.Help | QMessageBox.StandardButton.Retry
    | QMessageBox.StandardButton.Ignore | QMessageBox.StandardButton.Abort,
    QMessageBox.StandardButton.YesToAll | QMessageBox.StandardButton.NoToAll | QMessageBox.StandardButton.Apply
    | QMessageBox.StandardButton.Reset | QMessageBox.StandardButton.RestoreDefaults | QMessageBox.StandardButton.Open
    | QMessageBox.StandardButton.SaveAll,
])
def test_every_standard_button(qtbot, buttons):
    box = QMessageBox(QMessageBox.Icon.Warning, "Judul", "Pesan", buttons)
    box.setDetailedText("Rincian")
    qtbot.addWidget(box)
    box.show()
    assert english_texts(box) == []
    details = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.ActionRole)
    details.click()
    assert details.text() == "Sembunyikan Rincian…" and english_texts(box) == []
