"""The main window: a shell holding the innovation list and the editor, with actions and status."""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox, QStackedWidget

from inovasi_desktop.domain.errors import InovasiError
from inovasi_desktop.rules.format import format_size_id
from inovasi_desktop.services import innovations, organisation, settings
from inovasi_desktop.services.workspace import Workspace
from inovasi_desktop.ui import main_actions, view_settings
from inovasi_desktop.ui.innovation_list import InnovationListView
from inovasi_desktop.ui.screen_fit import resize_within_screen
from inovasi_desktop.ui.tasks import Operation, TaskRunner
from inovasi_desktop.ui.user_folders import documents_folder
from inovasi_desktop.ui.window_shortcuts import WindowShortcuts

log = logging.getLogger(__name__)

USE_CASE_PROGRESS_DELAY_MS = 400  # example, duplicate, carry-over: quick ones end before a progress note would flash


def tr(text: str) -> str:
    return QApplication.translate("MainWindow", text)


class MainWindow(QMainWindow):
    opened = Signal()  # after the start: the database open, the list loaded (app.open_when_ready)

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace
        self.setWindowTitle(tr("Inovasi Desktop"))
        resize_within_screen(self, 1280, 720)  # the first start; a kept size is restored below
        self.editor = None  # the open EditorController, if any
        self.runner = TaskRunner()
        self.loaded = False
        self.listed = False  # the list shows the stored rows (possibly read before the database was opened)
        self.use_case = None  # the use case running in the background (example, duplicate, carry over), if any
        self.guide = None  # the user guide window, kept once opened
        self.about = None
        self.store_watch = None  # ui/store_watch.py, once the database is open
        self.monitoring = None  # the Pemantauan page's controller, made on first use

        self.list_view = InnovationListView()
        self.list_view.open_requested.connect(self._open_from_list)
        self.list_view.example_requested.connect(self.load_example)
        self.list_view.new_requested.connect(self.new_innovation)
        self.list_view.receive_requested.connect(lambda: self.receive_bundle())
        self.list_view.selection_changed.connect(self._update_actions)
        self.list_view.leave_bin_requested.connect(self.go_back)

        self.pages = QStackedWidget()
        self.pages.addWidget(self.list_view)
        self.setCentralWidget(self.pages)

        self._build_actions()
        self.setAcceptDrops(True)  # a bundle (*.inovasi) dropped on the window is received
        self.status_label = QLabel(tr("Memuat…"))
        self.statusBar().addPermanentWidget(self.status_label)
        geometry = view_settings.get(settings.WINDOW_GEOMETRY)
        if geometry:
            self.restoreGeometry(geometry)

    def show_first_rows(self) -> None:
        """Fill the list before the window is first shown, read without opening the database fully
        (that happens in the background after the show; see `after_show`)."""
        rows = innovations.first_rows(self.workspace)
        if rows is not None:
            self._show_rows(rows, in_bin=False)

    def load(self) -> bool:
        """Open the catalogues and the database (at once when `after_show` has already opened them in the
        background). What stops them is explained in place; returns False then."""
        try:
            self.workspace.open()
        except InovasiError as err:
            QMessageBox.critical(self, tr("Inovasi Desktop tidak dapat dibuka"), str(err))
            return False
        self.loaded = True
        self.list_view.set_catalogues([c.id for c in self.workspace.catalogues.all])
        if not self.listed:
            self.refresh()
        selected = self._guard(settings.get, self.workspace, settings.LIST_SELECTED)
        if selected:
            self.list_view.select(selected)
        from inovasi_desktop.ui.store_watch import StoreWatch

        self.store_watch = StoreWatch(self)  # what the command line writes meanwhile is shown
        self.store_watch.start()
        Operation(self._upkeep, parent=self, on_success=self._warm_up_editor,
                  on_failure=lambda err: log.warning("Cannot clean the evidence store: %s", err)).run(self.runner)
        self._check_store_in_background()
        return True

    def _check_store_in_background(self) -> None:
        """Re-hash the stored evidence files on a worker; the list shows what a damaged file costs."""
        from inovasi_desktop.services import evidence_upkeep

        ws = self.workspace
        Operation(lambda control: evidence_upkeep.refresh_truth(ws, cancelled=control.cancelled), parent=self,
                  on_success=lambda changed: changed and self.editor is None and self.refresh(),
                  on_failure=lambda err: log.warning("Cannot check the evidence store: %s", err)).run(self.runner)

    def _upkeep(self, control) -> None:
        """On a worker, while the user looks at the list (these imports alone take ~0.2 s): import the
        editor, so the first open is quick, then remove stored evidence files no item uses any more."""
        import inovasi_desktop.ui.editor.controller  # noqa: F401
        from inovasi_desktop.services import evidence_upkeep, snapshots

        snapshots.take_daily_quietly(self.workspace)  # before clean-up: the store files it lists stay
        evidence_upkeep.clean_up(self.workspace)

    def _warm_up_editor(self, _result: None) -> None:
        """Build and drop one editor view (a short turn while the user looks at the list): Qt and PySide set
        up the editor's widget classes on first use, which would otherwise hold up the first open."""
        from inovasi_desktop.ui.editor.editor_view import EditorView

        if self.editor is None and self.isVisible():
            view = EditorView(self.workspace.catalogues.default)
            for step in view.steps[:1] + [s for s in view.steps if s.indicator][:1]:
                view.pages[step.key]  # noqa: B018 - built
            view.deleteLater()

    # --- actions -------------------------------------------------------------------------
    def _build_actions(self) -> None:
        main_actions.build(self)
        self.window_shortcuts = WindowShortcuts(self)
        self._update_actions()

    def save_now(self) -> None:
        if self.editor is not None:
            self.editor.dirty = True
            self.editor.save()

    def save_for_crash(self) -> str:
        """For the crash dialog: save the open innovation's unsaved edits, then say truthfully whether they are."""
        editor = self.editor
        if editor is not None and editor.dirty:
            since = editor.dirty_since or editor.last_saved or datetime.now()
            try:
                editor.save()
            except Exception:  # noqa: BLE001 - the save may be what failed: report, never raise from a crash
                log.exception("Saving the open innovation after a crash failed")
            if editor.dirty:
                return tr("Perubahan sejak {time} mungkin belum tersimpan.").format(time=since.strftime("%H:%M"))
        return tr("Perubahan terakhir sudah disimpan.")

    def _update_actions(self) -> None:
        in_bin = self.bin_action.isChecked()
        in_editor = self.editor is not None
        in_list = not in_editor and not in_bin and not self._monitoring_shown()
        count = len(self.list_view.selected_ids()) if in_list else 0
        self.restore_action.setEnabled(in_bin and bool(self.list_view.selected_ids()))
        self.new_action.setEnabled(not in_bin)
        self.open_action.setEnabled(count == 1)
        self.duplicate_action.setEnabled(count == 1)
        self.carry_action.setEnabled(count == 1 and len(self.workspace.catalogues.all) > 1)
        self.delete_action.setEnabled(count >= 1)
        self.export_action.setEnabled(count >= 1 or in_editor)  # never from the bin
        self.print_action.setEnabled(count >= 1 or in_editor)
        self.readiness_action.setEnabled(count == 1 or in_editor)
        self.portal_action.setEnabled(count == 1 or in_editor)
        self.send_action.setEnabled(not in_bin and (in_editor or self.list_view.model.rowCount() > 0))
        self.receive_action.setEnabled(not in_bin)
        self.back_action.setEnabled(not in_list)
        self.save_action.setEnabled(in_editor)

    def focus_search(self) -> None:
        self.close_editor()
        self.list_view.search.setFocus()
        self.list_view.search.selectAll()

    def go_back(self) -> None:
        """Esc: from the editor, the monitoring page, or the bin, back to the list in use."""
        if self.editor is not None:
            self.close_editor()
        elif self._monitoring_shown():
            self.pages.setCurrentWidget(self.list_view)
            self._update_actions()
        elif self.bin_action.isChecked():
            self.bin_action.setChecked(False)
            self.refresh()

    def show_readiness(self) -> None:
        from inovasi_desktop.ui.editor.steps import READINESS_KEY

        if self.editor is not None:
            self.editor.view.show_step(READINESS_KEY)
        elif len(ids := self.list_view.selected_ids()) == 1:
            self.open_innovation(ids[0], READINESS_KEY)

    def show_guide(self) -> None:
        """F1: the user guide; on an editor page, at that page's part (an indicator, a profile step)."""
        from inovasi_desktop.ui.dialogs.guide import GuideDialog

        if self.editor is not None:
            catalogue, step = self.editor.view.catalogue, self.editor.view.current_step().key
        else:
            catalogue = self._guard(lambda: self.workspace.catalogues.default) if self.loaded else None
            step = ""
        if self.guide is None:
            self.guide = GuideDialog(self)
        self.guide.show_at(catalogue, step)

    def show_about(self) -> None:
        from inovasi_desktop.ui.dialogs.about import AboutDialog

        catalogues = self._guard(lambda: self.workspace.catalogues.all) if self.loaded else None
        self.about = AboutDialog(catalogues or (), self)
        self.about.open()

    # --- use cases -----------------------------------------------------------------------
    def _guard(self, func, *args):
        """Run a use case; show an InovasiError in place instead of failing."""
        try:
            return func(*args)
        except InovasiError as err:
            QMessageBox.warning(self, tr("Tidak dapat dilanjutkan"), str(err))
            return None

    def refresh(self) -> None:
        in_bin = self.bin_action.isChecked()
        if in_bin:
            self.close_editor()
        self._show_rows(self._guard(innovations.list_rows, self.workspace, in_bin) or [], in_bin)

    def _show_rows(self, rows: list, in_bin: bool) -> None:
        self.listed = True
        self.list_view.set_rows(rows, in_bin)
        text = tr("{n} inovasi di tempat sampah") if in_bin else tr("{n} inovasi")
        self.setWindowTitle(tr("Tempat sampah — Inovasi Desktop") if in_bin else tr("Inovasi Desktop"))
        self.status_label.setText(text.format(n=len(rows)))
        self._update_actions()

    def restore_selected(self) -> None:
        ids = self.list_view.selected_ids()
        if ids and self._guard(innovations.restore, self.workspace, ids) is not None:
            self.refresh()
            self.statusBar().showMessage(tr("{n} inovasi dipulihkan.").format(n=len(ids)), 5000)

    def new_innovation(self) -> None:
        innovation = self._guard(innovations.create, self.workspace, None)
        if innovation is not None:
            self.refresh()
            self.open_innovation(innovation.id)

    def _open_from_list(self, innovation_id: str) -> None:
        if not self.bin_action.isChecked():  # what is in the bin is restored first, not edited
            self.open_innovation(innovation_id)

    def open_selected(self) -> None:
        ids = self.list_view.selected_ids()
        if len(ids) == 1:
            self.open_innovation(ids[0])

    def open_innovation(self, innovation_id: str, step: str | None = None) -> None:
        from inovasi_desktop.ui.editor.controller import EditorController
        from inovasi_desktop.ui.editor.editor_view import EditorView

        self.close_editor()
        innovation = self._guard(innovations.get, self.workspace, innovation_id)
        if innovation is None:
            return
        catalogue = self._guard(self.workspace.catalogues.get, innovation.catalogue_id)
        if catalogue is None:
            return
        self.list_view.select(innovation_id)
        view = EditorView(catalogue)
        splitter = view_settings.get(settings.EDITOR_SPLITTER)
        if splitter:
            view.splitter.restoreState(splitter)
        if step:
            view.show_step(step)
        self.editor = EditorController(self.workspace, innovation, view, self.runner)
        self.editor.closed.connect(self._editor_closed)
        self.editor.status.connect(self.status_label.setText)
        self.status_label.setText(tr("Perubahan tersimpan otomatis"))
        self.pages.addWidget(view)
        self._update_actions()
        # Built, prepared and shown in three turns of the event loop: in one, the window stalled ~50 ms.
        QTimer.singleShot(0, view, lambda: self._prepare_editor(view))

    def _prepare_editor(self, view) -> None:
        if self.editor is not None and self.editor.view is view:
            self.editor.prepare_to_show()
            QTimer.singleShot(0, view, lambda: self._show_editor(view))

    def _show_editor(self, view) -> None:
        if self.editor is None or self.editor.view is not view:
            return  # closed before it was shown
        self.pages.setCurrentWidget(view)
        page = view.pages[view.current_step().key]
        (getattr(page, "set_focus_first", None) or page.setFocus)()
        self._guard(settings.put, self.workspace, {settings.LAST_INNOVATION: self.editor.innovation.id,
                                                   settings.LIST_SELECTED: self.editor.innovation.id,
                                                   settings.LAST_STEP: view.current_step().key})

    def close_editor(self) -> None:
        if self.editor is not None:
            self.editor.close()

    # --- monitoring (pemantauan) ---------------------------------------------------------------
    def _monitoring_shown(self) -> bool:
        return self.monitoring is not None and self.pages.currentWidget() is self.monitoring.page

    def _monitoring(self):
        from inovasi_desktop.ui.monitoring.controller import MonitoringController

        if self.monitoring is None:
            self.monitoring = MonitoringController(self)
            self.monitoring.back_requested.connect(self.go_back)
            self.monitoring.opd_requested.connect(self._show_opd)
            self.monitoring.open_requested.connect(self._open_from_monitoring)
            self.pages.addWidget(self.monitoring.page)
        return self.monitoring

    def show_monitoring(self) -> None:
        if not self.loaded:
            return
        self.close_editor()
        if self.bin_action.isChecked():
            self.bin_action.setChecked(False)
            self.refresh()
        monitoring = self._monitoring()
        self.pages.setCurrentWidget(monitoring.page)
        self._update_actions()
        monitoring.refresh()

    def _open_from_monitoring(self, innovation_id: str, step: str) -> None:
        """A follow-up opened at its indicator; closing the editor comes back to the page, recounted."""
        self.open_innovation(innovation_id, step)
        if self.editor is not None:
            self.editor.closed.connect(self._back_to_monitoring)

    def _back_to_monitoring(self) -> None:
        if self.monitoring is not None and self.editor is None:
            self.pages.setCurrentWidget(self.monitoring.page)
            self._update_actions()
            self.monitoring.refresh()

    def _show_opd(self, name: str, ids: list) -> None:
        self.pages.setCurrentWidget(self.list_view)
        self.list_view.show_opd(name)
        self._update_actions()

    def make_recap(self) -> None:
        if self.loaded:
            self._monitoring().ask_recap()

    def edit_spd(self) -> None:
        if self.loaded:
            self._monitoring().edit_spd()

    def edit_opd_list(self) -> None:
        if self.loaded:
            self._monitoring().edit_opd_list()

    def _editor_closed(self) -> None:
        editor, view = self.editor, self.editor.view
        view_settings.put(settings.EDITOR_SPLITTER, view.splitter.saveState().data())
        self.editor = None
        self.pages.setCurrentWidget(self.list_view)
        self.pages.removeWidget(view)
        view.deleteLater()
        if editor.summary is not None:  # only what this editor saved changes in the list
            self.list_view.update_row(innovations.row_for(editor.innovation, editor.summary))
        self._update_actions()
        self.list_view.table.setFocus()

    def _in_background(self, label: str, work, done, refused=None) -> None:
        """Run a use case as an Operation (the window stays responsive; a progress note shows only when it takes
        long); `done(result)` on the GUI thread, or `refused(error)` for an InovasiError (by default a message box)."""
        if self.use_case is None or self.use_case.done:  # one at a time
            self.use_case = Operation(lambda control: work(), parent=self, on_success=done, on_failure=refused)
            self.use_case.with_progress(label, title=tr("Inovasi Desktop"), cancellable=False,
                                        delay_ms=USE_CASE_PROGRESS_DELAY_MS).run(self.runner)

    def duplicate_selected(self) -> None:
        ids = self.list_view.selected_ids()
        if len(ids) != 1:
            return
        ws = self.workspace
        self._in_background(tr("Membuat salinan…"), lambda: innovations.duplicate(ws, ids[0]), self._duplicated)

    def _duplicated(self, copy) -> None:
        self.refresh()
        self.list_view.select(copy.id)
        self.statusBar().showMessage(tr("Salinan dibuat: {name}").format(name=copy.name), 5000)

    def carry_over_selected(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        from inovasi_desktop.services import carry_over

        ids = self.list_view.selected_ids()
        if len(ids) != 1:
            return
        current = next(r.catalogue_id for r in self.list_view.model.rows if r.id == ids[0])
        choices = [c for c in self.workspace.catalogues.all if c.id != current]
        labels = [f"{c.title} ({c.id})" for c in choices]
        label, ok = QInputDialog.getItem(self, tr("Salin ke katalog lain"),
                                         tr("Salin ke versi katalog:"), labels, 0, False)
        if not ok:
            return
        target, ws = choices[labels.index(label)], self.workspace
        self._in_background(tr("Menyalin ke {title}…").format(title=target.title),
                            lambda: carry_over.copy_to_catalogue(ws, ids[0], target.id),
                            lambda report: self._carried_over(report, target))

    def _carried_over(self, report, target) -> None:
        self.refresh()
        text = tr("Salinan untuk {title} dibuat.").format(title=target.title)
        if report.dropped:
            text += "\n\n" + tr("Yang perlu diperiksa atau diisi ulang:") + "\n" + "\n".join(
                f"• {line}" for line in report.dropped)
        QMessageBox.information(self, tr("Salin ke katalog lain"), text)
        self.open_innovation(report.innovation.id)

    def export_pdf(self) -> None:
        from inovasi_desktop.ui.dossier_export import DossierExport

        if self.editor is not None:
            self.editor.save()
            names = {self.editor.innovation.id: self.editor.innovation.name}
        else:
            names = {r.id: r.name for r in self.list_view.model.rows if r.id in self.list_view.selected_ids()}
        if not names:
            return
        self.dossier_export = DossierExport(self.workspace, self.runner, self)
        targets = self.dossier_export.ask_targets(names)
        if targets:
            self.dossier_export.done.connect(self._exported)
            self.dossier_export.start(targets)

    def portal_package(self) -> None:
        """The portal upload package of the open innovation or the one selected."""
        from inovasi_desktop.ui.dialogs.portal_package import PortalPackageDialog

        if self.editor is not None:
            self.editor.save()
            innovation_id, name = self.editor.innovation.id, self.editor.innovation.name
        elif len(ids := self.list_view.selected_ids()) == 1 and not self.bin_action.isChecked():
            innovation_id = ids[0]
            name = next(r.name for r in self.list_view.model.rows if r.id == innovation_id)
        else:
            return
        self.portal_dialog = PortalPackageDialog(self.workspace, self.runner, innovation_id, name, self)
        self.portal_dialog.open()

    # --- bundles (kiriman) ------------------------------------------------------------------------
    def send_bundle(self) -> None:
        """'Kirim…': the selected innovations (or the open one), with the choice of all of them."""
        from inovasi_desktop.ui.dialogs.send_bundle import SendBundleDialog

        everything = {r.id: r.name for r in self.list_view.model.rows} if not self.bin_action.isChecked() else {}
        if self.editor is not None:
            self.editor.save()
            selected = {self.editor.innovation.id: self.editor.innovation.name}
        else:
            selected = {i: everything[i] for i in self.list_view.selected_ids() if i in everything}
        if not (selected or everything):
            return
        self.send_dialog = SendBundleDialog(self.workspace, self.runner, selected, everything, self)
        self.send_dialog.open()

    def receive_bundle(self, paths: list | None = None) -> None:
        """'Terima kiriman…', or bundle files dropped on the window."""
        from pathlib import Path

        from PySide6.QtWidgets import QFileDialog

        from inovasi_desktop.ui.dialogs.receive_bundle import ReceiveBundleDialog

        if not paths:
            chosen, _ = QFileDialog.getOpenFileNames(self, tr("Terima kiriman"), str(documents_folder()),
                                                     tr("Kiriman Inovasi Desktop (*.inovasi)"))
            paths = [Path(p) for p in chosen]
        if not paths:
            return
        self.close_editor()
        self.receive_dialog = ReceiveBundleDialog(self.workspace, self.runner, paths, self)
        self.receive_dialog.received.connect(lambda _result: self.refresh())
        self.receive_dialog.open()
        self.receive_dialog.start()

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt API
        if _bundle_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt API
        paths = _bundle_paths(event.mimeData())
        if paths and not self.bin_action.isChecked():
            event.acceptProposedAction()
            self.receive_bundle(paths)
        else:
            super().dropEvent(event)

    def print_selected(self) -> None:
        """Print the dossiers of the selected innovations (or the open one) without the preview."""
        from inovasi_desktop.ui.dossier_print import DossierPrint

        if self.editor is not None:
            self.editor.save()
            names = {self.editor.innovation.id: self.editor.innovation.name}
        elif not self.bin_action.isChecked():
            names = {r.id: r.name for r in self.list_view.model.rows if r.id in self.list_view.selected_ids()}
        else:
            names = {}
        if names:
            self.dossier_print = DossierPrint(self.workspace, self.runner, self)
            self.dossier_print.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
            self.dossier_print.start(names)

    def _exported(self, results: list) -> None:
        from inovasi_desktop.ui.dialogs.dossier_preview import DossierPreviewDialog

        if len(results) == 1:
            result = results[0]
            summary = tr("{pages} halaman · {size} · {path}").format(
                pages=result.pages, size=format_size_id(result.bytes), path=result.path)
            self.preview = DossierPreviewDialog(result.path, summary, self, self.runner)
            self.preview.open()
        elif results:
            listing = "\n".join(f"• {r.path.name} ({r.pages} halaman)" for r in results)
            QMessageBox.information(self, tr("Ekspor PDF selesai"),
                                    tr("{n} berkas PDF ditulis di {folder}:\n\n{listing}").format(
                                        n=len(results), folder=results[0].path.parent, listing=listing))

    def delete_selected(self) -> None:
        ids = self.list_view.selected_ids()
        if not ids:
            return
        names = [r.name or tr("(tanpa nama)") for r in self.list_view.model.rows if r.id in ids]
        question = tr("Hapus {n} inovasi berikut?\n\n{names}\n\nAnda dapat membatalkannya segera setelah ini.").format(
            n=len(ids), names="\n".join(f"• {n}" for n in names[:10]))
        answer = QMessageBox.question(self, tr("Hapus inovasi"), question)
        if answer != QMessageBox.StandardButton.Yes:
            return
        if self._guard(innovations.delete, self.workspace, ids) is None:
            return
        self.refresh()
        self._offer_undo_delete(ids)

    def _offer_undo_delete(self, ids: list[str]) -> None:
        self.undo_delete_ids = ids
        self.statusBar().showMessage(tr("{n} inovasi dihapus. Tekan Ctrl+Z untuk membatalkan.").format(n=len(ids)),
                                     15000)
        if not hasattr(self, "undo_delete_action"):
            self.undo_delete_action = main_actions.make_action(self, tr("Batalkan hapus"), self.undo_delete,
                                                               QKeySequence.StandardKey.Undo)
            self.list_view.addAction(self.undo_delete_action)
            self.undo_delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def undo_delete(self) -> None:
        ids = getattr(self, "undo_delete_ids", [])
        if ids and self._guard(innovations.restore, self.workspace, ids) is not None:
            self.undo_delete_ids = []
            self.refresh()
            self.statusBar().showMessage(tr("Penghapusan dibatalkan."), 5000)

    def load_example(self) -> None:
        ws = self.workspace
        self._in_background(tr("Memuat contoh…"), lambda: innovations.import_example(ws), self._example_loaded,
                            refused=self._example_refused)

    def _example_loaded(self, innovation) -> None:
        self.refresh()
        self.open_innovation(innovation.id)
        self.statusBar().showMessage(tr("Contoh dimuat: {name}").format(name=innovation.name), 5000)

    def _example_refused(self, err: InovasiError) -> None:
        if not isinstance(err, innovations.AlreadyImported):
            QMessageBox.warning(self, tr("Tidak dapat dilanjutkan"), str(err))
        elif err.in_bin:
            QTimer.singleShot(0, self._ask_example_in_bin)  # once the refused load has ended
        else:  # no second copy: say so and open the one there
            self.open_innovation(err.innovation_id)
            self.statusBar().showMessage(tr("Contoh sudah dimuat sebelumnya; yang sudah ada dibuka."), 8000)

    # --- backups (ui/backup_ui.py) -------------------------------------------------------------
    def _backups(self):
        from inovasi_desktop.ui.backup_ui import BackupUi

        if getattr(self, "backup_ui", None) is None:
            self.backup_ui = BackupUi(self, self.runner, on_restored=self.refresh)
        return self.backup_ui

    def backup_to(self) -> None:
        if self.editor is not None:
            self.editor.save()
        self._backups().backup_to()

    def restore_from_backup(self) -> None:
        self._backups().restore()
    def _ask_example_in_bin(self) -> None:
        """The example sits in the bin: restore it with the shipped content, load a copy, or leave it."""
        box = QMessageBox(QMessageBox.Icon.Question, tr("Contoh ada di Tempat sampah"), tr(
            "Contoh sudah pernah dimuat dan kini ada di Tempat sampah.\n\n"
            "Pulihkan dan perbarui: contoh itu dipulihkan dan isinya diganti dengan contoh bawaan "
            "(perubahan Anda pada contoh itu hilang).\n\n"
            "Impor sebagai salinan: contoh dimuat sebagai inovasi baru; yang di Tempat sampah tetap di sana."),
            parent=self)
        restore = box.addButton(tr("Pulihkan dan perbarui"), QMessageBox.ButtonRole.AcceptRole)
        copy = box.addButton(tr("Impor sebagai salinan"), QMessageBox.ButtonRole.ActionRole)
        box.setDefaultButton(box.addButton(tr("Batal"), QMessageBox.ButtonRole.RejectRole))
        box.exec()
        chosen = box.clickedButton()
        box.deleteLater()
        existing = innovations.REPLACE if chosen is restore else innovations.COPY if chosen is copy else None
        if existing is not None:
            ws = self.workspace
            self._in_background(tr("Memuat contoh…"), lambda: innovations.import_example(ws, existing),
                                self._example_loaded, refused=self._example_refused)

    def edit_organisation(self) -> None:
        from inovasi_desktop.ui.dialogs.organisation import OrganisationDialog

        dialog = OrganisationDialog(self.workspace, self)
        if dialog.exec():
            self.refresh()
            if self.editor is not None:  # files are checked again for a new pemda, in the background
                self.editor.evidence.show_all()

    def after_show(self) -> None:
        """Open the catalogues and the database on a worker thread (the list is usable meanwhile), then
        reopen the innovation and step the user was in (after a crash too); the first run asks for the
        organisation."""
        if self.loaded:
            self._resume()
            return
        QTimer.singleShot(0, self._open_in_background)  # a turn later: the list paints before a worker competes

    def _open_in_background(self) -> None:
        ws = self.workspace
        Operation(lambda control: ws.open(), parent=self,
                  on_failure=lambda err: None,  # load() meets the problem again and explains it
                  on_end=self._opened).run(self.runner)

    def _opened(self) -> None:
        if not self.load():
            QApplication.exit(3)
            return
        self._resume()
        QTimer.singleShot(0, self.opened.emit)  # after what the start opens itself (the organisation form)

    def _resume(self) -> None:
        last = self._guard(settings.get, self.workspace, settings.LAST_INNOVATION)
        if last:
            step = self._guard(settings.get, self.workspace, settings.LAST_STEP)
            self.open_innovation(last, step)
        org = self._guard(organisation.get, self.workspace)
        if org is not None and not org.is_complete():
            QTimer.singleShot(0, self.edit_organisation)

    # --- state -----------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        self.runner.cancel_all()
        if self.store_watch is not None:
            self.store_watch.stop()
        if self.editor is not None:
            # Keep LAST_INNOVATION so the next start reopens where the user was.
            self.editor.save()
        if self.loaded:  # the day's automatic snapshot, unless the start made it
            from inovasi_desktop.ui.backup_ui import snapshot_on_close

            snapshot_on_close(self, self.runner)
        view_settings.put(settings.WINDOW_GEOMETRY, self.saveGeometry().data())
        super().closeEvent(event)


def _bundle_paths(mime) -> list:
    """The local *.inovasi files among dropped URLs."""
    from pathlib import Path

    if not mime.hasUrls():
        return []
    return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile() and u.toLocalFile().endswith(".inovasi")]
