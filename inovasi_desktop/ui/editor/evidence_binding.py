"""Gives every evidence panel of an editor the workspace, the runner, the innovation and its target,
and keeps the readiness step's list of file problems (missing or changed files, check results) current.

Stored files not checked yet (new to this data folder, touched on disk, or checked for another pemda)
are hashed and checked on the runner, never on the GUI thread: their rows say "Memeriksa…" and fill in
as results arrive, in small batches; the readiness and the scores follow."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal
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
from inovasi_desktop.ui.editor.steps import READINESS_KEY
from inovasi_desktop.ui.tasks import Operation, TaskRunner

log = logging.getLogger(__name__)

LOOK_MS = 50  # which stored files need a check is asked once the editor has painted
CHECK_START_MS = 150  # and the check starts later still: a worker competes with the window for Python


def tr(text: str) -> str:
    return QApplication.translate("EvidenceBinding", text)


def evidence_panels(page) -> dict[str, EvidencePanel]:
    """The panels of a step page by target: indicator number ("3") or attachment field key ("anggaran")."""
    if isinstance(page, IndicatorPage):
        return {str(page.indicator.number): page.evidence}
    if isinstance(page, FormPage):
        return {key: w.input for key, w in page.fields.items() if isinstance(w, AttachmentField)}
    return {}


class EvidenceBinding(QObject):
    """`status_changed` fires when a stored file may have changed state (the editor then re-reads which
    evidence counts)."""

    status_changed = Signal()

    def __init__(self, ws: Workspace, runner: TaskRunner, innovation: Innovation, view: EditorView) -> None:
        super().__init__(view)
        self.ws, self.runner, self.innovation, self.view = ws, runner, innovation, view
        self.verifying: Operation | None = None  # "Periksa ulang" under way
        self.checking = None  # the background check of files not checked yet, under way
        self.check_progress = (0, 0)
        self.checked: tuple[str, set[str]] = ("", set())  # (pemda, hashes this editor had checked for it)
        self.to_check: tuple[str, list[str]] = ("", [])  # (pemda, hashes) waiting for the start timer
        self.start_timer = QTimer(self, singleShot=True, interval=CHECK_START_MS)
        self.start_timer.timeout.connect(self._start_checks)
        self.panels: dict[str, EvidencePanel] = {}  # of the pages built so far (see `adopt`)
        self.first_look = QTimer(self, singleShot=True, interval=LOOK_MS)  # after the editor has painted
        self.first_look.timeout.connect(self._first_look)
        self.problems_shown = False  # the readiness step's list of file problems is filled once it is needed
        view.readiness.verify_requested.connect(self.verify)
        view.step_list.currentRowChanged.connect(self._on_step)
        self._on_step(view.step_list.currentRow())
        self.first_look.start()

    def _on_step(self, row: int) -> None:
        if not self.problems_shown and 0 <= row < len(self.view.steps) and self.view.steps[row].key == READINESS_KEY:
            self.show_problems()

    def _first_look(self) -> None:
        self.check_new_files()
        if not self.problems_shown:
            self.show_problems()

    @property
    def checking_files(self) -> bool:
        """Files not checked before are being checked (or about to be, or the editor is about to look)."""
        return self.checking is not None or self.start_timer.isActive() or self.first_look.isActive()

    def adopt(self, page) -> None:
        """Bind the evidence panels of a step page just built."""
        for key, panel in evidence_panels(page).items():
            panel.bind(self.ws, self.runner, self.innovation, target_for(self.view.catalogue, key))
            panel.status_changed.connect(self.refresh)
            self.panels[key] = panel

    @property
    def files_in_check(self) -> int:
        """How many files are still to be checked in the background (0 when none is)."""
        if self.checking is None and not self.start_timer.isActive():
            return 0
        done, total = self.check_progress
        return total - done

    def show_problems(self, note: str = "") -> None:
        try:
            problems = evidence_upkeep.file_problems(self.ws, self.innovation, examine=False)
        except InovasiError as err:
            log.warning("Cannot list evidence file problems: %s", err)
            return
        self.problems_shown = True
        self.view.readiness.show_store_problems(problems, note, self.files_in_check)

    def refresh(self) -> None:
        self.show_problems()
        self.status_changed.emit()
        self.check_new_files()

    # --- checking files not checked yet, in the background ------------------------------------------
    def check_new_files(self) -> None:
        """Start checking the stored files that need it (each file once per editor and pemda)."""
        if self.checking is not None or self.start_timer.isActive():
            return
        try:
            pemda = organisation.get(self.ws).pemda
            if pemda != self.checked[0]:
                self.checked = (pemda, set())
            hashes = evidence_status.stored_hashes_of(self.innovation.all_evidence()) - self.checked[1]
            status = evidence_status.file_status(self.ws, hashes, pemda, examine=False)
        except InovasiError as err:
            log.warning("Cannot tell which evidence files need a check: %s", err)
            return
        pending = sorted(sha256 for sha256, found in status.items() if found.state == evidence_status.PENDING)
        if not pending:
            return
        self.checked[1].update(pending)
        self.check_progress = (0, len(pending))
        self.to_check = (pemda, pending)
        self.start_timer.start()
        self.show_problems()
        self.status_changed.emit()  # the readiness waits for them

    def _start_checks(self) -> None:
        ws, (pemda, pending) = self.ws, self.to_check
        self.checking = Operation(
            lambda control: evidence_status.check_pending(ws, pending, pemda, progress=control.progress,
                                                          cancelled=control.cancelled),
            parent=self.view, on_progress=self._checks_arrived, on_failure=self._checks_failed,
            on_end=self._checks_ended).run(self.runner)

    def _checks_arrived(self, done: int, total: int, _text: str) -> None:
        self.check_progress = (done, total)
        self._show_checked()

    def _checks_failed(self, error: InovasiError) -> None:
        log.warning("Checking evidence files failed: %s", error)

    def _checks_ended(self) -> None:
        self.checking = None
        self.show_all()  # and files added meanwhile, or checked for a pemda changed meanwhile, are checked next

    def _show_checked(self) -> None:
        for panel in self.panels.values():
            panel.refresh()
        self.show_problems()
        self.status_changed.emit()

    def show_all(self) -> None:
        """Show every file's state afresh (e.g. after the organisation's pemda changed) and check what needs it."""
        self._show_checked()
        self.check_new_files()

    def stop(self) -> None:
        """The editor closes: background work about its files stops (what was found is kept)."""
        self.first_look.stop()
        self.start_timer.stop()
        for operation in (self.checking, self.verifying):
            if operation is not None:
                operation.cancel()

    def verify(self) -> None:
        """Re-hash this innovation's stored files in the background."""
        if self.verifying is not None:
            return
        ws, hashes = self.ws, evidence_status.stored_hashes_of(self.innovation.all_evidence())
        pemda = organisation.get(ws).pemda
        self.view.readiness.verify_button.setEnabled(False)
        self.view.readiness.store_status.setText(tr("Memeriksa ulang {n} berkas…").format(n=len(hashes)))
        note = {"text": ""}

        def verified(states) -> None:
            note["text"] = tr("Diperiksa ulang: {n} berkas.").format(n=len(states))

        self.verifying = Operation(
            lambda control: evidence_status.verify_files(ws, hashes, pemda, progress=control.progress,
                                                         cancelled=control.cancelled),
            parent=self.view, on_success=verified, on_failure=lambda err: note.update(text=str(err)),
            on_end=lambda: self._verified(note["text"])).run(self.runner)

    def _verified(self, note: str) -> None:
        self.verifying = None
        self.view.readiness.verify_button.setEnabled(True)
        for panel in self.panels.values():
            panel.refresh()
        self.show_problems(note)
        self.status_changed.emit()
