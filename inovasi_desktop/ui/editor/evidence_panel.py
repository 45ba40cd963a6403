"""The evidence area of an indicator page or a profile attachment: the items with their check results,
and adding (button, drag from the file manager, paste), links, editing, replacing, reordering and removing.

The panel edits the live list it was given (`set_items`) and emits `changed`; the editor controller
saves. It needs the workspace, the background runner and the innovation (`bind`) to add files;
unbound, it only shows the items. `status_changed` tells that stored files may have changed state.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QFileDialog, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from inovasi_desktop.catalogue.evidence_kinds import file_patterns
from inovasi_desktop.domain import EvidenceItem, Innovation, InovasiError, Severity
from inovasi_desktop.evidence.checks import KIND_LABELS
from inovasi_desktop.services import evidence_items, evidence_reading, settings
from inovasi_desktop.services.evidence import StoreOutcome, Target
from inovasi_desktop.services.evidence_items import ItemReport
from inovasi_desktop.services.workspace import Workspace
from inovasi_desktop.ui.dialogs.evidence_metadata import MetadataDialog
from inovasi_desktop.ui.editor.evidence_adding import AddFlow
from inovasi_desktop.ui.editor.evidence_drop import DropTarget
from inovasi_desktop.ui.editor.evidence_rows import EmptyNote, EvidenceRow, paint, style, title_of
from inovasi_desktop.ui.editor.labels import MESSAGE_COLOURS, breakable
from inovasi_desktop.ui.tasks import TaskRunner
from inovasi_desktop.ui.user_folders import documents_folder

PAGE_ROWS = 10  # rows shown before "Tampilkan ... lainnya"


def tr(text: str) -> str:
    return QApplication.translate("EvidencePanel", text)


class EvidencePanel(DropTarget, QWidget):
    changed = Signal()
    status_changed = Signal()

    def __init__(self, accepts: tuple[str, ...]) -> None:
        super().__init__()
        self.accepts = accepts
        self.items: list[EvidenceItem] = []
        self.ws: Workspace | None = None
        self.runner: TaskRunner | None = None
        self.innovation: Innovation | None = None
        self.target: Target | None = None
        self.reports: dict[str, ItemReport] = {}
        self.rows: list[EvidenceRow] = []
        self.flow: AddFlow | None = None
        self.metadata_dialog: MetadataDialog | None = None
        self.preview = None
        self.undo_entry: tuple[int, EvidenceItem] | None = None
        self._to_describe: list[EvidenceItem] = []
        self._checks: dict[str, object] = {}  # new item id -> its FileCheck (with what its heading says)
        self._stale = True
        self.setAcceptDrops(True)

        self.zone = QFrame()
        self.zone.setObjectName("evidenceDropZone")
        self.zone.setFrameShape(QFrame.Shape.Box)
        self._highlight(False)
        self.take_focus_on_click()
        self.rows_layout = QVBoxLayout(self.zone)
        self.rows_layout.setContentsMargins(6, 6, 6, 6)
        self.rows_layout.setSpacing(6)
        kinds = ", ".join(KIND_LABELS.get(k, tr("tautan")) for k in accepts)
        self.empty = EmptyNote(tr("Belum ada bukti dukung ({kinds}). Seret berkas ke kotak ini atau tempel dengan "
                                  "Ctrl+V.").format(kinds=kinds), self.zone)
        self.rows_layout.addWidget(self.empty)
        self.show_all = False
        self.more_button = QPushButton(self.zone)
        self.more_button.setFlat(True)
        self.more_button.clicked.connect(self.toggle_all)
        self.more_button.hide()
        self.rows_layout.addWidget(self.more_button)

        self.add_button = QPushButton(tr("Tambah berkas…"))
        self.add_button.setToolTip(tr("Pilih satu atau beberapa berkas; bisa juga diseret ke sini atau ditempel"))
        self.add_button.clicked.connect(self.choose_files)
        self.link_button = QPushButton(tr("Tambah tautan…"))
        self.link_button.clicked.connect(lambda: self.add_link())
        # hide(), never setVisible(True), before the layout adopts a widget: that would show it as a window
        if "link" not in accepts:
            self.link_button.hide()
        if not any(k != "link" for k in accepts):
            self.add_button.hide()
        self.hint = QLabel(tr("atau seret berkas ke kotak di atas, atau tempel dengan Ctrl+V"))
        style(self.hint, "#555555")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.link_button)
        buttons.addWidget(self.hint, 1)

        self.undo_bar = QFrame()
        paint(self.undo_bar, "#fff6da")
        self.undo_label = QLabel()
        self.undo_label.setWordWrap(True)
        self.undo_button = QPushButton(tr("Urungkan"))
        self.undo_button.clicked.connect(self.undo_remove)
        undo_layout = QHBoxLayout(self.undo_bar)
        undo_layout.setContentsMargins(8, 4, 8, 4)
        undo_layout.addWidget(self.undo_label, 1)
        undo_layout.addWidget(self.undo_button)
        self.undo_bar.hide()

        self.message = QLabel()
        self.message.setObjectName("evidenceMessage")
        self.message.setWordWrap(True)
        self.message.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.zone)
        layout.addLayout(buttons)
        layout.addWidget(self.undo_bar)
        layout.addWidget(self.message)
        paste = QShortcut(QKeySequence.StandardKey.Paste, self)
        paste.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        paste.activated.connect(self.paste)
        self._enable()

    # --- wiring -----------------------------------------------------------------------------
    def bind(self, ws: Workspace, runner: TaskRunner, innovation: Innovation, target: Target) -> None:
        self.ws, self.runner, self.innovation, self.target = ws, runner, innovation, target
        self._enable()
        self.refresh()

    def set_items(self, items: list[EvidenceItem]) -> None:
        """Show (and from now on edit) this live list of the innovation."""
        self.items = items
        self.refresh()

    @property
    def bound(self) -> bool:
        return self.ws is not None

    @property
    def busy(self) -> bool:
        return self.flow is not None and not self.flow.finished

    def _enable(self) -> None:
        ready = self.bound and not self.busy
        self.add_button.setEnabled(ready)
        self.link_button.setEnabled(ready)

    # --- showing -------------------------------------------------------------------------------
    def refresh(self) -> None:
        self._stale = True
        if self.isVisible() or not self.bound:
            self._rebuild()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self.prepare()

    def prepare(self) -> None:
        """Build the rows now if they are out of date (before the panel is shown, to spread the work)."""
        if self._stale:
            self._rebuild()

    def _rebuild(self) -> None:
        """Show the items: rows are kept per item and refreshed in place; only new items get new rows.

        At most PAGE_ROWS rows are shown until the user asks for all: word-wrapped rows are costly to lay
        out, and a long list must not stall the window.
        """
        self._stale = False
        self.reports = {}
        if self.bound and self.items:
            try:
                self.reports = evidence_items.item_reports(self.ws, self.innovation, self.target, examine=False)
            except InovasiError as err:
                self.show_message(Severity.GALAT, [str(err)])
        shown = self.items if self.show_all else self.items[:PAGE_ROWS]
        kept = {row.item.id: row for row in self.rows}
        for row in self.rows:
            if all(row.item is not item for item in shown):
                self.rows_layout.removeWidget(row)
                row.hide()
                row.deleteLater()
                kept.pop(row.item.id, None)
        self.rows = []
        editable, last = self.bound and not self.busy, len(self.items) - 1
        for index, item in enumerate(shown):
            row = kept.get(item.id)
            if row is None or row.item is not item:
                row = EvidenceRow(item, self.zone)
                row.resize(max(100, self.zone.width()), 60)  # any size: spares show() a costly adjustSize()
                row.action.connect(self._on_action)
            row.show_item(index + 1, self.reports.get(item.id), first=index == 0, last=index == last,
                          editable=editable)
            if self.rows_layout.indexOf(row) != index:
                self.rows_layout.insertWidget(index, row)  # adds (the layout shows it), or moves a row to its place
            self.rows.append(row)
        self.hint.setHidden(not self.items)  # the empty box says it already
        self.empty.setHidden(bool(self.items))
        hidden = len(self.items) - len(shown)
        self.more_button.setText(tr("Tampilkan {n} bukti lainnya").format(n=hidden) if hidden else
                                 tr("Tampilkan {n} bukti pertama saja").format(n=PAGE_ROWS))
        self.more_button.setHidden(len(self.items) <= PAGE_ROWS)

    def toggle_all(self) -> None:
        self.show_all = not self.show_all
        self._rebuild()

    def show_message(self, severity: Severity | str, lines: list[str], append: bool = False) -> None:
        """Lines under the panel (refusals, notes); `append` keeps what is shown already."""
        colour = MESSAGE_COLOURS[Severity(severity)]
        shown = [f"<span style='color:{colour}'>{html.escape(breakable(line))}</span>" for line in lines]
        if append and self.message.isVisibleTo(self) and self.message.text():
            shown.insert(0, self.message.text())
        self.message.setText("<br>".join(shown))
        self.message.setVisible(bool(shown))

    # --- adding --------------------------------------------------------------------------------
    def choose_files(self) -> None:
        start = settings.get(self.ws, settings.LAST_FOLDER) if self.bound else None
        patterns = file_patterns(self.accepts)
        paths, _ = QFileDialog.getOpenFileNames(self, tr("Pilih berkas bukti dukung"), start or str(documents_folder()),
                                                tr("Bukti dukung ({p});;Semua berkas (*)").format(p=patterns))
        if paths:
            settings.put(self.ws, {settings.LAST_FOLDER: str(Path(paths[0]).parent)})
            self.add_paths([Path(p) for p in paths])

    def add_paths(self, paths: list[Path], scratch: list[Path] | None = None, replace: EvidenceItem | None = None,
                  shrink: bool | None = None) -> bool:
        """Check and store files in the background, then attach them (or give `replace` the first one).

        `shrink`: images over the size cap are made smaller (True), kept (False), or the user is asked (None).
        """
        if not self.bound or self.busy or not paths:
            if self.busy:
                self.show_message(Severity.INFO, [tr("Tunggu hingga penambahan sebelumnya selesai.")])
            return False
        self.show_message(Severity.INFO, [])
        self.flow = AddFlow(self.ws, self.runner, self.target, self.innovation.id, self, scratch, shrink)
        self.flow.message.connect(self.show_message)
        self.flow.done.connect(lambda outcome, elsewhere: self._added(outcome, elsewhere, replace))
        self._enable()
        self.flow.start(paths)
        return True

    def _added(self, outcome: StoreOutcome | None, elsewhere: dict, replace: EvidenceItem | None) -> None:
        self._enable()
        if outcome is None or not outcome.items:
            self.refresh()
            return
        catalogue = self.ws.catalogues.get(self.innovation.catalogue_id)
        notes = [tr("Gambar diperkecil agar muat dalam batas ukuran.")] if outcome.shrunk else []
        if replace is not None:
            name = replace.file_name
            evidence_items.take_file(replace, outcome.items[0])
            if outcome.shrunk and name:  # made smaller from the stored copy: keep the original name
                replace.file_name = Path(name).stem + Path(replace.file_name or "").suffix
            added = []
        else:
            added, more = evidence_items.attach(self.innovation, self.target, outcome.items)
            notes += more
        notes = outcome.heal_notes() + notes
        # a file replaced or refused as already in this list is not "also used" in this list
        notes += evidence_items.reuse_notes(catalogue, self.innovation, added or outcome.items[:1], elsewhere,
                                            said_at=None if added else self.target.label)
        self.show_message(Severity.INFO, notes, append=True)
        if replace is not None or added:  # a file already there changes nothing (nor the time stamp)
            self.changed.emit()
        self.refresh()
        self._to_describe = list(added)
        self._checks = dict(outcome.results)
        # Each in its own turn of the event loop, so that a large add never stalls the window.
        QTimer.singleShot(0, self.status_changed.emit)
        QTimer.singleShot(0, self._describe_next)

    def _describe_next(self, total: int | None = None) -> None:
        if not self._to_describe:
            self.metadata_dialog = None
            return
        total = total or len(self._to_describe)
        item = self._to_describe.pop(0)
        position = (total - len(self._to_describe), total)
        reading = evidence_reading.reading_of(self._checks.get(item.id), self.ws.catalogues.get(
            self.innovation.catalogue_id), self.innovation, self.target)
        self.metadata_dialog = MetadataDialog(item, self.target, self, position=position, reading=reading)
        self.metadata_dialog.finished.connect(lambda result, d=self.metadata_dialog: self._described(d, result, total))
        self.metadata_dialog.open()

    def _described(self, dialog: MetadataDialog, result: int, total: int) -> None:
        if result:
            self.changed.emit()
            self.refresh()
        if dialog.skip_all:
            self._to_describe = []
        self._describe_next(total)

    def add_link(self, url: str = "") -> None:
        if not self.bound or self.busy:
            return
        item = EvidenceItem(link=url or None)
        self.metadata_dialog = MetadataDialog(item, self.target, self, ask_link=True)
        self.metadata_dialog.accepted.connect(lambda: self._link_added(item))
        self.metadata_dialog.open()

    def _link_added(self, item: EvidenceItem) -> None:
        self.items.append(item)
        self.changed.emit()
        self.refresh()

    # --- actions on one item ---------------------------------------------------------------------
    def row_of(self, item_id: str) -> EvidenceRow | None:
        return next((row for row in self.rows if row.item.id == item_id), None)

    def _on_action(self, name: str, item_id: str) -> None:
        item = next((i for i in self.items if i.id == item_id), None)
        if item is None:
            return
        if name == "preview":
            self.preview_item(item)
        elif name == "edit":
            reading = (evidence_reading.kept_reading(self.ws, self.innovation, self.target, item)
                       if self.bound and not item.is_link else None)
            self.metadata_dialog = MetadataDialog(item, self.target, self, ask_link=item.is_link, reading=reading)
            self.metadata_dialog.accepted.connect(lambda: (self.changed.emit(), self.refresh()))
            self.metadata_dialog.open()
        elif name == "replace":
            start = settings.get(self.ws, settings.LAST_FOLDER) or str(documents_folder())
            path, _ = QFileDialog.getOpenFileName(self, tr("Pilih berkas pengganti"), start)
            if path:
                self.add_paths([Path(path)], replace=item)
        elif name in ("up", "down"):
            evidence_items.move(self.items, item_id, -1 if name == "up" else 1)
            self.changed.emit()
            self.refresh()
            row = self.row_of(item_id)
            if row is not None and row.buttons[name].isEnabled():
                row.buttons[name].setFocus()
        elif name == "remove":
            self.remove_item(item_id)
        elif name == "shrink":
            self.add_paths([self.ws.evidence_store.path_for(item.sha256)], replace=item, shrink=True)

    def remove_item(self, item_id: str) -> None:
        self.undo_entry = evidence_items.remove(self.items, item_id)
        self.undo_label.setText(tr("Bukti \"{t}\" dihapus dari daftar.").format(t=title_of(self.undo_entry[1])))
        self.undo_bar.show()
        self.changed.emit()
        self.status_changed.emit()
        self.refresh()

    def undo_remove(self) -> None:
        if self.undo_entry is not None:
            index, item = self.undo_entry
            self.items.insert(min(index, len(self.items)), item)
            self.undo_entry = None
            self.changed.emit()
            self.status_changed.emit()
            self.refresh()
        self.undo_bar.hide()

    def preview_item(self, item: EvidenceItem) -> None:
        if item.is_link:
            QDesktopServices.openUrl(QUrl(item.link))
            return
        from inovasi_desktop.ui.dialogs.evidence_preview import EvidencePreviewDialog  # on first use: loads QtPdf

        path = self.ws.evidence_store.path_for(item.sha256)
        if not path.is_file():
            self.show_message(Severity.GALAT, [tr("Berkas ini tidak ada di penyimpanan bukti; lampirkan ulang dengan "
                                                  "\"Ganti…\".")])
            return
        if item.id not in self.reports:
            self._rebuild()
        self.preview = EvidencePreviewDialog(item, path, self.reports.get(item.id), self.window())
        self.preview.open()

