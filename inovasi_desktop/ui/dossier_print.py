"""'Cetak berkas…' for one innovation or a selection, without the preview: the dossiers are built in
the background into a temporary folder (the export path), then one print dialog prints them all."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QWidget

from inovasi_desktop.services.workspace import Workspace
from inovasi_desktop.ui.dossier_export import DossierExport, plan_targets
from inovasi_desktop.ui.printing import PrintJob, ask_printer, chosen_pages
from inovasi_desktop.ui.tasks import TaskRunner


def tr(text: str) -> str:
    return QApplication.translate("DossierPrint", text)


class DossierPrint(QObject):
    """One print run; `done` says whether everything was printed and `message` what to tell the user."""

    done = Signal(bool)
    message = Signal(str)

    def __init__(self, ws: Workspace, runner: TaskRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self.parent_widget, self.runner = parent, runner
        self.folder: Path | None = None
        self.job: PrintJob | None = None
        self.export = DossierExport(ws, runner, parent)
        self.export.title, self.export.failed_title = tr("Cetak berkas"), tr("Cetak berkas gagal")
        self.export.done.connect(self._built)

    def start(self, names: dict[str, str]) -> None:
        """Build the dossier of each innovation id in `names` (id -> name), then ask where to print."""
        self.folder = Path(tempfile.mkdtemp(prefix="inovasi-cetak-"))
        self.export.start(plan_targets(self.folder, names))

    def _built(self, results: list) -> None:
        if not results:  # cancelled, or the failure was already shown
            self._finish(False, tr("Pencetakan dibatalkan."))
            return
        total = sum(r.pages for r in results)
        single = len(results) == 1
        title = results[0].path.stem if single else tr("{n} berkas inovasi").format(n=len(results))
        printer = ask_printer(self.parent_widget, title, total, page_range=single)
        if printer is None:
            self._finish(False, tr("Pencetakan dibatalkan."))
            return
        documents = [(r.path, chosen_pages(printer, r.pages) if single else range(r.pages)) for r in results]
        self.job = PrintJob(self.runner, printer, documents, self.parent_widget)
        printed = sum(1 for _, page in self.job.sheets if page is not None)
        self.job.finished.connect(lambda ok: self._finish(ok, tr("{n} berkas dikirim ke printer ({pages} halaman).")
                                                          .format(n=len(results), pages=printed) if ok
                                                          else tr("Pencetakan dibatalkan.")))
        self.job.start()

    def _finish(self, ok: bool, text: str) -> None:
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None
        self.message.emit(text)
        self.done.emit(ok)
