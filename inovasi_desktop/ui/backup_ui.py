"""Berkas → Cadangkan ke… and Berkas → Pulihkan dari cadangan…, and the daily automatic snapshot: each runs as
an Operation off the GUI thread, with progress and cancel where the user waits for it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow, QMessageBox

from inovasi_desktop.rules.format import format_size_id
from inovasi_desktop.services import backups, snapshots
from inovasi_desktop.ui.dialogs.restore_backup import FILE_FILTER, innovations_text, organisation_text
from inovasi_desktop.ui.tasks import Operation, TaskRunner
from inovasi_desktop.ui.user_folders import documents_folder


def tr(text: str) -> str:
    return QApplication.translate("BackupUi", text)


def snapshot_on_close(window, runner: TaskRunner) -> None:
    """The day's automatic snapshot, unless the start made it already (app.py waits for the runner)."""
    ws = window.workspace
    if snapshots.needed_today(ws):
        Operation(lambda control: snapshots.take_daily_quietly(ws), parent=window).run(runner)


class BackupUi:
    """What the two menu items do."""

    def __init__(self, window: QMainWindow, runner: TaskRunner, on_restored) -> None:
        self.window, self.runner, self.on_restored = window, runner, on_restored
        self.operation: Operation | None = None
        self.dialog = None

    @property
    def workspace(self):
        return self.window.workspace

    # -- Cadangkan ke… ----------------------------------------------------------------------------
    def backup_to(self) -> None:
        start = str(documents_folder() / backups.default_file_name())
        name, _ = QFileDialog.getSaveFileName(self.window, tr("Cadangkan ke"), start, tr(FILE_FILTER))
        if not name:
            return
        target = Path(name)
        if not target.name.endswith(backups.SUFFIX):
            target = target.with_name(target.name + backups.SUFFIX)
        ws, outcome = self.workspace, {}

        def work(control):
            outcome["result"] = backups.write_backup(ws, target, progress=control.progress,
                                                     cancelled=control.cancelled)
            return outcome["result"]

        def cancelled() -> None:  # a cancel that came after the file was complete is no cancel
            if "result" in outcome:
                self._backed_up(outcome["result"])
            else:
                self.window.statusBar().showMessage(tr("Pencadangan dibatalkan; tidak ada berkas yang ditulis."), 8000)

        self.operation = Operation(work, parent=self.window, on_success=self._backed_up, on_cancel=cancelled,
                                   failure_title=tr("Cadangan tidak dibuat"))
        self.operation.with_progress(tr("Menulis cadangan…"), title=tr("Cadangkan ke")).run(self.runner)

    def _backed_up(self, result: backups.BackupResult) -> None:
        m = result.manifest
        text = tr("Cadangan ditulis dan sudah diperiksa ulang:\n{path}\n\nIsi: {innovations} dan {files} berkas "
                  "bukti.\nUkuran berkas: {size}.\n\nSimpan berkas ini di tempat lain, misalnya diska lepas.").format(
            path=result.path, innovations=innovations_text(m), files=len(m.files), size=format_size_id(result.size))
        if m.missing:
            text += "\n\n" + tr("{n} berkas bukti tidak ada di penyimpanan sehingga tidak ikut dicadangkan.").format(
                n=len(m.missing))
        self.window.statusBar().showMessage(tr("Cadangan ditulis: {path}").format(path=result.path), 8000)
        QMessageBox.information(self.window, tr("Cadangan selesai"), text)

    # -- Pulihkan dari cadangan… ------------------------------------------------------------------
    def restore(self) -> None:
        from inovasi_desktop.ui.dialogs.restore_backup import RestoreBackupDialog

        self.dialog = RestoreBackupDialog(self.workspace, self.window)
        self.dialog.finished.connect(self._dialog_closed)
        self.dialog.open()

    def _dialog_closed(self, result: int) -> None:
        dialog, self.dialog = self.dialog, None
        source = dialog.chosen if result else None
        dialog.deleteLater()
        if source is not None:
            self.start_restore(source)

    def start_restore(self, source: backups.Source) -> None:
        self.window.close_editor()  # saves the open innovation first
        ws, outcome = self.workspace, {}

        def work(control):
            outcome["result"] = backups.restore(ws, source, progress=control.progress, cancelled=control.cancelled)
            return outcome["result"]

        def cancelled() -> None:
            if "result" in outcome:  # the swap had already happened
                self._restored(outcome["result"])
            else:
                self.window.statusBar().showMessage(tr("Pemulihan dibatalkan; data tidak diubah."), 8000)

        self.operation = Operation(work, parent=self.window, on_success=self._restored, on_cancel=cancelled,
                                   failure_title=tr("Data tidak dipulihkan"))
        self.operation.with_progress(tr("Memulihkan data…"), title=tr("Pulihkan dari cadangan")).run(self.runner)

    def _restored(self, result: backups.RestoreResult) -> None:
        self.on_restored()
        m = result.manifest
        text = tr("Data dipulihkan dari cadangan {org}: {innovations}.").format(
            org=organisation_text(m), innovations=innovations_text(m))
        if result.kept_as:
            text += "\n\n" + tr("Data sebelumnya disimpan sebagai cadangan otomatis; pilih di Berkas → Pulihkan dari "
                                "cadangan… bila ingin kembali.")
        self.window.statusBar().showMessage(tr("Data dipulihkan dari cadangan."), 8000)
        QMessageBox.information(self.window, tr("Pemulihan selesai"), text)
