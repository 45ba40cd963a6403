"""One indicator page: what it asks, the three levels to choose from, help, notes and evidence."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QComboBox,
    QFrame,
    QGroupBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from inovasi_desktop.catalogue import UNCONFIRMED_LABEL, Catalogue, Indicator
from inovasi_desktop.catalogue.evidence_kinds import KINDS
from inovasi_desktop.domain import IndicatorAnswer
from inovasi_desktop.domain.text import clean_text
from inovasi_desktop.rules import format_number_id, format_period_id
from inovasi_desktop.ui.editor.evidence_panel import EvidencePanel
from inovasi_desktop.ui.editor.field_widgets import PlainText
from inovasi_desktop.ui.editor.inputs import wheel_only_when_focused
from inovasi_desktop.ui.editor.labels import muted, page_title

KIND_LABELS = {kind.key: kind.name for kind in KINDS}


def tr(text: str) -> str:
    return QApplication.translate("IndicatorPage", text)


class IndicatorPage(QWidget):
    changed = Signal()

    def __init__(self, catalogue: Catalogue, indicator: Indicator) -> None:
        super().__init__()
        self.indicator = indicator
        self.revealed = False  # findings are shown once a level, basis or evidence was given, or the step left
        self.setObjectName(f"indicator_{indicator.number}")
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addWidget(page_title(tr("Indikator {n}: {name}").format(n=indicator.number, name=indicator.name)))
        facts = [tr("Bobot {w}").format(w=format_number_id(indicator.weight, 0)),
                 tr("skor maksimal {m}").format(m=format_number_id(indicator.max_score, 0)),
                 tr("variabel {v}").format(v=indicator.variable)]
        facts.insert(0, tr("<b>Wajib</b>") if indicator.mandatory else tr("Tidak wajib"))
        if indicator.unconfirmed:
            facts.append(f"<span style='color:#8a5a00'>{tr(UNCONFIRMED_LABEL)}</span>")
        layout.addWidget(QLabel(" · ".join(facts)))

        self.basis = None
        if indicator.bases:
            self.basis = wheel_only_when_focused(QComboBox())
            self.basis.addItem(tr("— pilih basis pengukuran —"), "")
            for basis in indicator.bases:
                self.basis.addItem(f"{basis.key}. {basis.label}", basis.key)
            self.basis.currentIndexChanged.connect(self._on_basis)
            layout.addWidget(QLabel(tr("<b>Basis pengukuran</b>")))
            layout.addWidget(self.basis)

        levels_box = QGroupBox(tr("Pilih tingkat yang sesuai dengan bukti Anda"))
        levels_layout = QVBoxLayout(levels_box)
        self.level_group = QButtonGroup(self)
        self.none_button = QRadioButton(tr("Belum dijawab"))
        self.level_group.addButton(self.none_button, 0)
        levels_layout.addWidget(self.none_button)
        self.level_buttons: dict[int, QRadioButton] = {}
        for level in indicator.levels:
            button = QRadioButton()
            button.setObjectName(f"level_{level.level}")
            self.level_group.addButton(button, level.level)
            levels_layout.addWidget(button)
            self.level_buttons[level.level] = button
        self._set_level_texts(None)
        self.level_group.idToggled.connect(lambda _id, checked: checked and self._answered())
        layout.addWidget(levels_box)

        start, end = catalogue.evidence_period(indicator)
        kinds = ", ".join(KIND_LABELS.get(k, k) for k in indicator.accepts)
        evidence_box = QGroupBox(tr("Bukti dukung"))
        evidence_layout = QVBoxLayout(evidence_box)
        evidence_layout.addWidget(muted(tr("Yang dihitung: {text}").format(text=indicator.evidence)))
        evidence_layout.addWidget(muted(tr("Jenis berkas: {kinds}. Periode bukti yang dihitung: {period}.").format(
            kinds=kinds, period=format_period_id(start, end))))
        self.evidence = EvidencePanel(accepts=indicator.accepts)
        self.evidence.changed.connect(self._answered)
        evidence_layout.addWidget(self.evidence)
        layout.addWidget(evidence_box)

        help_box = QFrame()
        help_box.setFrameShape(QFrame.Shape.StyledPanel)
        help_box.setStyleSheet("QFrame { background: #f3f6fa; border-radius: 4px; }")
        help_layout = QVBoxLayout(help_box)
        help_layout.addWidget(QLabel(tr("<b>Petunjuk</b>")))
        help_layout.addWidget(muted(indicator.help))
        layout.addWidget(help_box)

        layout.addWidget(QLabel(tr("<b>Catatan</b> (tidak dinilai, untuk tim Anda)")))
        self.notes = PlainText()
        self.notes.setMaximumHeight(80)
        self.notes.textChanged.connect(self.changed)
        layout.addWidget(self.notes)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)
        layout.addStretch(1)

    def _set_level_texts(self, basis_key: str | None) -> None:
        basis = self.indicator.basis(basis_key)
        for level in self.indicator.levels:
            text = basis.levels[level.level - 1] if basis else level.text
            self.level_buttons[level.level].setText(
                tr("Tingkat {n}: {text} (skor {score})").format(
                    n=level.level, text=text, score=format_number_id(level.score, 0)))

    def _on_basis(self) -> None:
        self._set_level_texts(self.basis.currentData())
        self._answered()

    def _answered(self) -> None:
        self.revealed = True
        self.changed.emit()

    def load(self, answer: IndicatorAnswer) -> None:
        for widget in (self.level_group, self.notes) + ((self.basis,) if self.basis else ()):
            widget.blockSignals(True)
        (self.level_buttons.get(answer.level) or self.none_button).setChecked(True)
        self.notes.setPlainText(answer.notes)
        if self.basis is not None:
            self.basis.setCurrentIndex(max(0, self.basis.findData(answer.basis or "")))
            self._set_level_texts(answer.basis)
        for widget in (self.level_group, self.notes) + ((self.basis,) if self.basis else ()):
            widget.blockSignals(False)
        self.evidence.set_items(answer.evidence)
        self.revealed = bool(answer.level is not None or answer.basis or answer.evidence or answer.notes.strip())

    def show_answer(self, answer: IndicatorAnswer) -> None:
        """Show an answer changed elsewhere; level, notes and basis are set again only when they differ."""
        shown = IndicatorAnswer(answer.number, basis=answer.basis)
        self.store(shown)
        if (shown.level, shown.notes, shown.basis) != (answer.level, answer.notes, answer.basis):
            self.load(answer)
        else:
            self.evidence.set_items(answer.evidence)

    def store(self, answer: IndicatorAnswer) -> None:
        level = self.level_group.checkedId()
        answer.level = level if level > 0 else None
        answer.notes = clean_text(self.notes.toPlainText()).strip()
        if self.basis is not None:
            answer.basis = self.basis.currentData() or None

    def set_messages(self, lines: list[tuple[str, str]]) -> None:
        """Findings for this indicator as (colour, text) pairs."""
        self.message.setTextFormat(Qt.TextFormat.RichText)
        self.message.setText("<br>".join(f"<span style='color:{c}'>{html.escape(t)}</span>" for c, t in lines))
        self.message.setVisible(bool(lines))
