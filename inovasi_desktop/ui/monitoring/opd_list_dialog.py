"""The region's list of perangkat daerah: edit in place, import from CSV or XLSX, or start from the template."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inovasi_desktop.domain.errors import InovasiError
from inovasi_desktop.services import region_opds
from inovasi_desktop.services.workspace import Workspace
from inovasi_desktop.ui.monitoring.opd_model import tr
from inovasi_desktop.ui.monitoring.page import TEMPLATE_STYLE
from inovasi_desktop.ui.user_folders import documents_folder

NEW_NAME = "Perangkat daerah baru"


class OpdListDialog(QDialog):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.template = region_opds.is_template(workspace)
        self.setWindowTitle(tr("Daftar perangkat daerah"))
        intro = QLabel(tr("Perangkat daerah di daerah Anda. Pemantauan menampilkan setiap perangkat daerah dalam "
                          "daftar ini, juga yang belum memiliki inovasi. Klik ganda sebuah nama untuk mengubahnya."))
        intro.setWordWrap(True)
        self.banner = QLabel(tr("Ini templat kabupaten pada umumnya: sesuaikan nama dan susunannya dengan perangkat "
                                "daerah Anda, lalu simpan."))
        self.banner.setObjectName("templateBanner")
        self.banner.setStyleSheet(TEMPLATE_STYLE)
        self.banner.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("opdList")
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.add_button = QPushButton(tr("Tambah"))
        self.remove_button = QPushButton(tr("Hapus"))
        self.import_button = QPushButton(tr("Impor CSV/XLSX…"))
        self.import_button.setToolTip(tr("Nama diambil dari kolom berjudul \"Nama OPD\" atau \"Perangkat daerah\", "
                                         "atau dari kolom pertama yang berisi teks"))
        self.template_button = QPushButton(tr("Pakai templat kabupaten"))
        self.add_button.clicked.connect(self.add_opd)
        self.remove_button.clicked.connect(self.remove_selected)
        self.import_button.clicked.connect(self.import_file)
        self.template_button.clicked.connect(self.use_template)
        side = QVBoxLayout()
        for button in (self.add_button, self.remove_button, self.import_button, self.template_button):
            side.addWidget(button)
        side.addStretch(1)
        middle = QHBoxLayout()
        middle.addWidget(self.list, 1)
        middle.addLayout(side)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.hide()
        self.count = QLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(tr("Simpan"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Batal"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.banner)
        layout.addLayout(middle, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.list.model().rowsInserted.connect(self._changed)
        self.list.model().rowsRemoved.connect(self._changed)
        self.list.itemChanged.connect(self._edited)
        self.set_names(region_opds.names(workspace), self.template)
        self.resize(620, 560)

    def set_names(self, names: list[str], template: bool = False) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for name in names:
            self._append(name)
        self.list.blockSignals(False)
        self.template = template
        self._changed()

    def names(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def _append(self, name: str) -> QListWidgetItem:
        item = QListWidgetItem(name)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.list.addItem(item)
        return item

    def _edited(self, *_) -> None:
        self.template = False
        self._changed()

    def _changed(self, *_) -> None:
        self.banner.setVisible(self.template)
        self.count.setText(tr("{n} perangkat daerah").format(n=self.list.count()))

    def add_opd(self) -> None:
        item = self._append(tr(NEW_NAME))
        self.list.setCurrentItem(item)
        self.list.editItem(item)

    def remove_selected(self) -> None:
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))
        self.template = False
        self._changed()

    def use_template(self) -> None:
        self.set_names(list(region_opds.TEMPLATE), template=True)

    def import_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Impor daftar perangkat daerah"), str(documents_folder()),
                                              tr("Daftar (*.csv *.xlsx);;Semua berkas (*)"))
        if path:
            self.import_path(Path(path))

    def import_path(self, path: Path) -> None:
        try:
            names = region_opds.read_file(path)
        except InovasiError as err:
            self._show_error(str(err))
            return
        if not names:
            self._show_error(tr("Berkas {name} tidak berisi nama perangkat daerah.").format(name=path.name))
            return
        self.error.hide()
        self.set_names(names)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def accept(self) -> None:
        try:
            region_opds.save(self.workspace, self.names(), template=self.template)
        except InovasiError as err:
            self._show_error(str(err))
            return
        super().accept()
