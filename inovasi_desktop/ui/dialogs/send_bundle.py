"""'Kirim…': send innovations with their evidence as a bundle (*.inovasi) to a USB stick, by email, or to a
folder, in one dialog. The writing runs in the background with progress and cancel; then the dialog says
what was written (USB: read back and checked, the stick may be removed; email: the mail program opens with
subject and body, and the folder with the files to attach)."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QUrl, QUrlQuery
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from inovasi_desktop.domain.errors import InovasiError
from inovasi_desktop.rules.format import format_size_id
from inovasi_desktop.services import bundles, organisation
from inovasi_desktop.services.workspace import Workspace
from inovasi_desktop.ui import removable_drives
from inovasi_desktop.ui.tasks import Operation, TaskRunner
from inovasi_desktop.ui.user_folders import documents_folder

USB, EMAIL, FOLDER = 0, 1, 2


def tr(text: str) -> str:
    return QApplication.translate("SendBundleDialog", text)


def open_url(url: QUrl) -> bool:
    """The one door to the desktop (mail program, file manager); tests replace it."""
    return QDesktopServices.openUrl(url)


class SendBundleDialog(QDialog):
    def __init__(self, ws: Workspace, runner: TaskRunner, selected: dict[str, str], everything: dict[str, str],
                 parent: QWidget | None = None) -> None:
        """`selected` and `everything`: id -> name of the innovations selected in the list and of all of them."""
        super().__init__(parent)
        self.ws, self.runner = ws, runner
        self.selected, self.everything = dict(selected or everything), dict(everything)
        self.operation: Operation | None = None
        self.result: bundles.SendResult | None = None
        self.setWindowTitle(tr("Kirim inovasi"))
        self.opd = organisation.get(ws).opd
        self.pages = QStackedWidget()
        self.pages.addWidget(self._form_page())
        self.pages.addWidget(self._result_page())
        self.buttons = QDialogButtonBox()
        self.send_button = self.buttons.addButton(tr("Kirim"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.mail_button = self.buttons.addButton(tr("Tulis surel"), QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button = self.buttons.addButton(tr("Buka folder"), QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        self.send_button.clicked.connect(self.send)
        self.mail_button.clicked.connect(self._mail_clicked)
        self.open_button.clicked.connect(self.open_folder)
        self.close_button.clicked.connect(self.reject)
        self.mail_button.hide()
        self.open_button.hide()
        self.send_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(self.buttons)
        self.refresh_drives()
        self.resize(720, 520)

    # --- layout -----------------------------------------------------------------------------
    def _form_page(self) -> QWidget:
        page = QWidget()
        self.which = QButtonGroup(self)
        self.selected_radio = QRadioButton(tr("Yang dipilih di daftar ({n}): {names}").format(
            n=len(self.selected), names=_names(self.selected.values())))
        self.all_radio = QRadioButton(tr("Semua inovasi ({n})").format(n=len(self.everything)))
        self.which.addButton(self.selected_radio)
        self.which.addButton(self.all_radio)
        self.selected_radio.setChecked(True)
        self.all_radio.setVisible(len(self.everything) > len(self.selected))
        self.selected_radio.setVisible(len(self.everything) > len(self.selected))
        self.only_label = QLabel(tr("Dikirim: {names}").format(names=escape(_names(self.selected.values()))))
        self.only_label.setWordWrap(True)
        self.only_label.setVisible(len(self.everything) <= len(self.selected))
        self.pdf_check = QCheckBox(tr("Sertakan berkas PDF (dossier) setiap inovasi"))
        self.pdf_check.setToolTip(tr("Penerima mendapat berkas PDF yang sama persis; pengiriman lebih lama"))

        self.target = QButtonGroup(self)
        targets = QHBoxLayout()
        for number, text in ((USB, tr("Flashdisk (USB)")), (EMAIL, tr("Surel")), (FOLDER, tr("Folder"))):
            radio = QRadioButton(text)
            self.target.addButton(radio, number)
            targets.addWidget(radio)
        targets.addStretch(1)
        self.target.button(USB).setChecked(True)
        self.target_pages = QStackedWidget()
        self.target_pages.addWidget(self._usb_page())
        self.target_pages.addWidget(self._email_page())
        self.target_pages.addWidget(self._folder_page())
        self.target.idToggled.connect(lambda number, on: on and self.target_pages.setCurrentIndex(number))

        self.message = QLabel()
        self.message.setObjectName("sendMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.hide()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(tr("<b>Inovasi yang dikirim</b>")))
        layout.addWidget(self.only_label)
        layout.addWidget(self.selected_radio)
        layout.addWidget(self.all_radio)
        layout.addWidget(self.pdf_check)
        layout.addSpacing(8)
        layout.addWidget(QLabel(tr("<b>Kirim ke</b>")))
        layout.addLayout(targets)
        layout.addWidget(self.target_pages, 1)
        layout.addWidget(self.message)
        return page

    def _usb_page(self) -> QWidget:
        page = QWidget()
        self.drive_list = QListWidget()
        self.drive_list.setObjectName("driveList")
        self.refresh_button = QPushButton(tr("Segarkan"))
        self.refresh_button.clicked.connect(self.refresh_drives)
        self.no_drive = QLabel(tr("Tidak ada flashdisk yang terpasang. Colokkan flashdisk, lalu klik Segarkan."))
        self.no_drive.setWordWrap(True)
        note = QLabel(tr("Berkas ditulis utuh lalu dibaca ulang dan diperiksa; flashdisk baru boleh dicabut setelah "
                         "aplikasi mengatakannya."))
        note.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.no_drive, 10)
        row.addStretch(1)
        row.addWidget(self.refresh_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.drive_list, 1)
        layout.addLayout(row)
        layout.addWidget(note)
        return page

    def _email_page(self) -> QWidget:
        page = QWidget()
        self.limit_combo = QComboBox()
        for mb in bundles.MAIL_LIMITS_MB:
            self.limit_combo.addItem(f"{mb} MB", mb)
        self.limit_combo.setCurrentIndex(bundles.MAIL_LIMITS_MB.index(bundles.DEFAULT_MAIL_LIMIT_MB))
        self.limit_combo.setToolTip(tr("Batas ukuran surel dari layanan surel Anda (Gmail: 25 MB)"))
        self.mail_folder = QLineEdit(str(documents_folder() / tr("Kiriman surel")))
        choose = QPushButton(tr("Pilih…"))
        choose.clicked.connect(lambda: self._choose_folder(self.mail_folder))
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.mail_folder, 1)
        folder_row.addWidget(choose)
        form = QFormLayout()
        form.addRow(tr("Batas ukuran surel"), self.limit_combo)
        form.addRow(tr("Simpan lampiran di"), folder_row)
        note = QLabel(tr("Bila kiriman lebih besar dari batas, kiriman dipecah menjadi beberapa bagian; kirim setiap "
                         "bagian dengan surel tersendiri. Penerima memerlukan semua bagian. Setelah berkas siap, "
                         "program surel dibuka dengan subjek dan isi surel, beserta folder berisi lampirannya."))
        note.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addStretch(1)
        return page

    def _folder_page(self) -> QWidget:
        page = QWidget()
        self.file_edit = QLineEdit()
        choose = QPushButton(tr("Pilih…"))
        choose.clicked.connect(self._choose_file)
        row = QHBoxLayout()
        row.addWidget(self.file_edit, 1)
        row.addWidget(choose)
        form = QFormLayout()
        form.addRow(tr("Berkas kiriman"), row)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addStretch(1)
        self.which.buttonToggled.connect(lambda *_: self._suggest_file())
        self._suggest_file()
        return page

    def _result_page(self) -> QWidget:
        page = QWidget()
        self.summary = QLabel()
        self.summary.setObjectName("sendSummary")
        self.summary.setWordWrap(True)
        self.part_list = QListWidget()
        self.part_list.setObjectName("partList")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.part_list, 1)
        return page

    # --- choices ----------------------------------------------------------------------------
    def chosen(self) -> dict[str, str]:
        return self.everything if self.all_radio.isChecked() else self.selected

    def _file_name(self) -> str:
        return bundles.default_file_name(list(self.chosen().values()), self.opd)

    def _suggest_file(self) -> None:
        folder = Path(self.file_edit.text()).parent if self.file_edit.text().strip() else documents_folder()
        self.file_edit.setText(str(folder / self._file_name()))

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("Simpan kiriman"), self.file_edit.text(),
                                              tr("Kiriman Inovasi Desktop (*.inovasi)"))
        if path:
            self.file_edit.setText(path if path.endswith(".inovasi") else path + ".inovasi")

    def _choose_folder(self, edit: QLineEdit) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("Pilih folder"), edit.text())
        if folder:
            edit.setText(folder)

    def refresh_drives(self) -> None:
        self.drive_list.clear()
        for drive in removable_drives.removable_drives():
            item = QListWidgetItem(tr("{label} ({root}), ruang kosong {free}").format(
                label=drive.label or tr("Flashdisk"), root=drive.root, free=format_size_id(drive.free)))
            item.setData(256, drive)
            self.drive_list.addItem(item)
        if self.drive_list.count():
            self.drive_list.setCurrentRow(0)
        self.no_drive.setVisible(self.drive_list.count() == 0)

    # --- sending ----------------------------------------------------------------------------
    def send(self) -> None:
        ids, with_pdf = list(self.chosen()), self.pdf_check.isChecked()
        kind = self.target.checkedId()
        ws = self.ws
        try:
            if kind == USB:
                item = self.drive_list.currentItem()
                if item is None:
                    raise InovasiError(tr("Pilih flashdisk tujuan terlebih dahulu (colokkan lalu klik Segarkan)."))
                target = _free_name(item.data(256).root / self._file_name())

                def work(control):
                    return bundles.send_and_read_back(ws, ids, target, with_pdf=with_pdf, progress=control.progress,
                                                      cancelled=control.cancelled)
            elif kind == EMAIL:
                folder = Path(self.mail_folder.text().strip() or documents_folder())
                folder.mkdir(parents=True, exist_ok=True)
                target = _free_name(folder / self._file_name())
                part_bytes = bundles.part_bytes_for_mail(self.limit_combo.currentData())

                def work(control):
                    return bundles.send(ws, ids, target, with_pdf=with_pdf, part_bytes=part_bytes,
                                        progress=control.progress, cancelled=control.cancelled)
            else:
                text = self.file_edit.text().strip()
                if not text:
                    raise InovasiError(tr("Tentukan berkas kiriman terlebih dahulu."))
                target = Path(text)

                def work(control):
                    return bundles.send(ws, ids, target, with_pdf=with_pdf, progress=control.progress,
                                        cancelled=control.cancelled)
        except (InovasiError, OSError) as err:
            self._show_message(str(err))
            return
        self.message.hide()
        self.send_button.setEnabled(False)
        self.operation = Operation(work, parent=self, on_success=lambda r: self._sent(r, kind),
                                   on_failure=lambda err: self._show_message(str(err)),
                                   on_cancel=lambda: self._show_message(tr("Dibatalkan. Tidak ada berkas yang "
                                                                           "tertinggal.")),
                                   on_end=lambda: self.send_button.setEnabled(True))
        self.operation.with_progress(tr("Menyiapkan kiriman…"), title=tr("Kirim inovasi"), delay_ms=0).run(self.runner)

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def _sent(self, result: bundles.SendResult, kind: int) -> None:
        self.result = result
        parts = result.parts
        where = escape(str(parts[0].path.parent))
        if kind == USB:
            text = tr("Kiriman sudah ditulis di flashdisk <b>{where}</b>, dibaca ulang, dan semua isinya cocok. "
                      "<b>Flashdisk boleh dicabut.</b>").format(where=where)
        elif kind == EMAIL and len(parts) > 1:
            text = tr("Kiriman dipecah menjadi <b>{n} bagian</b>, masing-masing di bawah batas surel, di folder "
                      "<b>{where}</b>. Kirim setiap bagian dengan surel tersendiri: pilih bagiannya lalu klik "
                      "<i>Tulis surel</i>.").format(n=len(parts), where=where)
        elif kind == EMAIL:
            text = tr("Kiriman siap dilampirkan, di folder <b>{where}</b>.").format(where=where)
        else:
            text = tr("Kiriman ditulis di <b>{where}</b>.").format(where=where)
        for part in parts:
            item = QListWidgetItem(f"{part.path.name}  ({format_size_id(part.size)})")
            item.setData(256, part)
            self.part_list.addItem(item)
        self.part_list.setCurrentRow(0)
        self.pages.setCurrentIndex(1)
        self.send_button.hide()
        self.open_button.show()
        self.mail_button.setVisible(kind == EMAIL)
        self.close_button.setText(tr("Tutup"))
        if kind == EMAIL:
            if self.write_mail():
                text += " " + (tr("Program surel untuk bagian 1 sudah dibuka.") if len(parts) > 1 else
                               tr("Program surel sudah dibuka dengan subjek dan isinya; lampirkan berkasnya dari "
                                  "folder yang dibuka."))
            else:
                text += " " + _no_mail_program()
            self.open_folder()
        self.summary.setText(text)

    def write_mail(self) -> bool:
        """Open the mail program on a new mail for the chosen part; False (and a hint) where there is none."""
        item = self.part_list.currentItem()
        if self.result is None or item is None:
            return False
        subject, body = bundles.mail_text(self.ws, self.result, item.data(256))
        query = QUrlQuery()
        query.addQueryItem("subject", subject)
        query.addQueryItem("body", body)
        url = QUrl("mailto:")
        url.setQuery(query)
        return open_url(url)

    def _mail_clicked(self) -> None:
        if not self.write_mail() and _no_mail_program() not in self.summary.text():
            self.summary.setText(self.summary.text() + " " + _no_mail_program())

    def open_folder(self) -> None:
        if self.result is not None:
            open_url(QUrl.fromLocalFile(str(self.result.parts[0].path.parent)))

    def reject(self) -> None:
        if self.operation is not None and not self.operation.done:
            self.operation.cancel()
        super().reject()


def _no_mail_program() -> str:
    return tr("Program surel tidak dapat dibuka di komputer ini: buka surel Anda (misalnya di peramban), tulis "
              "surelnya, lalu lampirkan berkas dari folder kiriman.")


def _names(names) -> str:
    names = list(names)
    shown = ", ".join(n or tr("(tanpa nama)") for n in names[:3])
    return shown + (tr(" dan {n} lainnya").format(n=len(names) - 3) if len(names) > 3 else "")


def _free_name(path: Path) -> Path:
    """`path`, or `name (2).inovasi`... when a file of that name is there already."""
    candidate, n = path, 2
    while candidate.exists() or candidate.with_name(f"{candidate.stem}-bagian-1-dari-2{candidate.suffix}").exists():
        candidate = path.with_name(f"{path.stem} ({n}){path.suffix}")
        n += 1
    return candidate
