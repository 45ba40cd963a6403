"""The operation API (ui/tasks.py): work off the GUI thread, outcome on it, one progress dialog with Batal."""

from __future__ import annotations

import sys
import threading

import pytest
from PySide6.QtCore import Qt, QThread
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

from inovasi_desktop.domain.errors import Cancelled, InovasiError
from inovasi_desktop.ui.tasks import Operation, TaskRunner


def on_gui_thread() -> bool:
    return QThread.currentThread() is QApplication.instance().thread()


class Outcome:
    """What the callbacks received, and on which thread each ran."""

    def __init__(self) -> None:
        self.calls: list[tuple] = []
        self.on_gui: list[bool] = []  # no QThread kept: a pool thread's wrapper outlives its thread

    def __getattr__(self, name: str):
        def record(*args):
            self.calls.append((name, *args))
            self.on_gui.append(on_gui_thread())
        return record

    def on_gui_thread(self) -> bool:
        return bool(self.on_gui) and all(self.on_gui)


@pytest.fixture
def runner():
    runner = TaskRunner()
    yield runner
    runner.cancel_all()


@pytest.fixture
def parent(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def run(qtbot, operation: Operation, runner: TaskRunner) -> Operation:
    with qtbot.waitSignal(operation.finished, timeout=10_000):
        operation.run(runner)
    return operation


def callbacks(outcome: Outcome) -> dict:
    return dict(on_success=outcome.success, on_failure=outcome.failure, on_cancel=outcome.cancel,
                on_end=outcome.end)


def test_the_work_runs_on_a_worker_and_the_result_arrives_on_the_gui_thread(qtbot, runner, parent):
    outcome, worker = Outcome(), []

    def work(control):
        worker.append(on_gui_thread())
        return 42

    run(qtbot, Operation(work, parent=parent, **callbacks(outcome)), runner)
    assert outcome.calls == [("success", 42), ("end",)]
    assert outcome.on_gui_thread()
    assert worker == [False]


def test_an_inovasi_error_is_shown_as_its_message_under_the_callers_title(qtbot, runner, parent, monkeypatch):
    shown, outcome = [], Outcome()
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args))

    def work(control):
        raise InovasiError("Berkas tidak dapat dibaca.")

    run(qtbot, Operation(work, parent=parent, failure_title="Ekspor PDF gagal", on_end=outcome.end), runner)
    assert shown == [(parent, "Ekspor PDF gagal", "Berkas tidak dapat dibaca.")]
    assert outcome.calls == [("end",)] and outcome.on_gui_thread()


def test_an_inovasi_error_goes_to_the_callers_handler_instead(qtbot, runner, parent, monkeypatch):
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: pytest.fail("no message box when the caller handles it"))
    outcome, error = Outcome(), InovasiError("Tidak bisa.")

    def work(control):
        raise error

    run(qtbot, Operation(work, parent=parent, **callbacks(outcome)), runner)
    assert outcome.calls == [("failure", error), ("end",)] and outcome.on_gui_thread()


@pytest.mark.qt_no_exception_capture  # the test takes the excepthook's place itself
def test_a_bug_goes_to_the_excepthook_with_its_traceback(qtbot, runner, parent, monkeypatch):
    hooked, outcome = [], Outcome()
    monkeypatch.setattr(sys, "excepthook", lambda *args: hooked.append((args, on_gui_thread())))

    def broken_work(control):
        return {}["tidak ada"]

    run(qtbot, Operation(broken_work, parent=parent, **callbacks(outcome)), runner)
    [((kind, error, tb), on_gui)] = hooked
    assert kind is KeyError and isinstance(error, KeyError) and on_gui
    frames = []
    while tb is not None:
        frames.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    assert "broken_work" in frames  # the details name the worker's code
    assert outcome.calls == [("end",)]  # neither success nor failure: on_end alone


def test_a_cancel_raised_by_the_core_is_a_cancel_not_a_failure(qtbot, runner, parent):
    outcome = Outcome()

    def work(control):
        raise Cancelled("Ekspor berkas dibatalkan. Tidak ada berkas yang ditulis.")

    run(qtbot, Operation(work, parent=parent, **callbacks(outcome)), runner)
    assert outcome.calls == [("cancel",), ("end",)] and outcome.on_gui_thread()


def test_cancel_stops_the_work_at_its_next_check(qtbot, runner, parent):
    outcome, started, checks = Outcome(), threading.Event(), []

    def work(control):
        started.set()
        while True:
            checks.append(1)
            control.check()
            QThread.msleep(5)

    operation = Operation(work, parent=parent, **callbacks(outcome)).run(runner)
    assert started.wait(10)
    with qtbot.waitSignal(operation.finished, timeout=10_000):
        operation.cancel()
    assert outcome.calls == [("cancel",), ("end",)] and outcome.on_gui_thread()
    assert operation.done and checks


def test_the_progress_dialog_shows_after_the_delay_follows_the_work_and_its_batal_cancels(qtbot, runner, parent):
    outcome, reported, release = Outcome(), threading.Event(), threading.Event()

    def work(control):
        control.progress(3, 10, "Menyiapkan halaman 3…")
        reported.set()
        while not release.is_set():
            control.check()
            QThread.msleep(5)

    operation = Operation(work, parent=parent, **callbacks(outcome)).with_progress(
        "Menyiapkan…", title="Ekspor PDF", delay_ms=200)
    dialog = operation.progress
    operation.run(runner)
    assert not dialog.isVisible()  # not before the delay: quick work never flashes a dialog
    qtbot.waitUntil(dialog.isVisible, timeout=10_000)
    assert reported.wait(10)
    qtbot.waitUntil(lambda: dialog.labelText() == "Menyiapkan halaman 3…", timeout=10_000)
    assert dialog.windowTitle() == "Ekspor PDF" and dialog.value() == 3 and dialog.maximum() == 10
    assert dialog.windowModality() == Qt.WindowModality.WindowModal
    batal = dialog.findChild(QPushButton)
    assert batal.text() == "Batal"
    try:
        with qtbot.waitSignal(operation.finished, timeout=10_000):
            qtbot.mouseClick(batal, Qt.MouseButton.LeftButton)
            assert not dialog.isVisible()  # at once, while the worker still winds down
    finally:
        release.set()
    assert outcome.calls == [("cancel",), ("end",)] and outcome.on_gui_thread()
    assert operation.progress is None  # closed and handed to deleteLater


def test_quick_work_never_shows_its_progress_dialog(qtbot, runner, parent):
    shown = []
    operation = Operation(lambda control: "selesai", parent=parent, on_success=shown.append)
    operation.with_progress("Memeriksa…", title="Bukti dukung", delay_ms=60_000)
    operation.progress.show = lambda: shown.append("dialog shown")
    run(qtbot, operation, runner)
    assert shown == ["selesai"] and operation.progress is None


def test_a_progress_dialog_without_cancel_has_no_batal(qtbot, runner, parent):
    operation = Operation(lambda control: None, parent=parent).with_progress(
        "Memuat contoh…", title="Inovasi Desktop", cancellable=False, delay_ms=0)
    assert operation.progress.findChild(QPushButton) is None
    run(qtbot, operation, runner)


def test_once_the_owner_is_deleted_no_callback_runs(qtbot, runner):
    from PySide6.QtCore import QCoreApplication, QEvent

    owner, outcome, release = QWidget(), Outcome(), threading.Event()
    operation = Operation(lambda control: release.wait(10), parent=owner, **callbacks(outcome)).run(runner)
    owner.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the window closed meanwhile
    with qtbot.waitSignal(operation.finished, timeout=10_000):
        release.set()
    assert outcome.calls == []
