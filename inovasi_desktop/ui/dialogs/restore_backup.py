"""Choosing what to restore: the automatic snapshots in a list, or a backup file; what it holds is shown
before anything changes."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inovasi_desktop.domain.errors import InovasiError
from inovasi_desktop.export.backup_archive import Manifest
from inovasi_desktop.rules.format import format_date_id, format_size_id
from inovasi_desktop.services import backups, snapshots
from inovasi_desktop.services.workspace import Workspace
from inovasi_desktop.ui.user_folders import documents_folder


def tr(text: str) -> str:
    return QApplication.translate("RestoreBackupDialog", text)


FILE_FILTER = "Cadangan Inovasi Desktop (*.inovasi-cadangan)"


def created_text(manifest: Manifest) -> str:
    """"6 Desember 2026 pukul 23.43" (the manifest keeps ISO 8601)."""
    try:
        when = datetime.fromisoformat(manifest.created)
    except ValueError:
        return manifest.created
    return tr("{date} pukul {time}").format(date=format_date_id(when.date()), time=when.strftime("%H.%M"))


def organisation_text(manifest: Manifest) -> str:
    return ", ".join(p for p in (manifest.opd, manifest.pemda) if p) or tr("(organisasi belum diisi)")


def innovations_text(manifest: Manifest) -> str:
    text = tr("{n} inovasi").format(n=manifest.innovations)
    if manifest.in_bin:
        text += tr(" (+{n} di tempat sampah)").format(n=manifest.in_bin)
    return text


class RestoreBackupDialog(QDialog):
    """`chosen` is the Source to restore once the dialog is accepted."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.chosen: backups.Source | None = None
        self.setWindowTitle(tr("Pulihkan dari cadangan"))
        intro = QLabel(tr("Pilih cadangan yang akan dipulihkan. Semua data saat ini diganti dengan isi cadangan "
                          "itu; sebelumnya data saat ini disimpan sebagai cadangan otomatis, sehingga dapat "
                          "dipulihkan kembali."))
        intro.setWordWrap(True)

        self.list = QTreeWidget()
        self.list.setObjectName("snapshotList")
        self.list.setHeaderLabels([tr("Cadangan otomatis"), tr("Organisasi"), tr("Inovasi"), tr("Ukuran")])
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setAlternatingRowColors(True)
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in (2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.snapshots = snapshots.list_all(workspace)
        for snapshot in self.snapshots:
            m = snapshot.manifest
            label = created_text(m)
            if snapshot.before_restore:
                label = tr("{when} (sebelum pemulihan)").format(when=label)
            item = QTreeWidgetItem([label, organisation_text(m), str(m.innovations), format_size_id(m.total_size)])
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setTextAlignment(3, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.list.addTopLevelItem(item)
        self.list.itemSelectionChanged.connect(self._snapshot_chosen)
        self.empty = QLabel(tr("Belum ada cadangan otomatis. Cadangan otomatis dibuat sekali sehari saat aplikasi "
                               "dibuka atau ditutup."))
        self.empty.setWordWrap(True)
        self.empty.setVisible(not self.snapshots)
        self.list.setVisible(bool(self.snapshots))

        self.file_button = QPushButton(tr("Pilih berkas cadangan…"))
        self.file_button.setToolTip(tr("Pulihkan dari berkas .inovasi-cadangan, misalnya di diska lepas"))
        self.file_button.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(QLabel(tr("Atau dari berkas cadangan:")))
        file_row.addWidget(self.file_button)
        file_row.addStretch(1)

        self.summary = QLabel(tr("Belum ada cadangan yang dipilih."))
        self.summary.setObjectName("backupSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setFrameShape(QFrame.Shape.StyledPanel)
        self.summary.setMargin(8)
        self.summary.setMinimumHeight(self.fontMetrics().lineSpacing() * 6 + 16)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton(tr("Pulihkan"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addLayout(file_row)
        layout.addWidget(QLabel(tr("Isi cadangan terpilih:")))
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.resize(self.fontMetrics().horizontalAdvance("M") * 72, self.fontMetrics().lineSpacing() * 30)

    def _snapshot_chosen(self) -> None:
        rows = [self.list.indexOfTopLevelItem(i) for i in self.list.selectedItems()]
        if rows:
            self.show_source(backups.snapshot_source(self.snapshots[rows[0]]))

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, tr("Pilih berkas cadangan"), str(documents_folder()),
                                              tr(FILE_FILTER))
        if name:
            self.open_file(Path(name))

    def open_file(self, path: Path) -> None:
        """Read what the file holds (its manifest; the content is checked while restoring)."""
        try:
            source = backups.open_source(self.workspace, path)
        except InovasiError as err:
            self.list.clearSelection()
            self._show_refusal(str(err))
            return
        self.list.clearSelection()
        self.show_source(source)

    def _show_refusal(self, text: str) -> None:
        self.chosen = None
        self.summary.setStyleSheet("color: #b00020;")  # as the organisation dialog shows errors
        self.summary.setText(text)
        self.restore_button.setEnabled(False)

    def show_source(self, source: backups.Source) -> None:
        m = source.manifest
        where = (tr("Cadangan otomatis di folder data") if source.snapshot is not None
                 else tr("Berkas: {path}").format(path=source.path))
        lines = [
            tr("Dibuat: {when}").format(when=created_text(m)),
            tr("Organisasi: {org}").format(org=organisation_text(m)),
            tr("Inovasi: {n}").format(n=innovations_text(m)),
            tr("Bukti dukung: {n} berkas; ukuran seluruhnya {size}").format(
                n=len(m.files), size=format_size_id(m.total_size)),
            where,
        ]
        if m.received:
            lines.insert(-1, tr("Berkas PDF kiriman dari perangkat daerah: {n}").format(n=len(m.received)))
        self.summary.setStyleSheet("")
        self.summary.setText("\n".join(lines))
        self.chosen = source
        self.restore_button.setEnabled(True)
