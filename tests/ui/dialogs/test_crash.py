"""Bugs on any thread end in the crash dialog, which first saves the open work and says truthfully whether it
was saved."""

from __future__ import annotations

import sys
import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QPlainTextEdit

from inovasi_desktop import app
from inovasi_desktop.domain.errors import StorageError
from inovasi_desktop.services import innovations
from tests.fixtures.editor import wait_for_editor

pytestmark = pytest.mark.qt_no_exception_capture  # the app's own hooks are under test here
logs_the_bug = pytest.mark.expect_log("Unhandled exception")


@pytest.fixture
def hooks(monkeypatch, tmp_path):
    """The app's excepthooks installed for the test (and the previous ones put back), crash dialog on."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    monkeypatch.delenv("INOVASI_NO_CRASH_DIALOG")
    monkeypatch.setattr(sys, "__excepthook__", lambda *args: None)  # keep the test output quiet
    return str(tmp_path / "inovasi.log")


class CrashDialogs:
    """Reads and closes each crash dialog as it opens (they are modal: polled from the event loop)."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, str]] = []
        self.timer = QTimer(interval=10)
        self.timer.timeout.connect(self._poll)
        self.timer.start()

    def _poll(self) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog) and dialog.windowTitle() == "Terjadi kesalahan tak terduga":
            self.seen.append((dialog.findChild(QLabel, "crashMessage").text(),
                              dialog.findChild(QPlainTextEdit).toPlainText()))
            dialog.reject()

    def stop(self) -> None:
        self.timer.stop()


@pytest.fixture
def crash_dialogs():
    dialogs = CrashDialogs()
    yield dialogs
    dialogs.stop()


def raise_and_hook(error: BaseException) -> None:
    try:
        raise error
    except BaseException as err:  # noqa: BLE001 - handed to the hook as an uncaught exception would be
        sys.excepthook(type(err), err, err.__traceback__)


def type_in_the_editor(qtbot, window) -> str:
    window.new_action.trigger()
    wait_for_editor(window)
    page = next(p for p in window.editor.view.pages.values() if "nama_inovasi" in getattr(p, "fields", {}))
    qtbot.keyClicks(page.fields["nama_inovasi"].input, "Posyandu Digital")
    assert window.editor.dirty  # typed, not saved yet (the autosave waits a moment)
    return window.editor.innovation.id


@logs_the_bug
def test_a_bug_on_the_gui_thread_saves_the_open_work_first_and_says_so(qtbot, window, workspace, hooks,
                                                                       crash_dialogs):
    app.install_excepthook(hooks, window.save_for_crash)
    innovation_id = type_in_the_editor(qtbot, window)
    raise_and_hook(KeyError("tidak ada"))
    [(message, details)] = crash_dialogs.seen
    assert "Perubahan terakhir sudah disimpan." in message and hooks in message
    assert "KeyError: 'tidak ada'" in details
    assert not window.editor.dirty
    assert innovations.get(workspace, innovation_id).name == "Posyandu Digital"


@logs_the_bug
def test_when_the_save_fails_too_the_dialog_says_since_when_work_may_be_lost(qtbot, window, workspace, hooks,
                                                                           crash_dialogs, monkeypatch):
    app.install_excepthook(hooks, window.save_for_crash)
    innovation_id = type_in_the_editor(qtbot, window)
    since = window.editor.dirty_since.strftime("%H:%M")

    def full_disk(*args, **kwargs):
        raise StorageError("Disk penuh.")

    real_save = innovations.save
    monkeypatch.setattr(innovations, "save", full_disk)
    raise_and_hook(RuntimeError("rusak"))
    [(message, _details)] = crash_dialogs.seen
    assert f"Perubahan sejak {since} mungkin belum tersimpan." in message
    assert "sudah disimpan" not in message
    assert innovations.get(workspace, innovation_id).name != "Posyandu Digital"
    monkeypatch.setattr(innovations, "save", real_save)  # the window's close saves for real


@logs_the_bug
def test_a_bug_on_another_thread_reaches_the_dialog_on_the_gui_thread(qtbot, window, hooks, crash_dialogs):
    app.install_excepthook(hooks, window.save_for_crash)

    def broken() -> None:
        raise ValueError("di thread lain")

    thread = threading.Thread(target=broken)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: bool(crash_dialogs.seen), timeout=10_000)
    [(message, details)] = crash_dialogs.seen
    assert "Perubahan terakhir sudah disimpan." in message  # nothing was being edited
    assert "ValueError: di thread lain" in details


@logs_the_bug
def test_no_dialog_when_the_environment_says_so(qtbot, window, hooks, crash_dialogs, monkeypatch):
    monkeypatch.setenv("INOVASI_NO_CRASH_DIALOG", "1")
    app.install_excepthook(hooks, window.save_for_crash)
    raise_and_hook(KeyError("stil"))  # on the GUI thread the dialog would open within this call
    assert crash_dialogs.seen == []


def test_the_crash_dialog_lets_the_details_be_copied(qtbot):
    from PySide6.QtWidgets import QPushButton

    from inovasi_desktop.ui.dialogs.crash import show_crash_dialog

    def copy_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, copy_and_close)
            return
        next(b for b in dialog.findChildren(QPushButton) if b.text() == "Salin rincian").click()
        dialog.reject()

    QTimer.singleShot(0, copy_and_close)
    show_crash_dialog("Traceback: rincian", "inovasi.log", "Perubahan terakhir sudah disimpan.")
    assert QApplication.clipboard().text() == "Traceback: rincian"
