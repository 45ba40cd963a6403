"""The one way to run background work: an `Operation` runs a function on a pool thread, and its
outcome arrives on the GUI thread.

    Operation(work, parent=window, on_success=show).with_progress(tr("Menyimpan…"), title=tr("Bukti")).run(runner)

`work(control)` runs on a worker: it reports progress with `control.progress(done, total, text)`,
asks `control.cancelled()` or calls `control.check()` (raises `Cancelled`), and never touches widgets.
Then, on the GUI thread, exactly one of:
- `on_success(result)`;
- `on_cancel()` when the work raised `domain.errors.Cancelled` or cancel was asked before it ended;
- `on_failure(error)` for an `InovasiError` (its text is for the user); without `on_failure` a
  warning box titled `failure_title` shows the text;
- anything else is a bug: it goes to `sys.excepthook` (the crash dialog, with the log path).
`on_end()` follows every outcome, bugs included; the `finished` signal last of all. Once the `parent`
widget is deleted (its window closed), no callback runs: there is nobody left to tell (bugs are reported). The optional
progress dialog (Indonesian, with *Batal* unless not cancellable) shows only once the work has run
for `delay_ms`, and closes before the outcome is handled.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget
from shiboken6 import isValid

from inovasi_desktop.domain.errors import Cancelled, InovasiError

log = logging.getLogger(__name__)

PROGRESS_DELAY_MS = 300  # quick work ends before a progress dialog would flash


def tr(text: str) -> str:
    return QApplication.translate("Operation", text)


class _Bridge(QObject):
    """Emitted from the worker thread; queued to the operation, which lives on the GUI thread."""

    progress = Signal(int, int, str)
    ended = Signal(str, object)  # "finished" | "failed" | "cancelled", payload


class TaskControl:
    """What the work function gets: progress reports and the cancel flag."""

    def __init__(self, bridge: _Bridge) -> None:
        self._bridge = bridge
        self._cancel = threading.Event()
        self._last_emit = 0.0

    def progress(self, done: int, total: int, text: str = "") -> None:
        """Report progress; throttled to ~20 updates a second so the GUI queue stays short."""
        now = time.monotonic()
        if done >= total or now - self._last_emit >= 0.05:
            self._last_emit = now
            try:
                self._bridge.progress.emit(done, total, text)
            except RuntimeError:  # nobody is left to tell (the runner's owner is gone): stop
                self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()


class _Runnable(QRunnable):
    def __init__(self, operation: Operation) -> None:
        super().__init__()
        self.operation = operation

    def run(self) -> None:
        operation, self.operation = self.operation, None  # from here on the worker's only reference
        try:
            _run(operation.work, operation.control, operation._bridge)
        finally:
            done = operation.worker_done
            del operation  # before saying so: the runner then lets go of the operation on the GUI thread
            done.set()


def _run(work: Callable[[TaskControl], Any], control: TaskControl, bridge: _Bridge) -> None:
    try:
        result = work(control)
    except Cancelled:
        _end(bridge, "cancelled", None)
    except Exception as err:  # noqa: BLE001 - delivered to the GUI thread, where bugs reach the excepthook
        _end(bridge, "failed", err)
    else:
        _end(bridge, "cancelled" if control.cancelled() else "finished", result)


def _end(bridge: _Bridge, kind: str, payload: object) -> None:
    try:
        bridge.ended.emit(kind, payload)
    except RuntimeError:  # the operation was deleted with its owner (a window closed while this ran)
        log.info("Background work ended after its owner was gone (%s)", kind)


class TaskRunner:
    """The thread pool operations run on; keeps running operations alive until they end."""

    def __init__(self, max_threads: int = 2) -> None:
        self.pool = QThreadPool()
        self.pool.setMaxThreadCount(max_threads)
        self._live: set[Operation] = set()

    def _start(self, operation: Operation) -> None:
        self._live.add(operation)

        def release() -> None:
            if operation.worker_done.is_set():
                self._live.discard(operation)
            else:  # the worker is letting go of it this very moment: keep it until it has
                QTimer.singleShot(1, release)

        operation.finished.connect(release)
        self.pool.start(_Runnable(operation))

    def cancel_all(self, wait_msecs: int = 5000) -> bool:
        """Ask every running operation to stop (on close); True when all ended within `wait_msecs`."""
        for operation in list(self._live):
            operation.cancel()
        return self.pool.waitForDone(wait_msecs)

    def wait(self, msecs: int = -1) -> bool:
        return self.pool.waitForDone(msecs)


def report_bug(error: BaseException) -> None:
    """An unexpected error: to the same hook as any uncaught exception (log and crash dialog)."""
    sys.excepthook(type(error), error, error.__traceback__)


class Operation(QObject):
    """One piece of background work and the handling of its outcome (see the module docstring)."""

    finished = Signal()  # after the outcome was handled, whatever it was

    def __init__(self, work: Callable[[TaskControl], Any], *, parent: QWidget | None = None,
                 on_success: Callable[[Any], None] | None = None,
                 on_failure: Callable[[InovasiError], None] | None = None,
                 failure_title: str = "",
                 on_cancel: Callable[[], None] | None = None,
                 on_end: Callable[[], None] | None = None,
                 on_progress: Callable[[int, int, str], None] | None = None) -> None:
        super().__init__()
        self.work, self.parent_widget = work, parent
        self.on_success, self.on_failure, self.on_cancel = on_success, on_failure, on_cancel
        self.on_end, self.on_progress = on_end, on_progress
        self.failure_title = failure_title or tr("Tidak dapat dilanjutkan")
        self._bridge = _Bridge()
        self._bridge.progress.connect(self._progressed, Qt.ConnectionType.QueuedConnection)
        self._bridge.ended.connect(self._ended, Qt.ConnectionType.QueuedConnection)
        self.control = TaskControl(self._bridge)
        self.worker_done = threading.Event()  # set once the worker holds no reference to this operation
        self.progress: QProgressDialog | None = None
        self.delay_ms = PROGRESS_DELAY_MS
        self._last: tuple[int, int, str] | None = None
        self._show_timer: QTimer | None = None
        self.started = False
        self.done = False

    def with_progress(self, label: str, *, title: str, cancellable: bool = True,
                      delay_ms: int = PROGRESS_DELAY_MS) -> Operation:
        """A window-modal progress dialog, shown once the work has run `delay_ms`; Batal cancels."""
        parent = self._parent()
        dialog = QProgressDialog(label, tr("Batal") if cancellable else "", 0, 0, parent)
        if not cancellable:
            dialog.setCancelButton(None)
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumWidth(dialog.fontMetrics().horizontalAdvance("M") * 30)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(delay_ms)
        dialog.reset()  # no show of its own (Qt's 4 s timer): the operation shows it after `delay_ms`
        dialog.canceled.connect(self.cancel)
        self.progress, self.delay_ms = dialog, delay_ms
        return self

    def run(self, runner: TaskRunner) -> Operation:
        self.started = True
        if self.progress is not None:
            self._show_timer = QTimer(self, singleShot=True, interval=self.delay_ms)
            self._show_timer.timeout.connect(self._show_progress)
            self._show_timer.start()
        runner._start(self)
        return self

    def cancel(self) -> None:
        """Ask the work to stop; `on_cancel` follows once the worker has let go."""
        self.control._cancel.set()
        if self.progress is not None:
            self.progress.hide()
        if not self.started:
            self._ended("cancelled", None)

    # --- on the GUI thread ----------------------------------------------------------------
    def _parent(self) -> QWidget | None:
        parent = self.parent_widget
        return parent if parent is not None and isValid(parent) else None

    def _show_progress(self) -> None:
        dialog = self.progress
        if dialog is None or self.done or self.control.cancelled():
            return
        dialog.show()
        if self._last is not None:
            self._apply(*self._last)

    @Slot(int, int, str)
    def _progressed(self, done: int, total: int, text: str) -> None:
        if self.done or self.control.cancelled() or self._parent() is None and self.parent_widget is not None:
            return
        self._last = (done, total, text)
        if self.on_progress is not None:
            self.on_progress(done, total, text)
        if self.progress is not None and self.progress.isVisible():
            self._apply(done, total, text)

    def _apply(self, done: int, total: int, text: str) -> None:
        dialog = self.progress
        if text:
            dialog.setLabelText(text)
        if total > 0:
            scale = max(1, total // 1_000_000)  # QProgressDialog counts in int: keep big byte counts in range
            dialog.setMaximum(max(1, total // scale))
            dialog.setValue(min(done // scale, total // scale))  # a modal dialog runs the event loop here

    @Slot(str, object)
    def _ended(self, kind: str, payload: object) -> None:
        if self.done:
            return
        self.done = True
        self._close_progress()
        if self.parent_widget is not None and not isValid(self.parent_widget):  # its owner is gone
            if kind == "failed" and not isinstance(payload, InovasiError):
                report_bug(payload)
            self.finished.emit()
            return
        try:
            if kind == "finished":
                if self.on_success is not None:
                    self.on_success(payload)
            elif kind == "cancelled" or isinstance(payload, Cancelled):
                if self.on_cancel is not None:
                    self.on_cancel()
            elif isinstance(payload, InovasiError):
                if self.on_failure is not None:
                    self.on_failure(payload)
                else:
                    QMessageBox.warning(self._parent(), self.failure_title, str(payload))
            else:
                report_bug(payload)
        finally:
            if self.on_end is not None:
                self.on_end()
            self.finished.emit()

    def _close_progress(self) -> None:
        if self._show_timer is not None:
            self._show_timer.stop()
        dialog, self.progress = self.progress, None
        if dialog is not None and isValid(dialog):
            dialog.close()
            dialog.deleteLater()
