"""The one background runner: work runs on a pool thread, results arrive on the GUI thread.

A task function receives a `TaskControl` to report progress and to ask whether it was
cancelled; it must never touch widgets. `run()` returns a `TaskHandle` whose signals fire on
the GUI thread: progress(done, total, text), finished(result), failed(error), cancelled().
"""

from __future__ import annotations

import logging
import threading
import time
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot

from inovasi_desktop.domain.errors import InovasiError

log = logging.getLogger(__name__)


class Cancelled(Exception):
    """Raised inside a task by `TaskControl.check()` once cancel was requested."""


class _Bridge(QObject):
    """Emitted from the worker thread; queued to the handle, which lives on the GUI thread."""

    progress = Signal(int, int, str)
    ended = Signal(str, object)  # "finished" | "failed" | "cancelled", payload


class TaskControl:
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


class TaskHandle(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)  # the exception; InovasiError carries a message for the user
    cancelled = Signal()

    def __init__(self, func: Callable[[TaskControl], Any] | None = None) -> None:
        super().__init__()
        # Kept here, not only on the worker: whatever the function holds (a window, say) is then let go
        # on the GUI thread. A Qt object freed on a worker can deadlock against the GUI thread.
        self.func = func
        self.worker_done = threading.Event()  # set once the worker holds no reference to this handle
        self._bridge = _Bridge()
        self._bridge.progress.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self._bridge.ended.connect(self._on_ended, Qt.ConnectionType.QueuedConnection)
        self.control = TaskControl(self._bridge)
        self.done = False

    def cancel(self) -> None:
        self.control._cancel.set()

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, text: str) -> None:
        if not self.done:
            self.progress.emit(done, total, text)

    @Slot(str, object)
    def _on_ended(self, kind: str, payload: object) -> None:
        self.done = True
        if kind == "finished":
            self.finished.emit(payload)
        elif kind == "failed":
            self.failed.emit(payload)
        else:
            self.cancelled.emit()


class _Runnable(QRunnable):
    def __init__(self, handle: TaskHandle) -> None:
        super().__init__()
        self.handle = handle

    def run(self) -> None:
        handle, self.handle = self.handle, None  # from here on the worker's only reference
        try:
            _run(handle)
        finally:
            done = handle.worker_done
            del handle  # before saying so: the runner then lets go of the handle on the GUI thread
            done.set()


def _run(handle: TaskHandle) -> None:
    control = handle.control
    try:
        result = handle.func(control)
    except Cancelled:
        _end(handle, "cancelled", None)
    except InovasiError as err:
        _end(handle, "failed", err)
    except Exception as err:  # a bug: keep the details for the crash report
        log.error("Background task failed:\n%s", traceback.format_exc())
        _end(handle, "failed", err)
    else:
        _end(handle, "cancelled" if control.cancelled() else "finished", result)


def _end(handle: TaskHandle, kind: str, payload: object) -> None:
    try:
        handle._bridge.ended.emit(kind, payload)
    except RuntimeError:  # the handle was deleted with its owner (a window closed while this ran)
        log.info("Background task ended after its owner was gone (%s)", kind)


class TaskRunner:
    """Runs tasks on a private thread pool; keeps handles alive until they end."""

    def __init__(self, max_threads: int = 2) -> None:
        self.pool = QThreadPool()
        self.pool.setMaxThreadCount(max_threads)
        self._live: set[TaskHandle] = set()

    def run(self, func: Callable[[TaskControl], Any]) -> TaskHandle:
        handle = TaskHandle(func)
        self._live.add(handle)

        def release(*_):
            if handle.worker_done.is_set():
                self._live.discard(handle)
            else:  # the worker is letting go of it this very moment: keep it until it has
                QTimer.singleShot(1, release)

        for signal in (handle.finished, handle.failed, handle.cancelled):
            signal.connect(release)
        self.pool.start(_Runnable(handle))
        return handle

    def cancel_all(self, wait_msecs: int = 5000) -> bool:
        """Ask every running task to stop (on close); True when all ended within `wait_msecs`."""
        for handle in list(self._live):
            handle.cancel()
        return self.pool.waitForDone(wait_msecs)

    def wait(self, msecs: int = -1) -> bool:
        return self.pool.waitForDone(msecs)
