"""'Paket unggah portal…': choose the folder and the upload cap, make the package in the background
(progress and cancel), then show what to upload where and open the folder."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from inovasi_desktop.domain.errors import InovasiError
from inovasi_desktop.export.portal.model import READY, TOO_BIG
from inovasi_desktop.export.portal.names import CHECKLIST
from inovasi_desktop.rules.format import format_size_id
from inovasi_desktop.services import evidence_status, portal_package
from inovasi_desktop.services.workspace import Workspace
from inovasi_desktop.ui.editor.inputs import wheel_only_when_focused
from inovasi_desktop.ui.screen_fit import resize_within_screen
from inovasi_desktop.ui.tasks import Operation, TaskRunner
from inovasi_desktop.ui.user_folders import documents_folder

MB = 1024 * 1024


def tr(text: str) -> str:
    return QApplication.translate("PortalPackageDialog", text)


class PortalPackageDialog(QDialog):
    def __init__(self, ws: Workspace, runner: TaskRunner, innovation_id: str, name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws, self.runner, self.innovation_id, self.name = ws, runner, innovation_id, name
        self.operation: Operation | None = None
        self.result = None
        self.setWindowTitle(tr("Paket unggah portal"))
        self.pages = QStackedWidget()
        self.pages.addWidget(self._form_page())
        self.pages.addWidget(self._result_page())
        self.buttons = QDialogButtonBox()
        self.make_button = self.buttons.addButton(tr("Buat paket"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button = self.buttons.addButton(tr("Buka folder"), QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        self.make_button.clicked.connect(self.make)
        self.open_button.clicked.connect(self.open_folder)
        self.close_button.clicked.connect(self.reject)
        self.open_button.hide()
        self.make_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(self.buttons)
        self.resize(680, self.sizeHint().height())

    def _form_page(self) -> QWidget:
        page = QWidget()
        intro = QLabel(tr("Untuk <b>{name}</b>: satu PDF bukti dukung per indikator, masing-masing di bawah batas "
                          "unggah portal (foto dan pindaian diperkecil bila perlu), isian profil yang mudah disalin, "
                          "dan daftar unggah.").format(name=escape(self.name or tr("(tanpa nama)"))))
        intro.setWordWrap(True)
        start = documents_folder()
        self.folder_edit = QLineEdit(str(portal_package.suggested_folder(start, self.name)))
        self.folder_edit.setToolTip(tr("Folder baru yang akan dibuat untuk paket ini"))
        self.choose_button = QPushButton(tr("Pilih…"))
        self.choose_button.clicked.connect(self.choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.choose_button)
        self.cap = wheel_only_when_focused(QDoubleSpinBox())
        self.cap.setRange(0.1, 1000.0)
        self.cap.setDecimals(1)
        self.cap.setSingleStep(0.5)
        self.cap.setSuffix(" MB")
        self.cap.setValue(evidence_status.max_bytes(self.ws) / MB)
        self.cap.setToolTip(tr("Ukuran terbesar satu berkas yang diterima portal; umumnya 2 MB"))
        form = QFormLayout()
        form.addRow(tr("Folder paket"), folder_row)
        form.addRow(tr("Batas unggah per berkas"), self.cap)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.hide()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        return page

    def _result_page(self) -> QWidget:
        page = QWidget()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.report = QTextBrowser()
        self.report.setOpenLinks(False)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.report, 1)
        return page

    # --- actions ---------------------------------------------------------------------------
    def choose_folder(self) -> None:
        current = Path(self.folder_edit.text().strip() or Path.home())
        parent = QFileDialog.getExistingDirectory(self, tr("Pilih tempat folder paket"), str(current.parent))
        if parent:
            self.folder_edit.setText(str(portal_package.suggested_folder(Path(parent), self.name)))

    def make(self) -> None:
        text = self.folder_edit.text().strip()
        if not text:
            self._show_message(tr("Tentukan folder paket terlebih dahulu."))
            return
        target, cap = Path(text), round(self.cap.value() * MB)
        ws, iid = self.ws, self.innovation_id
        self.message.hide()
        self.make_button.setEnabled(False)

        def work(control):
            return portal_package.make_package(ws, iid, target, cap_bytes=cap, progress=control.progress,
                                               cancelled=control.cancelled)

        self.operation = Operation(work, parent=self, on_success=self._made, on_failure=self._failed,
                                   on_cancel=self._cancelled, on_end=lambda: self.make_button.setEnabled(True))
        self.operation.with_progress(tr("Menyiapkan paket unggah…"), title=tr("Paket unggah portal"),
                                     delay_ms=0).run(self.runner)

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def _failed(self, err: InovasiError) -> None:
        self._show_message(str(err))

    def _cancelled(self) -> None:
        self._show_message(tr("Dibatalkan. Tidak ada berkas yang ditulis."))

    def _made(self, result) -> None:
        self.result = result
        ready = sum(1 for row in result.rows if row.status == READY)
        over = [row for row in result.rows if row.status == TOO_BIG]
        text = tr("Paket ditulis di <b>{folder}</b>: {n} berkas siap diunggah, batas {cap} per berkas.").format(
            folder=escape(str(result.folder)), n=ready, cap=format_size_id(result.cap_bytes))
        if over:
            text += " " + tr("<span style='color:#b00020'><b>{n} berkas melebihi batas</b>; lihat keterangannya "
                             "di bawah.</span>").format(n=len(over))
        self.summary.setText(text)
        self.report.setHtml(_report_html(result))
        self.pages.setCurrentIndex(1)
        self.make_button.hide()
        self.open_button.show()
        self.close_button.setText(tr("Tutup"))
        resize_within_screen(self, max(self.width(), 860), max(self.height(), 560))

    def open_folder(self) -> None:
        if self.result is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.result.folder)))

    def reject(self) -> None:
        if self.operation is not None and not self.operation.done:
            self.operation.cancel()
        super().reject()


def _report_html(result) -> str:
    rows = []
    for row in result.rows:
        colour = {"siap": "#1f7a3d", "terlalu_besar": "#b00020"}.get(row.status, "#555f6b")
        size = format_size_id(row.size) if row.file_name else ""
        detail = f"<br><small>{escape(row.message)}</small>" if row.message else ""
        rows.append(f"<tr><td><b>{escape(row.place)}</b></td><td>{escape(row.file_name) or '&mdash;'}</td>"
                    f"<td align='right'>{escape(size)}</td>"
                    f"<td><span style='color:{colour}'>{escape(row.status_label)}</span>{detail}</td></tr>")
    head = (f"<p>{escape(tr('Daftar lengkapnya ada di berkas'))} <b>{escape(CHECKLIST)}.html</b> "
            f"{escape(tr('di folder paket.'))}</p>")
    return (head + "<table cellspacing='0' cellpadding='4' border='1' style='border-collapse:collapse' width='100%'>"
            f"<tr><th>{escape(tr('Unggah di'))}</th><th>{escape(tr('Berkas'))}</th><th>{escape(tr('Ukuran'))}</th>"
            f"<th>{escape(tr('Status'))}</th></tr>" + "".join(rows) + "</table>")
