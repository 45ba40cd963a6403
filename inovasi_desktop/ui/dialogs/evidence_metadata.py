"""The small dialog that asks nomor, tanggal and tentang of one evidence item (and the link of a link item)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inovasi_desktop.domain import EvidenceItem, InovasiError, Severity
from inovasi_desktop.rules import format_date_id, format_period_id
from inovasi_desktop.services.evidence import Metadata, Target, parse_date_text
from inovasi_desktop.services.evidence_items import normalise_link
from inovasi_desktop.ui.editor.inputs import HARD_MAX_CHARS, DateInput
from inovasi_desktop.ui.editor.labels import MESSAGE_COLOURS, muted


def tr(text: str) -> str:
    return QApplication.translate("EvidenceMetadataDialog", text)


class MetadataDialog(QDialog):
    """Edits `item` in place on Simpan. With `ask_link`, also asks (and checks) the web address.

    `skip_all` is set when the user chose "Lewati semua" (for a run of new items).
    """

    def __init__(self, item: EvidenceItem, target: Target, parent: QWidget | None = None, *,
                 ask_link: bool = False, position: tuple[int, int] | None = None) -> None:
        super().__init__(parent)
        self.item, self.target, self.skip_all = item, target, False
        self.setObjectName("evidenceMetadataDialog")
        title = tr("Keterangan bukti dukung")
        if position and position[1] > 1:
            title += tr(" ({n} dari {total})").format(n=position[0], total=position[1])
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        what = item.file_name or item.link or tr("bukti baru")
        layout.addWidget(muted(tr("{place}: {what}").format(place=target.label.capitalize(), what=what)))
        form = QFormLayout()
        self.link = QLineEdit(item.link or "", self)  # a child even when not asked, so it goes with the dialog
        self.link.setPlaceholderText(tr("https://… (misalnya tautan video di YouTube atau Google Drive)"))
        if ask_link:
            form.addRow(tr("Tautan"), self.link)
        else:
            self.link.hide()
        self.nomor = QLineEdit(item.nomor)
        self.nomor.setPlaceholderText(tr("misalnya 188/037/416-109/2025"))
        self.nomor.setMaxLength(HARD_MAX_CHARS)
        form.addRow(tr("Nomor"), self.nomor)
        self.date_input = DateInput(tr("HH-BB-TTTT, misalnya 13-01-2025"))
        if target.period:  # the calendar opens inside the evidence period of the indicator
            self.date_input.set_period(*target.period, tr("Periode bukti yang dinilai"))
        self.tanggal = self.date_input.edit
        self.tanggal.setText(item.tanggal.strftime("%d-%m-%Y") if item.tanggal else "")
        form.addRow(tr("Tanggal"), self.date_input)
        self.tentang = QPlainTextEdit(item.tentang)
        self.tentang.setTabChangesFocus(True)
        self.tentang.setPlaceholderText(tr("perihal dokumen, misalnya Keputusan Kepala Dinas tentang Tim Pengelola"))
        self.tentang.setFixedHeight(72)
        form.addRow(tr("Tentang"), self.tentang)
        layout.addLayout(form)
        if target.period:
            layout.addWidget(muted(tr("Periode bukti yang dinilai: {p}.").format(p=format_period_id(*target.period))))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("metadataMessage")
        layout.addWidget(self.message)

        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(tr("Simpan"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.later_button = self.buttons.addButton(tr("Isi nanti"), QDialogButtonBox.ButtonRole.RejectRole)
        self.skip_all_button: QPushButton | None = None
        if position and position[0] < position[1]:
            self.skip_all_button = self.buttons.addButton(tr("Lewati semua"), QDialogButtonBox.ButtonRole.RejectRole)
            self.skip_all_button.clicked.connect(self._skip_all)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.later_button.clicked.connect(self.reject)
        layout.addWidget(self.buttons)
        self.tanggal.textChanged.connect(self._check_date)
        self._check_date()
        self.setMinimumWidth(560)
        (self.link if ask_link and not item.link else self.nomor).setFocus(Qt.FocusReason.OtherFocusReason)
        self._ask_link = ask_link

    def _show(self, text: str, colour: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {colour};")

    def _check_date(self) -> bool:
        text = self.tanggal.text().strip()
        parsed = parse_date_text(text) if text else None
        if text and parsed is None:
            self._show(tr("Tanggal belum sah: tulis HH-BB-TTTT, misalnya 13-01-2025."), MESSAGE_COLOURS[Severity.GALAT])
            return False
        period = self.target.period
        if parsed and period and not period[0] <= parsed <= period[1]:
            self._show(tr("Tanggal {d} di luar periode bukti {p}: bukti ini tidak dihitung pada skor.")
                       .format(d=format_date_id(parsed), p=format_period_id(*period)),
                       MESSAGE_COLOURS[Severity.PERINGATAN])
        else:
            self._show("", "#555")
        return True

    def save(self) -> None:
        if not self._check_date():
            self.tanggal.setFocus()
            return
        text = self.tanggal.text().strip()
        metadata = Metadata(self.nomor.text(), parse_date_text(text) if text else None, self.tentang.toPlainText())
        try:
            link = normalise_link(self.link.text()) if self._ask_link else None
            metadata.cleaned()
        except InovasiError as err:
            self._show(str(err), MESSAGE_COLOURS[Severity.GALAT])
            return
        metadata.apply(self.item)
        if self._ask_link:
            self.item.link = link
        self.accept()

    def _skip_all(self) -> None:
        self.skip_all = True
        self.reject()
