"""'Ekspor PDF' for one innovation or a selection: runs in the background with progress and cancel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QFileDialog, QProgressDialog, QWidget

from inovasi_desktop.services import dossier
from inovasi_desktop.services.workspace import Workspace
from inovasi_desktop.ui.tasks import Operation, TaskRunner
from inovasi_desktop.ui.user_folders import documents_folder


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
    """One export run; `done` carries the written results (empty when cancelled or failed: a failure was
    shown in a message box titled `failed_title`)."""

    done = Signal(list)

    def __init__(self, ws: Workspace, runner: TaskRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self.ws, self.runner, self.parent_widget = ws, runner, parent
        self.operation: Operation | None = None
        self.results: list = []
        self.title, self.failed_title = tr("Ekspor PDF"), tr("Ekspor PDF gagal")  # the print path sets its own

    def ask_targets(self, names: dict[str, str]) -> dict[str, Path]:
        start = documents_folder()
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
        items = list(targets.items())

        def work(control):
            results = []
            for n, (iid, path) in enumerate(items):
                def report(done, total, text, n=n):
                    share = (n + (done / total if total else 0)) / len(items)
                    control.progress(int(share * 100), 100, text)

                results.append(dossier.export_pdf(self.ws, iid, path, progress=report, cancelled=control.cancelled))
            return results

        self.results = []
        self.operation = Operation(work, parent=self.parent_widget, on_success=self._exported,
                                   failure_title=self.failed_title, on_end=lambda: self.done.emit(self.results))
        self.operation.with_progress(tr("Menyiapkan berkas PDF…"), title=self.title, delay_ms=0).run(self.runner)

    @property
    def progress(self) -> QProgressDialog | None:
        return self.operation.progress if self.operation is not None else None

    def _exported(self, results: list) -> None:
        self.results = results
