"""The final "Kesiapan" step: every finding, clickable to jump to its field or indicator."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QApplication,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inovasi_desktop.catalogue import Catalogue
from inovasi_desktop.domain import Finding, Severity
from inovasi_desktop.rules import Readiness, format_number_id
from inovasi_desktop.rules.scoring import InnovationScore
from inovasi_desktop.ui.editor.labels import MESSAGE_COLOURS, page_title
from inovasi_desktop.ui.editor.wrapping import wrap_rows

WHERE_ROLE = Qt.ItemDataRole.UserRole + 1
ORDER = {Severity.GALAT: 0, Severity.PERINGATAN: 1, Severity.INFO: 2}


def tr(text: str) -> str:
    return QApplication.translate("ReadinessPage", text)


class ReadinessPage(QWidget):
    jump_requested = Signal(str)  # a finding's `where`
    verify_requested = Signal()  # re-hash this innovation's stored evidence files

    def __init__(self, catalogue: Catalogue) -> None:
        super().__init__()
        self.catalogue = catalogue
        self.setObjectName("step_kesiapan")
        layout = QVBoxLayout(self)
        layout.addWidget(page_title(tr("Kesiapan")))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        hint = QLabel(tr("Klik dua kali (atau tekan Enter) pada temuan untuk menuju isian atau indikatornya."))
        hint.setStyleSheet("color: #555;")
        layout.addWidget(hint)
        self.findings = QTreeWidget()
        self.findings.setObjectName("findings")
        self.findings.setHeaderHidden(True)
        self.findings.setUniformRowHeights(False)
        wrap_rows(self.findings)
        self.findings.itemActivated.connect(self._jump)
        self.findings.itemDoubleClicked.connect(self._jump)
        layout.addWidget(self.findings, 1)
        layout.addWidget(self._store_box())

    def _store_box(self) -> QGroupBox:
        box = QGroupBox(tr("Pemeriksaan berkas bukti"))
        self.store_problems = QListWidget()
        self.store_problems.setObjectName("storeProblems")
        wrap_rows(self.store_problems, self._fit_store_problems)
        self.store_problems.itemActivated.connect(self._jump_store)
        self.store_problems.itemDoubleClicked.connect(self._jump_store)
        self.store_status = QLabel()
        self.store_status.setWordWrap(True)
        self.verify_button = QPushButton(tr("Periksa ulang berkas bukti"))
        self.verify_button.setToolTip(tr("Hitung ulang sidik setiap berkas bukti inovasi ini untuk menemukan berkas "
                                         "yang hilang atau berubah"))
        self.verify_button.clicked.connect(self.verify_requested)
        row = QHBoxLayout()
        row.addWidget(self.store_status, 1)
        row.addWidget(self.verify_button)
        layout = QVBoxLayout(box)
        layout.addLayout(row)
        layout.addWidget(self.store_problems)
        self.store_problems.hide()
        return box

    def show_store_problems(self, problems: list, note: str = "", checking: int = 0) -> None:
        """`problems`: services.evidence_upkeep.ItemProblem (place, where, item, severity, message, state);
        `checking`: how many files are still being checked in the background (their problems come later)."""
        self.store_problems.clear()
        for problem in problems:
            name = problem.item.file_name or problem.item.tentang or tr("(tanpa nama)")
            entry = QListWidgetItem(f"{problem.place} · {name}: {problem.message}")
            entry.setData(WHERE_ROLE, problem.where)
            entry.setForeground(QBrush(QColor(MESSAGE_COLOURS[problem.severity])))
            entry.setToolTip(problem.message)
            self.store_problems.addItem(entry)
        self._fit_store_problems()
        self.store_problems.setVisible(bool(problems))
        broken = sum(1 for p in problems if p.state != "ok")
        parts = []
        if broken:
            parts.append(f"<span style='color:{MESSAGE_COLOURS[Severity.GALAT]}'>" + tr(
                "{n} berkas bukti hilang atau berubah; bukti itu tidak dihitung sampai dilampirkan ulang.").format(
                n=broken) + "</span>")
        if len(problems) > broken:
            parts.append(f"<span style='color:{MESSAGE_COLOURS[Severity.PERINGATAN]}'>" + tr(
                "{n} temuan pemeriksaan berkas (ukuran, isi, atau daerah) perlu dilihat.").format(
                n=len(problems) - broken) + "</span>")
        if checking:
            parts.append(tr("Memeriksa {n} berkas bukti…").format(n=checking))
        elif not parts:
            parts.append("<span style='color:#1b6e20'>" + tr("Semua berkas bukti ada di penyimpanan dan lolos "
                                                           "pemeriksaan.") + "</span>")
        self.store_status.setText("<br>".join(parts + ([note] if note else [])))

    def _fit_store_problems(self) -> None:
        """Tall enough for the first five problems, each wrapped to the list's width; more scroll."""
        rows = [self.store_problems.sizeHintForRow(i) for i in range(min(self.store_problems.count(), 5))]
        self.store_problems.setFixedHeight(sum(rows) + 2 * self.store_problems.frameWidth() + 4)

    def _jump_store(self, item: QListWidgetItem) -> None:
        where = item.data(WHERE_ROLE)
        if where:
            self.jump_requested.emit(where)

    def _place(self, where: str) -> str:
        number = Finding(Severity.INFO, where, "").indicator_number
        if number is not None:
            indicator = self.catalogue.indicator(number)
            return tr("Indikator {n}").format(n=number) + (f" ({indicator.name})" if indicator else "")
        field = self.catalogue.field(where.split(".", 1)[0])
        return field.label if field else where

    def show_result(self, readiness: Readiness, score: InnovationScore, checking: bool = False) -> None:
        """`checking`: evidence files are still being checked in the background, so readiness is not known yet."""
        state = tr("<b style='color:#1b6e20'>Siap dikirim.</b>") if readiness.ready else tr(
            "<b style='color:#b00020'>Belum siap:</b> perbaiki semua galat di bawah ini.")
        if checking and readiness.ready:
            state = tr("<b>Berkas bukti sedang diperiksa;</b> kesiapan diketahui setelah pemeriksaan selesai.")
        self.summary.setText(
            f"{state}<br>{readiness.label}. "
            + tr("Skor diklaim {c} dan skor didukung bukti {b} dari maksimal {m}.").format(
                c=format_number_id(score.claimed, 0), b=format_number_id(score.backed, 0),
                m=format_number_id(score.maximum, 0)))
        self.findings.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        for finding in sorted(readiness.findings, key=lambda f: ORDER[f.severity]):
            place = finding.where.split(".", 1)[0]
            group = groups.get(place)
            if group is None:
                group = QTreeWidgetItem(self.findings, [self._place(finding.where)])
                group.setData(0, WHERE_ROLE, finding.where)
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                groups[place] = group
            item = QTreeWidgetItem(group, [f"{finding.severity.label}: {finding.message}"])
            item.setData(0, WHERE_ROLE, finding.where)
            item.setForeground(0, QBrush(QColor(MESSAGE_COLOURS[finding.severity])))
            item.setToolTip(0, finding.message)
        self.findings.expandAll()
        if not readiness.findings:
            QTreeWidgetItem(self.findings, [tr("Tidak ada temuan. Semua isian dan bukti sudah lengkap.")])

    def _jump(self, item: QTreeWidgetItem) -> None:
        where = item.data(0, WHERE_ROLE)
        if where:
            self.jump_requested.emit(where)
