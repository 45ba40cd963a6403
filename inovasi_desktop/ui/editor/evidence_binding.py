"""Gives every evidence panel of an editor the workspace, the runner, the innovation and its target,
and keeps the readiness step's list of file problems (missing or changed files, check results) current."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from inovasi_desktop.domain import Innovation, InovasiError
from inovasi_desktop.services import evidence_status, evidence_upkeep, organisation
from inovasi_desktop.services.evidence import target_for
from inovasi_desktop.services.workspace import Workspace
from inovasi_desktop.ui.editor.editor_view import EditorView
from inovasi_desktop.ui.editor.evidence_panel import EvidencePanel
from inovasi_desktop.ui.editor.field_widgets import AttachmentField
from inovasi_desktop.ui.editor.form_page import FormPage
from inovasi_desktop.ui.editor.indicator_page import IndicatorPage
from inovasi_desktop.ui.tasks import Operation, TaskRunner

log = logging.getLogger(__name__)


def tr(text: str) -> str:
    return QApplication.translate("EvidenceBinding", text)


def evidence_panels(view: EditorView) -> dict[str, EvidencePanel]:
    """Panel by target: indicator number ("3") or attachment field key ("anggaran")."""
    panels: dict[str, EvidencePanel] = {}
    for page in view.pages.values():
        if isinstance(page, IndicatorPage):
            panels[str(page.indicator.number)] = page.evidence
        elif isinstance(page, FormPage):
            panels.update({key: w.input for key, w in page.fields.items() if isinstance(w, AttachmentField)})
    return panels


class EvidenceBinding(QObject):
    """`status_changed` fires when a stored file may have changed state (the editor then re-reads which
    evidence counts)."""

    status_changed = Signal()

    def __init__(self, ws: Workspace, runner: TaskRunner, innovation: Innovation, view: EditorView) -> None:
        super().__init__(view)
        self.ws, self.runner, self.innovation, self.view = ws, runner, innovation, view
        self.panels = evidence_panels(view)
        for key, panel in self.panels.items():
            panel.bind(ws, runner, innovation, target_for(view.catalogue, key))
            panel.status_changed.connect(self.refresh)
        view.readiness.verify_requested.connect(self.verify)
        self.operation: Operation | None = None
        self.show_problems()

    def show_problems(self, note: str = "") -> None:
        try:
            problems = evidence_upkeep.file_problems(self.ws, self.innovation)
        except InovasiError as err:
            log.warning("Cannot list evidence file problems: %s", err)
            return
        self.view.readiness.show_store_problems(problems, note)

    def refresh(self) -> None:
        self.show_problems()
        self.status_changed.emit()

    def verify(self) -> None:
        """Re-hash this innovation's stored files in the background."""
        if self.operation is not None:
            return
        ws, hashes = self.ws, evidence_status.stored_hashes_of(self.innovation.all_evidence())
        pemda = organisation.get(ws).pemda
        self.view.readiness.verify_button.setEnabled(False)
        self.view.readiness.store_status.setText(tr("Memeriksa ulang {n} berkas…").format(n=len(hashes)))
        note = {"text": ""}

        def verified(states) -> None:
            note["text"] = tr("Diperiksa ulang: {n} berkas.").format(n=len(states))

        self.operation = Operation(
            lambda control: evidence_status.verify_files(ws, hashes, pemda, progress=control.progress,
                                                         cancelled=control.cancelled),
            parent=self.view, on_success=verified, on_failure=lambda err: note.update(text=str(err)),
            on_end=lambda: self._verified(note["text"])).run(self.runner)

    def _verified(self, note: str) -> None:
        self.operation = None
        self.view.readiness.verify_button.setEnabled(True)
        for panel in self.panels.values():
            panel.refresh()
        self.show_problems(note)
        self.status_changed.emit()
