"""A use case of the main window (load the example, duplicate, copy to another catalogue) run on the
background runner: the window keeps painting, a progress note appears only when it takes long, and the
result is handled on the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget

from inovasi_desktop.domain.errors import InovasiError
from inovasi_desktop.ui.tasks import TaskHandle, TaskRunner

PROGRESS_DELAY_MS = 400  # quick use cases end before a progress note would flash


def tr(text: str) -> str:
    return QApplication.translate("UseCaseTask", text)


def run_use_case(parent: QWidget, runner: TaskRunner, label: str, work: Callable[[], Any],
                 done: Callable[[Any], None], refused: Callable[[InovasiError], None] | None = None) -> TaskHandle:
    """Run `work()` on the runner; `done(result)` follows on the GUI thread. An InovasiError goes to
    `refused` (by default a message box); any other error is a bug and goes to the excepthook."""
    shown: list[QProgressDialog] = []

    def show_progress() -> None:  # only for a use case that takes long
        if not handle.done:
            progress = QProgressDialog(label, "", 0, 0, parent)
            progress.setCancelButton(None)  # these use cases are short and all-or-nothing: nothing to cancel
            progress.setWindowTitle(tr("Inovasi Desktop"))
            progress.setWindowModality(Qt.WindowModality.WindowModal)
            progress.setMinimumWidth(360)
            progress.show()
            shown.append(progress)

    def finish() -> None:
        timer.stop()
        for progress in shown:
            progress.close()
            progress.deleteLater()

    def succeeded(result: Any) -> None:
        finish()
        done(result)

    def failed(error: Exception) -> None:
        finish()
        if not isinstance(error, InovasiError):
            raise error
        if refused is not None:
            refused(error)
        else:
            QMessageBox.warning(parent, tr("Tidak dapat dilanjutkan"), str(error))

    handle = runner.run(lambda control: work())
    timer = QTimer(handle, singleShot=True, interval=PROGRESS_DELAY_MS)
    timer.timeout.connect(show_progress)
    timer.start()
    handle.finished.connect(succeeded)
    handle.failed.connect(failed)
    handle.cancelled.connect(finish)
    return handle
