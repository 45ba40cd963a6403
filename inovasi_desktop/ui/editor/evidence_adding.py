"""Adding (or replacing) evidence files from a panel, without ever blocking the window.

Files are checked on the background runner, files with a galat are named in place, images over
the size cap may be made smaller, then the rest are stored on the runner with a progress dialog
and Cancel. `done` hands the stored items (not yet attached) to the panel; on cancel or failure
nothing is left in the store.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from inovasi_desktop.domain import InovasiError, Severity
from inovasi_desktop.rules.format import format_size_id
from inovasi_desktop.services import evidence, evidence_items, innovations
from inovasi_desktop.services.evidence import CheckedFile, StoreOutcome, Target
from inovasi_desktop.services.workspace import Workspace
from inovasi_desktop.ui.tasks import Operation, TaskRunner

PROGRESS_DELAY_MS = 300  # quick adds finish before a progress dialog would flash


def tr(text: str) -> str:
    return QApplication.translate("EvidenceAdding", text)


def ask_shrink(parent: QWidget, names: list[str], cap: int) -> bool | None:
    """True: make the images smaller; False: store them as they are; None: cancel the add."""
    box = QMessageBox(QMessageBox.Icon.Question, tr("Gambar melebihi batas ukuran"),
                      tr("{n} gambar melebihi batas {cap} per berkas:\n\n{names}\n\nAplikasi dapat memperkecilnya "
                         "(diperkecil dan dikompresi ulang, tetap terbaca) sebelum disimpan.").format(
                          n=len(names), cap=format_size_id(cap), names="\n".join(f"• {n}" for n in names[:10])),
                      parent=parent)
    shrink = box.addButton(tr("Perkecil"), QMessageBox.ButtonRole.AcceptRole)
    keep = box.addButton(tr("Simpan apa adanya"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(tr("Batal"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(shrink)
    box.exec()
    clicked = box.clickedButton()
    return True if clicked is shrink else False if clicked is keep else None


def refusal_lines(refused: list[CheckedFile]) -> list[str]:
    return [tr("{name} tidak disimpan: {reason}").format(
        name=c.name, reason=" ".join(p.message for p in c.result.problems if p.severity is Severity.GALAT))
        for c in refused]


class AddFlow(QObject):
    """One run; `done(outcome, elsewhere)` fires once: outcome None when nothing was stored, elsewhere
    (sha256 -> names of other innovations using that file) from `evidence_items.other_uses`."""

    done = Signal(object, object)
    message = Signal(str, list)  # severity value, lines for the panel's message area

    def __init__(self, ws: Workspace, runner: TaskRunner, target: Target, innovation_id: str, parent: QWidget,
                 scratch: list[Path] | None = None, shrink: bool | None = None) -> None:
        super().__init__(parent)
        self.shrink = shrink  # images over the cap: True make smaller, False keep, None ask
        self.ws, self.runner, self.target, self.parent_widget = ws, runner, target, parent
        self.innovation_id = innovation_id
        self.scratch = scratch or []  # temporary folders (pasted images) removed at the end
        self.operation: Operation | None = None
        self.finished = False

    def start(self, paths: list[Path]) -> None:
        ws, accepts, longest = self.ws, self.target.accepts, self.target.max_seconds
        self._run(tr("Memeriksa berkas…"),
                  lambda c: evidence.check_for(ws, paths, accepts, progress=c.progress, cancelled=c.cancelled,
                                               max_seconds=longest),
                  self._checked)

    def _checked(self, checked: list[CheckedFile]) -> None:
        accepted = [c for c in checked if c.ok]
        refused = [c for c in checked if not c.ok]
        if refused:
            self.message.emit(Severity.GALAT.value, refusal_lines(refused))
        if not accepted:
            return self._finish(None, {})
        shrink: list[Path] = []
        large = [c for c in accepted if c.result.can_shrink]
        if large:
            answer = self.shrink
            if answer is None:
                answer = ask_shrink(self.parent_widget, [c.name for c in large], evidence.max_bytes(self.ws))
            if answer is None:
                return self._finish(None, {}, cancelled=True)
            shrink = [c.path for c in large] if answer else []
        ws, target, innovation_id, box = self.ws, self.target, self.innovation_id, {}

        def store(control):
            box["outcome"] = outcome = evidence.store_checked(
                ws, accepted, target, shrink=shrink, progress=control.progress, cancelled=control.cancelled)
            if outcome.healed:  # every innovation using a healed file reads it as intact again
                innovations.refresh_summaries(ws, outcome.healed)
            elsewhere = evidence_items.other_uses(ws, innovation_id, [i.sha256 for i in outcome.items])
            return outcome, elsewhere

        self._run(tr("Menyimpan berkas bukti…"), store, lambda result: self._finish(*result),
                  on_cancel=lambda: self._undo(box))

    def _undo(self, box: dict) -> None:
        """The runner reports a cancel that came after the work ended: take the stored files back out."""
        outcome = box.get("outcome")
        if outcome is not None:
            try:
                evidence.clean_up_unsaved(self.ws, outcome.items)
            except InovasiError:
                pass
        self._finish(None, {}, cancelled=True)

    def _run(self, label: str, func: Callable, on_result: Callable, on_cancel: Callable | None = None) -> None:
        operation = Operation(func, parent=self.parent_widget, on_success=on_result, on_failure=self._failed,
                              on_cancel=on_cancel or (lambda: self._finish(None, {}, cancelled=True)))
        operation.on_end = lambda: self._ended(operation)
        self.operation = operation.with_progress(label, title=tr("Bukti dukung"), delay_ms=PROGRESS_DELAY_MS)
        operation.run(self.runner)

    def _ended(self, operation: Operation) -> None:
        """After a bug (shown in the crash dialog) the run ends here, nothing stored."""
        if operation is self.operation and not self.finished:
            self._finish(None, {})

    def cancel(self) -> None:
        if self.operation is not None:
            self.operation.cancel()

    def _failed(self, error: InovasiError) -> None:
        self.message.emit(Severity.GALAT.value, [str(error)])
        self._finish(None, {})

    def _finish(self, outcome: StoreOutcome | None, elsewhere, cancelled: bool = False) -> None:
        for folder in self.scratch:
            shutil.rmtree(folder, ignore_errors=True)
        if cancelled:
            self.message.emit(Severity.INFO.value, [tr("Penambahan dibatalkan; tidak ada berkas yang disimpan.")])
        self.finished = True
        self.done.emit(outcome, elsewhere if outcome is not None else {})
