"""Behaviour of the guided editor: load, live checks, autosave, jumping to findings.

Every edit restarts a short timer for the live checks and the autosave timer (1.5 s after the
last edit); a second timer saves at most 1.8 s after the first unsaved edit, so steady typing
never goes unsaved for longer. Saving also happens on step change and close.
"""

from __future__ import annotations

import copy
import html
import logging
from datetime import datetime

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QMessageBox

from inovasi_desktop.domain import Finding, Innovation, InovasiError, Severity
from inovasi_desktop.rules import format_number_id, summarise
from inovasi_desktop.services import innovations, merge, settings
from inovasi_desktop.services.workspace import Workspace
from inovasi_desktop.ui.editor.editor_view import EditorView
from inovasi_desktop.ui.editor.evidence_binding import EvidenceBinding, evidence_panels
from inovasi_desktop.ui.editor.field_widgets import tr
from inovasi_desktop.ui.editor.form_page import FormPage
from inovasi_desktop.ui.editor.indicator_page import IndicatorPage
from inovasi_desktop.ui.editor.labels import MESSAGE_COLOURS
from inovasi_desktop.ui.editor.revealing import reveal, shown_findings
from inovasi_desktop.ui.editor.steps import step_of, step_states
from inovasi_desktop.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

AUTOSAVE_MS = 1500  # after the last edit
AUTOSAVE_MAX_MS = 1800  # after the first unsaved edit, so steady typing is saved too
CHECK_MS = 150


class EditorController(QObject):
    saved = Signal(str)  # innovation id
    status = Signal(str)  # what the status bar should say about saving (rich text)
    closed = Signal()

    def __init__(self, workspace: Workspace, innovation: Innovation, view: EditorView,
                 runner: TaskRunner | None = None) -> None:
        super().__init__(view)
        self.ws = workspace
        self.innovation = innovation
        self.base = copy.deepcopy(innovation)  # as stored at innovation.revision: what merges compare against
        self.conflict_box: QMessageBox | None = None  # the last "changed elsewhere too" message
        self.catalogue = view.catalogue
        self.view = view
        self.context = innovations.context_for(workspace, innovation, examine=False)  # files not checked yet count
        self.dirty = False
        self.dirty_since: datetime | None = None  # the first edit not saved yet
        self.last_saved: datetime | None = None
        self.summary: dict | None = None  # readiness and score as of the last save
        self.findings: list[Finding] = []

        self.save_timer = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self.save_timer.timeout.connect(self.save)
        self.max_wait_timer = QTimer(self, singleShot=True, interval=AUTOSAVE_MAX_MS)
        self.max_wait_timer.timeout.connect(self.save)
        self.check_timer = QTimer(self, singleShot=True, interval=CHECK_MS)
        self.check_timer.timeout.connect(self.run_checks)

        self.evidence = EvidenceBinding(workspace, runner or TaskRunner(), innovation, view)
        view.pages[view.current_step().key]  # noqa: B018 - the first page shown is built now, others when shown
        for page in list(view.pages.values()):
            self._adopt(page)
        view.page_built.connect(self._on_page_built)  # the other pages, when first shown
        self.evidence.status_changed.connect(self.refresh_context)
        view.readiness.jump_requested.connect(self.jump_to)
        view.step_list.currentRowChanged.connect(self._on_step_changed)
        view.back_button.clicked.connect(self.close)
        self.step_key = view.current_step().key
        self.run_checks()

    def prepare_to_show(self) -> None:
        """Lay out what the first page shows, while the editor is still hidden."""
        for panel in evidence_panels(self.view.pages[self.view.current_step().key]).values():
            panel.prepare()

    def _adopt(self, page) -> None:
        """Give a step page its values and behaviour."""
        self.evidence.adopt(page)
        if isinstance(page, FormPage):
            page.load(self.innovation)
            for widget in page.fields.values():
                if widget.field.type == "auto" and widget.field.auto_from == "pemda" and self.context.pemda:
                    widget.set_value(self.context.pemda)
        elif isinstance(page, IndicatorPage):
            page.load(self.innovation.answer(page.indicator.number))
        page_changed = getattr(page, "changed", None)
        if page_changed is not None:
            page_changed.connect(self.on_edit)
        if isinstance(page, FormPage):
            page.revealed.connect(self.run_checks)

    def _on_page_built(self, page) -> None:
        self._adopt(page)
        self.run_checks()  # its fields' findings, as far as they are shown

    def refresh_context(self) -> None:
        """Stored evidence files changed state (or their background check ended): re-read which evidence
        counts, then check again. A summary this editor already saved is saved again when it changed."""
        before = self.context.invalid_evidence
        self.context = innovations.context_for(self.ws, self.innovation, examine=False)
        if self.summary is not None and self.context.invalid_evidence != before:
            self.on_edit()
        self.run_checks()

    # --- editing ---------------------------------------------------------------------------
    def on_edit(self) -> None:
        if not self.dirty:
            self.dirty_since = datetime.now()
        self.dirty = True
        self.save_timer.start()
        if not self.max_wait_timer.isActive():
            self.max_wait_timer.start()
        self.check_timer.start()

    def collect(self) -> None:
        """Copy widget values into the domain object."""
        for page in self.view.pages.values():
            if isinstance(page, FormPage):
                page.store(self.innovation.profile)
            elif isinstance(page, IndicatorPage):
                page.store(self.innovation.answer(page.indicator.number))

    def run_checks(self) -> None:
        self.collect()
        for page in self.view.pages.values():
            if isinstance(page, FormPage):
                page.apply_conditions(self.innovation.profile)
        readiness = summarise(self.catalogue, self.innovation, self.context)
        score = readiness.score  # computed with the same invalid evidence
        self.findings = readiness.findings
        self.view.title.setText(self.innovation.name or tr("(inovasi tanpa nama)"))
        self.view.score_label.setText(
            tr("Skor diklaim <b>{c}</b> · didukung bukti <b>{b}</b> dari {m}<br>{label}").format(
                c=format_number_id(score.claimed, 0), b=format_number_id(score.backed, 0),
                m=format_number_id(score.maximum, 0), label=html.escape(readiness.label)))
        shown = shown_findings(self.view, readiness.findings, self.innovation)
        self.view.show_states(step_states(self.catalogue, self.innovation, readiness.findings,
                                            self.context.invalid_evidence, shown))
        self.view.readiness.show_result(readiness, score, checking=self.evidence.files_in_check > 0)
        self._show_messages(shown)

    def _show_messages(self, findings: list[Finding]) -> None:
        by_where: dict[str, list[Finding]] = {}
        for finding in findings:
            by_where.setdefault(finding.where.split(".", 1)[0], []).append(finding)
        for page in self.view.pages.values():
            if isinstance(page, FormPage):
                for key, widget in page.fields.items():
                    found = sorted(by_where.get(key, []), key=lambda f: f.severity != Severity.GALAT)
                    widget.set_message("\n".join(f.message for f in found), found[0].severity if found else
                                       Severity.INFO)
            elif isinstance(page, IndicatorPage):
                found = by_where.get(Finding.indicator_where(page.indicator.number), [])
                page.set_messages([(MESSAGE_COLOURS[f.severity], f.message) for f in found])

    # --- saving ------------------------------------------------------------------------------
    def save(self) -> bool:
        self.save_timer.stop()
        self.max_wait_timer.stop()
        if not self.dirty:
            return True
        self.collect()
        try:
            result = innovations.save(self.ws, self.innovation, self.context, base=self.base, keep_mine=True)
        except InovasiError as err:
            self.status.emit(f"<span style='color:#b00020'>{html.escape(str(err))}</span>")
            self.save_timer.start()  # try again shortly; nothing typed is dropped
            return False
        self.summary = result.summary
        self.base = copy.deepcopy(self.innovation)
        self.dirty = False
        if result.merged:  # written elsewhere meanwhile (the command line): what came from there is shown
            self.show_stored()
        self.last_saved = datetime.now()
        self.status.emit(tr("Tersimpan otomatis pukul {t}").format(t=self.last_saved.strftime("%H:%M:%S")))
        if result.conflicts:
            self.report_conflicts(result.conflicts)
        self.saved.emit(self.innovation.id)
        return True

    def reload(self) -> None:
        """The innovation was written elsewhere (the command line): show what is stored now, keeping the
        user's unsaved typing (an unsaved edit is saved now, merged onto the stored innovation)."""
        self.collect()
        if self.dirty:
            self.save()
            return
        try:
            stored = innovations.get(self.ws, self.innovation.id)
        except InovasiError as err:  # moved to the bin meanwhile: the editor keeps what it shows
            log.info("Cannot reload the open innovation: %s", err)
            return
        merge.assign(self.innovation, stored)
        self.base = copy.deepcopy(stored)
        self.show_stored()

    def show_stored(self) -> None:
        """Let every page built so far show `self.innovation` again (fields that differ only)."""
        for page in self.view.pages.values():
            if isinstance(page, FormPage):
                page.show_values(self.innovation)
            elif isinstance(page, IndicatorPage):
                page.show_answer(self.innovation.answer(page.indicator.number))
        self.context = innovations.context_for(self.ws, self.innovation, examine=False)
        self.evidence.refresh()  # file states of items that came along, and the checks again

    def report_conflicts(self, conflicts) -> None:
        """Say which fields were changed here and elsewhere too: this window's values were kept."""
        text = merge.describe(conflicts, kept_mine=True)
        note = tr("Diubah juga di tempat lain; isian di jendela ini yang disimpan.")
        self.status.emit(f"<span style='color:#8a5a00'>{html.escape(note)}</span>")
        if self.conflict_box is not None:
            self.conflict_box.deleteLater()
        self.conflict_box = QMessageBox(QMessageBox.Icon.Warning, tr("Diubah juga di tempat lain"), text,
                                        QMessageBox.StandardButton.Ok, self.view)
        self.conflict_box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # values to copy
        self.conflict_box.open()  # not modal for the application: typing goes on after OK

    def _on_step_changed(self, row: int) -> None:
        self.save()
        step = self.view.steps[row]
        reveal(self.view, self.step_key)  # the step just left shows all its findings from now on
        self.step_key = step.key
        self.run_checks()
        try:
            settings.put(self.ws, {settings.LAST_INNOVATION: self.innovation.id, settings.LAST_STEP: step.key})
        except InovasiError as err:
            log.warning("Cannot remember the last step: %s", err)

    def jump_to(self, where: str) -> None:
        reveal(self.view, where)  # the user came to fix it: say what is wrong there
        self.view.show_step(step_of(self.catalogue, where))
        page = self.view.pages[self.view.current_step().key]
        if isinstance(page, FormPage):
            key = where.split(".", 1)[0]
            if page.focus_field(key):
                self.view.scroll_to(page.fields[key])

    def close(self) -> None:
        self.evidence.stop()
        self.save()
        try:
            settings.put(self.ws, {settings.LAST_INNOVATION: None, settings.LAST_STEP: None})
        except InovasiError as err:
            log.warning("Cannot clear the last step: %s", err)
        self.closed.emit()
