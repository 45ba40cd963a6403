"""The small dialog that asks nomor, tanggal and tentang of one evidence item (and the link of a link item).

Given what the document's heading says (`Reading`), empty fields are proposed from it, each marked
"dibaca dari dokumen" until the user changes it; what the document says against the claim (its type, the
innovation's name, a typed nomor or tanggal that differs from it) is shown as peringatan.
"""

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
from inovasi_desktop.rules.document_checks import nomor_message, tanggal_message
from inovasi_desktop.services.evidence import Metadata, Target, parse_date_text
from inovasi_desktop.services.evidence_items import normalise_link
from inovasi_desktop.services.evidence_reading import SCAN_NOTE, Reading
from inovasi_desktop.ui.editor.inputs import HARD_MAX_CHARS, DateInput
from inovasi_desktop.ui.editor.labels import MESSAGE_COLOURS, breakable, muted


def tr(text: str) -> str:
    return QApplication.translate("EvidenceMetadataDialog", text)


class MetadataDialog(QDialog):
    """Edits `item` in place on Simpan. With `ask_link`, also asks (and checks) the web address.

    `skip_all` is set when the user chose "Lewati semua" (for a run of new items).
    """

    def __init__(self, item: EvidenceItem, target: Target, parent: QWidget | None = None, *,
                 ask_link: bool = False, position: tuple[int, int] | None = None,
                 reading: Reading | None = None) -> None:
        super().__init__(parent)
        self.item, self.target, self.skip_all = item, target, False
        self.reading = reading or Reading(None)
        self.read_markers: dict[str, QLabel] = {}
        self.proposed: dict[str, str] = {}  # field -> the value read from the document
        self.setObjectName("evidenceMetadataDialog")
        title = tr("Keterangan bukti dukung")
        if position and position[1] > 1:
            title += tr(" ({n} dari {total})").format(n=position[0], total=position[1])
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        what = breakable(item.file_name or item.link or tr("bukti baru"))
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
        form.addRow(self._row_label("nomor", tr("Nomor")), self.nomor)
        self.date_input = DateInput(tr("HH-BB-TTTT, misalnya 13-01-2025"))
        if target.period:  # the calendar opens inside the evidence period of the indicator
            self.date_input.set_period(*target.period, tr("Periode bukti yang dinilai"))
        self.tanggal = self.date_input.edit
        self.tanggal.setText(item.tanggal.strftime("%d-%m-%Y") if item.tanggal else "")
        form.addRow(self._row_label("tanggal", tr("Tanggal")), self.date_input)
        self.tentang = QPlainTextEdit(item.tentang)
        self.tentang.setTabChangesFocus(True)
        self.tentang.setPlaceholderText(tr("perihal dokumen, misalnya Keputusan Kepala Dinas tentang Tim Pengelola"))
        self.tentang.setFixedHeight(72)
        form.addRow(self._row_label("tentang", tr("Tentang")), self.tentang)
        self.read_summary = muted("")
        self.read_summary.setObjectName("readSummary")
        layout.addWidget(self.read_summary)
        layout.addLayout(form)
        if target.period:
            layout.addWidget(muted(tr("Periode bukti yang dinilai: {p}.").format(p=format_period_id(*target.period))))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("metadataMessage")
        layout.addWidget(self.message)
        self.reading_notes = QLabel()
        self.reading_notes.setWordWrap(True)
        self.reading_notes.setTextFormat(Qt.TextFormat.PlainText)
        self.reading_notes.setObjectName("readingNotes")
        self.reading_notes.setStyleSheet(f"color: {MESSAGE_COLOURS[Severity.PERINGATAN]};")
        layout.addWidget(self.reading_notes)

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
        self._propose()
        self._check_date()
        self.setMinimumWidth(600)
        (self.link if ask_link and not item.link else self.nomor).setFocus(Qt.FocusReason.OtherFocusReason)
        self._ask_link = ask_link

    def _row_label(self, name: str, text: str) -> QWidget:
        """The form's row label, with a "dibaca dari dokumen" mark under it (hidden until a field is proposed)."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(QLabel(text))
        marker = QLabel(tr("dibaca dari dokumen"))
        marker.setObjectName(f"readMarker_{name}")
        marker.setStyleSheet("color: #35618f; font-size: 8pt;")
        marker.hide()
        column.addWidget(marker)
        self.read_markers[name] = marker
        return box

    def _propose(self) -> None:
        """Fill empty fields from the document's heading and mark them; say what the document is."""
        heading = self.reading.heading
        if self.reading.scan:
            self.read_summary.setText(tr(SCAN_NOTE))
        if heading is None or not heading.found_anything:
            if heading is not None:
                self.read_summary.setText(tr("Kepala dokumen ini tidak dikenali; isi keterangannya sendiri."))
            self._check_reading()
            return
        self.proposed = {"nomor": heading.nomor, "tentang": heading.tentang,
                         "tanggal": heading.tanggal.strftime("%d-%m-%Y") if heading.tanggal else ""}
        for name, widget, current in (("nomor", self.nomor, self.item.nomor),
                                      ("tanggal", self.tanggal, self.item.tanggal),
                                      ("tentang", self.tentang, self.item.tentang)):
            if self.proposed[name] and not current:
                if name == "tentang":
                    widget.setPlainText(self.proposed[name])
                else:
                    widget.setText(self.proposed[name])
                self.read_markers[name].show()
        parts = []
        if heading.type_label:
            parts.append(tr("Jenis: {t}").format(t=heading.type_label))
        if heading.issuer:
            parts.append(tr("Penerbit: {i}").format(i=heading.issuer))
        self.read_summary.setText(tr("Dibaca dari dokumen — {what}. Periksa dan ubah bila keliru.")
                                  .format(what=" · ".join(parts) or tr("nomor, tanggal, atau tentang")))
        self.nomor.textChanged.connect(self._check_reading)
        self.tanggal.textChanged.connect(self._check_reading)
        self.tentang.textChanged.connect(self._check_reading)
        self._check_reading()

    def _check_reading(self) -> None:
        """Marks follow the fields (a changed field is no longer the document's), and the peringatan follow both."""
        heading, notes = self.reading.heading, list(self.reading.notes)
        if heading is not None and self.proposed:
            values = {"nomor": self.nomor.text().strip(), "tanggal": self.tanggal.text().strip(),
                      "tentang": self.tentang.toPlainText().strip()}
            for name, marker in self.read_markers.items():
                marker.setVisible(bool(self.proposed[name]) and values[name] == self.proposed[name])
            typed = parse_date_text(values["tanggal"]) if values["tanggal"] else None
            notes += [m[0].upper() + m[1:] + "." for m in (nomor_message(values["nomor"], heading),
                                                            tanggal_message(typed, heading)) if m]
        self.reading_notes.setText("\n".join(tr("Peringatan: {n}").format(n=n) for n in notes))
        self.reading_notes.setVisible(bool(notes))

    def _show(self, text: str, colour: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))  # an empty message leaves no gap above the peringatan
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
