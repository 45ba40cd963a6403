"""The SPD form: the catalogue's region-level indicators with their levels, scores, the evidence that counts,
and "perlu dikonfirmasi" where the catalogue is unsure; filled once for the region by Bappeda/BRIDA."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGroupBox,
    QLabel,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from inovasi_desktop.catalogue.model import UNCONFIRMED_LABEL, Catalogue
from inovasi_desktop.domain.errors import InovasiError
from inovasi_desktop.rules.format import format_number_id
from inovasi_desktop.rules.region import spd_score
from inovasi_desktop.services import monitoring
from inovasi_desktop.services.workspace import Workspace
from inovasi_desktop.ui.monitoring.opd_model import tr

NONE = 0  # the button id of "not answered"


class SpdDialog(QDialog):
    def __init__(self, workspace: Workspace, catalogue: Catalogue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace, self.catalogue = workspace, catalogue
        self.setWindowTitle(tr("Isian SPD — {title}").format(title=catalogue.title))
        levels = monitoring.spd_levels(workspace, catalogue.id)
        intro = QLabel(tr("Indikator Satuan Pemerintahan Daerah (SPD) diisi sekali untuk seluruh daerah. Skor setiap "
                          "baris adalah bobot dikali tingkat; jumlahnya paling banyak {max}.").format(
            max=format_number_id(catalogue.spd_max)))
        intro.setWordWrap(True)
        self.total = QLabel()
        self.total.setObjectName("spdTotal")
        self.total.setStyleSheet("font-weight: 600;")
        inner = QWidget()
        rows = QVBoxLayout(inner)
        self.groups: dict[str, QButtonGroup] = {}
        self.boxes: dict[str, QGroupBox] = {}
        for row in catalogue.spd_indicators:
            box = QGroupBox(f"{row.number}. {row.name}")
            box.setObjectName(f"spd_{row.number}")
            layout = QVBoxLayout(box)
            facts = tr("{variable} · bobot {weight}{mandatory}").format(
                variable=row.variable, weight=format_number_id(row.weight),
                mandatory=tr(" · wajib") if row.mandatory else "")
            if row.unconfirmed:
                facts += f" · <b style='color:#8a5a00'>{tr(UNCONFIRMED_LABEL)}</b>"
            info = QLabel(facts)
            info.setTextFormat(Qt.TextFormat.RichText)
            layout.addWidget(info)
            group = QButtonGroup(box)
            none = QRadioButton(tr("Belum diisi"))
            group.addButton(none, NONE)
            layout.addWidget(none)
            for level in row.levels:
                button = QRadioButton(tr("Tingkat {n}: {text} (skor {score})").format(
                    n=level.level, text=level.text, score=format_number_id(level.score)))
                group.addButton(button, level.level)
                layout.addWidget(button)
            (group.button(levels.get(row.number, NONE)) or none).setChecked(True)
            group.idToggled.connect(lambda *_: self._update_total())
            if row.evidence:
                evidence = QLabel(tr("Bukti yang dihitung: {text}").format(text=row.evidence))
                evidence.setWordWrap(True)
                evidence.setStyleSheet("color: #555;")
                layout.addWidget(evidence)
            self.groups[row.number], self.boxes[row.number] = group, box
            rows.addWidget(box)
        rows.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(inner)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(tr("Simpan"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Batal"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.total)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(760, 640)
        self._update_total()

    def levels(self) -> dict[str, int]:
        return {number: group.checkedId() for number, group in self.groups.items() if group.checkedId() > 0}

    def show_row(self, number: str) -> None:
        box = self.boxes.get(number)
        if box is not None:
            self.scroll.ensureWidgetVisible(box)
            (self.groups[number].checkedButton() or box).setFocus()

    def _update_total(self) -> None:
        self.total.setText(tr("Skor SPD: {score} dari {max} · {n} dari {all} baris diisi").format(
            score=format_number_id(spd_score(self.catalogue, self.levels())),
            max=format_number_id(self.catalogue.spd_max), n=len(self.levels()),
            all=len(self.catalogue.spd_indicators)))

    def accept(self) -> None:
        try:
            monitoring.save_spd_levels(self.workspace, self.catalogue.id, self.levels())
        except InovasiError as err:
            self.error.setText(str(err))
            self.error.show()
            return
        super().accept()
