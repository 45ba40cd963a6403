"""The dialog shown for unexpected errors (bugs), with details the user can copy.

`report_crash` may be called from any thread: the dialog always opens on the GUI thread, one at a time.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout

log = logging.getLogger(__name__)


def tr(text: str) -> str:
    return QApplication.translate("crash", text)


def show_crash_dialog(details: str, log_path: str, saved_note: str = "") -> None:
    """The modal crash dialog; `saved_note` says whether the work is saved."""
    if QApplication.instance() is None:
        return
    dialog = QDialog()
    dialog.setWindowTitle(tr("Terjadi kesalahan tak terduga"))
    layout = QVBoxLayout(dialog)
    lines = [tr("Maaf, terjadi kesalahan yang tidak terduga.") + (f" {saved_note}" if saved_note else ""),
             tr("Salin rincian di bawah ini dan kirimkan kepada pengelola aplikasi."),
             tr("Catatan lengkap: {path}").format(path=log_path)]
    message = QLabel("\n".join(lines))
    message.setObjectName("crashMessage")
    layout.addWidget(message)
    text = QPlainTextEdit(details)
    text.setReadOnly(True)
    layout.addWidget(text)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    copy = buttons.addButton(tr("Salin rincian"), QDialogButtonBox.ButtonRole.ActionRole)
    copy.clicked.connect(lambda: QApplication.clipboard().setText(details))
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    dialog.resize(640, 400)
    dialog.exec()
    dialog.deleteLater()


class _Relay(QObject):
    """Lives on the GUI thread; a crash on another thread reaches the dialog through its queued signal."""

    crashed = Signal(str, str, object)

    def __init__(self) -> None:
        super().__init__()
        self.showing = False
        self.crashed.connect(self.show)

    def show(self, details: str, log_path: str, saved_note: Callable[[], str] | None) -> None:
        if self.showing:  # a crash while the dialog is open: logged, one dialog is enough
            return
        self.showing = True
        try:
            note = ""
            if saved_note is not None:
                try:
                    note = saved_note()
                except Exception:  # noqa: BLE001 - saving failed as well: say so, never raise from here
                    log.exception("Saving the work after a crash failed")
                    note = tr("Perubahan terakhir mungkin belum tersimpan.")
            show_crash_dialog(details, log_path, note)
        finally:
            self.showing = False


_relay: _Relay | None = None


def report_crash(details: str, log_path: str, saved_note: Callable[[], str] | None = None) -> None:
    """Show the crash dialog on the GUI thread (now when called there, else as soon as it is free)."""
    global _relay
    app = QApplication.instance()
    if app is None:
        return
    if _relay is None:
        _relay = _Relay()
        if _relay.thread() is not app.thread():
            _relay.moveToThread(app.thread())
    if QThread.currentThread() is app.thread():
        _relay.show(details, log_path, saved_note)
    else:
        _relay.crashed.emit(details, log_path, saved_note)
