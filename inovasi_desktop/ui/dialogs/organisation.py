"""Organisation settings: asked once at first start, editable later."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from inovasi_desktop.domain.errors import InovasiError
from inovasi_desktop.services import evidence_status, organisation
from inovasi_desktop.services.workspace import Workspace
from inovasi_desktop.ui.editor.inputs import wheel_only_when_focused


def tr(text: str) -> str:
    return QApplication.translate("OrganisationDialog", text)


FIELDS = (
    ("pemda", "Pemda (kabupaten/kota)", "contoh: Kabupaten Mojokerto"),
    ("provinsi", "Provinsi", "contoh: Jawa Timur"),
    ("opd", "Nama OPD", "contoh: Dinas Kesehatan"),
    ("contact_name", "Narahubung", "nama petugas yang dapat dihubungi"),
    ("contact_phone", "Telepon narahubung", ""),
    ("contact_email", "Surel narahubung", ""),
    ("head_name", "Nama kepala OPD", "beserta gelar"),
    ("head_nip", "NIP kepala OPD", "18 angka"),
    ("head_position", "Jabatan kepala OPD", "contoh: Kepala Dinas Kesehatan"),
)


class OrganisationDialog(QDialog):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setWindowTitle(tr("Data organisasi"))
        self.original = organisation.get(workspace)
        intro = QLabel(tr("Data ini dipakai di sampul dan lembar pengesahan berkas inovasi. "
                          "Isian bertanda * wajib diisi."))
        intro.setWordWrap(True)
        form = QFormLayout()
        self.edits: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        required = {"pemda", "opd", "head_name", "head_nip"}
        for attr, label, placeholder in FIELDS:
            edit = QLineEdit(getattr(self.original, attr))
            edit.setPlaceholderText(tr(placeholder))
            edit.setMaxLength(organisation.MAX_LENGTH)
            edit.textChanged.connect(self._validate)
            error = QLabel()
            error.setStyleSheet("color: #b00020;")
            self.edits[attr], self.errors[attr] = edit, error
            form.addRow(tr(label) + (" *" if attr in required else ""), edit)
            form.addRow("", error)
            form.setRowVisible(error, False)  # a hidden row takes no spacing either
        self.form = form
        from inovasi_desktop.domain.model import ROLE_COORDINATOR, ROLE_OPD

        self.role = wheel_only_when_focused(QComboBox())
        self.role.setObjectName("roleCombo")
        self.role.addItem(tr("Perangkat daerah (OPD) yang menyusun inovasinya"), ROLE_OPD)
        self.role.addItem(tr("Koordinator daerah (Bappeda/BRIDA) yang memantau semua OPD"), ROLE_COORDINATOR)
        self.role.setCurrentIndex(max(0, self.role.findData(self.original.role)))
        self.role.setToolTip(tr("Koordinator daerah menerima kiriman dari setiap OPD, mengisi indikator SPD, dan "
                                "membuat rekap pemantauan untuk kepala daerah"))
        form.insertRow(0, tr("Peran"), self.role)
        self.catalogue = wheel_only_when_focused(QComboBox())
        for cat in workspace.catalogues.all:
            self.catalogue.addItem(f"{cat.title} ({cat.id})", cat.id)
        current = self.original.default_catalogue or workspace.catalogues.default.id
        self.catalogue.setCurrentIndex(max(0, self.catalogue.findData(current)))
        form.addRow(tr("Katalog bawaan"), self.catalogue)
        self.size_cap = wheel_only_when_focused(QDoubleSpinBox())
        self.size_cap.setRange(0.1, 1000.0)
        self.size_cap.setDecimals(1)
        self.size_cap.setSuffix(" MB")
        self.size_cap.setValue(evidence_status.max_bytes(workspace) / 2**20)
        self.size_cap.setToolTip(tr("Berkas bukti yang lebih besar diberi peringatan; portal daerah umumnya "
                                    "membatasi 2 MB per berkas."))
        form.addRow(tr("Batas ukuran per berkas bukti"), self.size_cap)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(tr("Simpan"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Batal"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())
        self._validate()

    def value(self):
        values = {attr: edit.text().strip() for attr, edit in self.edits.items()}
        return replace(self.original, default_catalogue=self.catalogue.currentData(), role=self.role.currentData(),
                       **values)

    def _validate(self) -> bool:
        found = organisation.problems(self.value())
        for attr, label in self.errors.items():
            touched = bool(self.edits[attr].text()) or self.edits[attr].isModified()
            message = found.get(attr, "") if touched else ""
            label.setText(tr(message))
            self._show_error_row(label, bool(message))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not found)
        return not found

    def _show_error_row(self, label: QLabel, visible: bool) -> None:
        if self.form.isRowVisible(label) == visible:
            return
        self.form.setRowVisible(label, visible)
        if not visible and self.isVisible():  # close up again, so that the buttons come back under the pointer
            self.layout().activate()
            self.resize(self.width(), self.sizeHint().height())

    def accept(self) -> None:
        if not self._validate():
            return
        try:
            organisation.save(self.workspace, self.value())
            evidence_status.set_max_bytes(self.workspace, round(self.size_cap.value() * 2**20))
        except InovasiError as err:
            self.errors["pemda"].setText(str(err))
            self._show_error_row(self.errors["pemda"], True)
            return
        super().accept()
