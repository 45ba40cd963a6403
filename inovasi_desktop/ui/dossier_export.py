"""'Ekspor PDF' for one innovation or a selection: runs in the background with progress and cancel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QProgressDialog, QWidget

from inovasi_desktop.domain.errors import InovasiError
from inovasi_desktop.services import dossier
from inovasi_desktop.services.workspace import Workspace
from inovasi_desktop.ui.tasks import TaskRunner


def tr(text: str) -> str:
    return QApplication.translate("DossierExport", text)


def _unique(path: Path, taken: set[Path]) -> Path:
    candidate, n = path, 2
    while candidate in taken:
        candidate = path.with_name(f"{path.stem} ({n}){path.suffix}")
        n += 1
    taken.add(candidate)
    return candidate


def plan_targets(folder: Path, names: dict[str, str]) -> dict[str, Path]:
    """One file per innovation in `folder`, named after the innovation, never two with one name."""
    taken: set[Path] = set()
    return {iid: _unique(folder / dossier.default_file_name(name), taken) for iid, name in names.items()}


class DossierExport(QObject):
    """One export run; `done` carries the written results (empty when cancelled or failed)."""

    done = Signal(list)

    def __init__(self, ws: Workspace, runner: TaskRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self.ws, self.runner, self.parent_widget = ws, runner, parent
        self.handle = None
        self.progress: QProgressDialog | None = None
        self.title, self.failed_title = tr("Ekspor PDF"), tr("Ekspor PDF gagal")  # the print path sets its own

    def ask_targets(self, names: dict[str, str]) -> dict[str, Path]:
        start = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())
        if len(names) == 1:
            [(iid, name)] = names.items()
            path, _ = QFileDialog.getSaveFileName(self.parent_widget, tr("Simpan berkas PDF"),
                                                  str(start / dossier.default_file_name(name)), tr("PDF (*.pdf)"))
            if not path:
                return {}
            return {iid: Path(path) if path.lower().endswith(".pdf") else Path(path + ".pdf")}
        folder = QFileDialog.getExistingDirectory(self.parent_widget, tr("Pilih folder untuk {n} berkas PDF")
                                                  .format(n=len(names)), str(start))
        return plan_targets(Path(folder), names) if folder else {}

    def start(self, targets: dict[str, Path]) -> None:
        self.progress = QProgressDialog(tr("Menyiapkan berkas PDF…"), tr("Batal"), 0, 100, self.parent_widget)
        self.progress.setWindowTitle(self.title)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        items = list(targets.items())

        def work(control):
            results = []
            for n, (iid, path) in enumerate(items):
                def report(done, total, text, n=n):
                    share = (n + (done / total if total else 0)) / len(items)
                    control.progress(int(share * 100), 100, text)

                results.append(dossier.export_pdf(self.ws, iid, path, progress=report, cancelled=control.cancelled))
            return results

        self.handle = self.runner.run(work)
        self.handle.progress.connect(self._on_progress)
        self.handle.finished.connect(self._on_finished)
        self.handle.failed.connect(self._on_failed)
        self.handle.cancelled.connect(self._on_cancelled)
        self.progress.canceled.connect(self.handle.cancel)

    def _on_progress(self, done: int, total: int, text: str) -> None:
        progress = self.progress  # setValue may run the event loop, which may end the export
        if progress is not None:
            progress.setMaximum(total)
            if text:
                progress.setLabelText(text)
            progress.setValue(done)

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress = None

    def _on_finished(self, results: list) -> None:
        self._close_progress()
        self.done.emit(results)

    def _on_failed(self, error: Exception) -> None:
        self._close_progress()
        if not isinstance(error, dossier.ExportCancelled):
            message = str(error) if isinstance(error, InovasiError) else tr(
                "Terjadi kesalahan tak terduga saat membuat PDF. Rincian ada di berkas log.")
            QMessageBox.warning(self.parent_widget, self.failed_title, message)
        self.done.emit([])

    def _on_cancelled(self) -> None:
        self._close_progress()
        self.done.emit([])
