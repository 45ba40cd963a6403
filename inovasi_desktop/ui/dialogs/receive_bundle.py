"""'Terima kiriman…' (and a bundle dropped on the window): check the bundle and show, per innovation and before
anything is written, whether it is new, unchanged, newer here, newer in the bundle, or changed on both
sides; the user chooses what happens to each; then everything is received at once in the background."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inovasi_desktop.services import bundles
from inovasi_desktop.services.bundles import Choice, Status
from inovasi_desktop.services.workspace import Workspace
from inovasi_desktop.ui.tasks import Operation, TaskRunner
from inovasi_desktop.ui.user_folders import documents_folder


def tr(text: str) -> str:
    return QApplication.translate("ReceiveBundleDialog", text)


STATUS_TEXT = {
    Status.NEW: "Baru",
    Status.UNCHANGED: "Sama dengan di sini",
    Status.NEWER_HERE: "Lebih baru di sini",
    Status.NEWER_THERE: "Lebih baru di kiriman",
    Status.CONFLICT: "Berubah di kedua pihak",
    Status.INCOMPLETE: "Bagian kiriman belum lengkap",
}
CHOICE_TEXT = {
    Choice.KEEP_OURS: "Simpan versi di sini",
    Choice.TAKE_THEIRS: "Ambil versi kiriman (versi di sini dicadangkan)",
    Choice.KEEP_BOTH: "Simpan keduanya (kiriman sebagai salinan)",
}
STATUS_COLOUR = {Status.CONFLICT: "#b00020", Status.INCOMPLETE: "#b00020", Status.NEWER_HERE: "#8a5a00"}


class ReceiveBundleDialog(QDialog):
    received = Signal(object)  # the ReceiveResult, after the innovations were written

    def __init__(self, ws: Workspace, runner: TaskRunner, paths: list[Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws, self.runner, self.paths = ws, runner, list(paths)
        self.plan: bundles.Preview | None = None
        self.operation: Operation | None = None
        self.checks = 0  # preview checks started; an outcome of an older one is dropped
        self.choices: dict[str, QComboBox] = {}
        self.setWindowTitle(tr("Terima kiriman"))
        self.heading = QLabel(tr("Memeriksa kiriman…"))
        self.heading.setObjectName("receiveHeading")
        self.heading.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([tr("Inovasi"), tr("OPD"), tr("Keadaan"), tr("Yang dilakukan")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.message = QLabel()
        self.message.setObjectName("receiveMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.hide()
        self.buttons = QDialogButtonBox()
        self.add_button = self.buttons.addButton(tr("Tambah berkas bagian…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.receive_button = self.buttons.addButton(tr("Terima"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        self.add_button.clicked.connect(self.add_parts)
        self.receive_button.clicked.connect(self.receive)
        self.close_button.clicked.connect(self.reject)
        self.receive_button.setEnabled(False)
        self.receive_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(960, 480)

    def start(self) -> None:
        """Check the bundles and show the preview (in the background: a bundle can be large). Parts added
        while a check runs (several opened from Explorer at once) start a new check; only the last one shows."""
        if self.operation is not None and not self.operation.done:
            self.operation.cancel()
        self.checks += 1
        ws, paths, check = self.ws, list(self.paths), self.checks
        self.receive_button.setEnabled(False)
        self.operation = Operation(lambda _control: bundles.preview(ws, paths), parent=self,
                                   on_success=lambda plan: check == self.checks and self._show_plan(plan),
                                   on_failure=lambda err: check == self.checks and self._refused(err))
        self.operation.with_progress(tr("Memeriksa kiriman…"), title=tr("Terima kiriman")).run(self.runner)

    # --- preview ----------------------------------------------------------------------------
    def _refused(self, err) -> None:
        self.heading.setText(tr("Kiriman tidak dapat diterima."))
        self._show_message(str(err))

    def _show_plan(self, plan: bundles.Preview) -> None:
        self.plan = plan
        self.message.hide()
        senders = "; ".join(dict.fromkeys(s.label for s in plan.senders))
        files = ", ".join(p.name for p in plan.paths)
        self.heading.setText(tr("Dari <b>{sender}</b> ({files}): {n} inovasi. Periksa keadaan setiap inovasi dan "
                                "pilih yang dilakukan; belum ada yang diubah.").format(
            sender=escape(senders), files=escape(files), n=len(plan.items)))
        self.table.setRowCount(len(plan.items))
        self.choices.clear()
        for row, item in enumerate(plan.items):
            name = QTableWidgetItem(item.name)
            name.setToolTip(item.name if not item.ours_name or item.ours_name == item.name
                            else tr("{theirs}\nDi sini: {ours}").format(theirs=item.name, ours=item.ours_name))
            self.table.setItem(row, 0, name)
            self.table.setItem(row, 1, QTableWidgetItem(item.entry.opd or "–"))
            status = QTableWidgetItem(tr(STATUS_TEXT[item.status]))
            if item.note:
                status.setToolTip(item.note)
            if item.status in STATUS_COLOUR:
                status.setForeground(QColor(STATUS_COLOUR[item.status]))
            self.table.setItem(row, 2, status)
            self.table.setCellWidget(row, 3, self._choice_widget(item))
        self.table.horizontalHeader().resizeSections()  # widths from the new choices, not the last check's
        self.table.resizeRowsToContents()
        receivable = any(i.status is not Status.INCOMPLETE for i in plan.items)
        self.receive_button.setEnabled(receivable)
        notes = list(plan.refused)
        incomplete = [i for i in plan.items if i.status is Status.INCOMPLETE]
        if incomplete:
            notes.append(incomplete[0].note)
        if notes and receivable:
            notes.append(tr("Inovasi lain tetap dapat diterima sekarang."))
        if plan.off_list:
            notes.append(tr("{opds} tidak ada dalam daftar perangkat daerah: periksa penulisan namanya, atau "
                            "tambahkan lewat Pemantauan → Daftar perangkat daerah…").format(
                opds=", ".join(plan.off_list)))
        if notes:
            self._show_message("\n".join(notes))

    def _choice_widget(self, item: bundles.Incoming) -> QWidget:
        combo = QComboBox()
        combo.setObjectName(f"choice-{item.entry.id}")
        if item.status is Status.NEW:
            combo.addItem(tr("Tambahkan"), Choice.TAKE_THEIRS)
        elif item.status is Status.UNCHANGED:
            combo.addItem(tr("Tidak ada yang berubah"), Choice.KEEP_OURS)
        elif item.status is Status.INCOMPLETE:
            combo.addItem(tr("Menunggu bagian lain"), Choice.KEEP_OURS)
        else:
            for choice in (Choice.KEEP_OURS, Choice.TAKE_THEIRS, Choice.KEEP_BOTH):
                combo.addItem(tr(CHOICE_TEXT[choice]), choice)
            combo.setCurrentIndex(combo.findData(item.choice))
        combo.setEnabled(combo.count() > 1)
        self.choices[item.entry.id] = combo
        return combo

    def add_parts(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, tr("Tambah berkas bagian kiriman"),
                                                str(self.paths[0].parent if self.paths else documents_folder()),
                                                tr("Kiriman Inovasi Desktop (*.inovasi)"))
        self.add_paths([Path(p) for p in paths])

    def add_paths(self, paths: list[Path]) -> None:
        new = [p for p in paths if p not in self.paths]
        if new:
            self.paths += new
            self.start()

    # --- receiving --------------------------------------------------------------------------
    def chosen(self) -> dict[str, Choice]:
        return {iid: combo.currentData() for iid, combo in self.choices.items()}

    def receive(self) -> None:
        ws, paths, choices = self.ws, list(self.paths), self.chosen()
        self.receive_button.setEnabled(False)
        self.message.hide()

        def work(control):
            return bundles.receive(ws, paths, choices, progress=control.progress, cancelled=control.cancelled)

        self.operation = Operation(work, parent=self, on_success=self._received,
                                   on_failure=lambda err: self._show_message(str(err)),
                                   on_cancel=lambda: self._show_message(tr("Dibatalkan. Tidak ada yang diubah.")),
                                   on_end=lambda: self.receive_button.setEnabled(self.plan is not None))
        self.operation.with_progress(tr("Menerima kiriman…"), title=tr("Terima kiriman"), delay_ms=0).run(self.runner)

    def _received(self, result: bundles.ReceiveResult) -> None:
        lines = []
        if result.taken:
            lines.append(tr("Diterima: {names}.").format(names=", ".join(result.taken)))
        if result.copies:
            lines.append(tr("Ditambahkan sebagai salinan: {names}.").format(names=", ".join(result.copies)))
        if result.backups:
            lines.append(tr("Versi sebelumnya disimpan sebagai cadangan di Tempat sampah: {names}.").format(
                names=", ".join(result.backups)))
        if result.incomplete:
            lines.append(tr("Belum diterima karena bagiannya belum lengkap: {names}.").format(
                names=", ".join(result.incomplete)))
        if not (result.taken or result.copies):
            lines.append(tr("Tidak ada inovasi yang diubah."))
        self.heading.setText("<br>".join(escape(line) for line in lines))
        self.table.setEnabled(False)
        self.receive_button.hide()
        self.add_button.hide()
        self.close_button.setText(tr("Tutup"))
        self.received.emit(result)

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def reject(self) -> None:
        if self.operation is not None and not self.operation.done:
            self.operation.cancel()
        super().reject()
