"""Bantuan > Tentang: the version, the shipped catalogues, the data folder and the licences."""

from __future__ import annotations

import html
from importlib import metadata

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from inovasi_desktop import __version__, paths
from inovasi_desktop.catalogue import Catalogue
from inovasi_desktop.ui.screen_fit import resize_within_screen

# What the app ships with: (name shown, distribution for its version, licence).
THIRD_PARTY = (
    ("Qt / PySide6", "PySide6-Essentials", "GNU LGPL versi 3"),
    ("SQLAlchemy", "SQLAlchemy", "MIT"),
    ("reportlab", "reportlab", "BSD"),
    ("pikepdf", "pikepdf", "MPL-2.0"),
    ("qpdf (melalui pikepdf)", "", "Apache-2.0"),
    ("pypdfium2", "pypdfium2", "Apache-2.0 atau BSD-3-Clause"),
    ("PDFium (melalui pypdfium2)", "", "BSD-3-Clause dan Apache-2.0"),
    ("Pillow", "Pillow", "MIT-CMU (HPND)"),
    ("platformdirs", "platformdirs", "MIT"),
    ("Python", "", "Python Software Foundation License"),
    ("Fon DejaVu", "", "Bitstream Vera dan domain publik (lihat di bawah)"),
)


def tr(text: str) -> str:
    return QApplication.translate("AboutDialog", text)


def _version(distribution: str) -> str:
    if not distribution:
        return ""
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:  # e.g. a frozen build without the metadata
        return ""


def _qpdf_version() -> str:
    try:
        import pikepdf

        return str(pikepdf.__libqpdf_version__)
    except (ImportError, AttributeError):
        return ""


class AboutDialog(QDialog):
    def __init__(self, catalogues: tuple[Catalogue, ...] | list[Catalogue], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Tentang Inovasi Desktop"))
        self.folder = paths.data_dir()

        title = QLabel(tr("Inovasi Desktop"))
        title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.version_label = QLabel(tr("Versi {v}").format(v=__version__))
        self.version_label.setObjectName("versionLabel")
        description = QLabel(tr("Menyusun, memeriksa, dan mengekspor berkas inovasi daerah untuk penilaian "
                                "Indeks Inovasi Daerah (IID), tanpa internet."))
        description.setWordWrap(True)

        lines = []
        for catalogue in catalogues:
            mark = tr(" — <b>bawaan</b>") if catalogue.is_default else ""
            lines.append(f"<li><code>{html.escape(catalogue.id)}</code>: {html.escape(catalogue.title)}{mark}</li>")
        self.catalogue_label = QLabel("<ul style='margin: 0'>" + "".join(lines) + "</ul>" if lines
                                      else tr("Katalog belum dimuat."))
        self.catalogue_label.setObjectName("catalogueLabel")
        catalogue_box = QGroupBox(tr("Katalog yang tersedia"))
        QVBoxLayout(catalogue_box).addWidget(self.catalogue_label)

        self.folder_label = QLabel(str(self.folder))
        self.folder_label.setObjectName("folderLabel")
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_label.setWordWrap(True)
        self.folder_button = QPushButton(tr("Buka folder"))
        self.folder_button.setAutoDefault(False)
        self.folder_button.setToolTip(tr("Buka folder data di penjelajah berkas"))
        self.folder_button.clicked.connect(self.open_folder)
        folder_note = QLabel(tr("Basis data, bukti dukung, cadangan, dan catatan aplikasi tersimpan di sini."))
        folder_note.setWordWrap(True)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(self.folder_button)
        folder_box = QGroupBox(tr("Folder data"))
        folder_layout = QVBoxLayout(folder_box)
        folder_layout.addLayout(folder_row)
        folder_layout.addWidget(folder_note)

        self.licences = QTextBrowser()
        self.licences.setObjectName("licences")
        self.licences.setHtml(self._licence_html())
        licence_box = QGroupBox(tr("Lisensi"))
        QVBoxLayout(licence_box).addWidget(self.licences)

        self.close_button = QPushButton(tr("Tutup"))
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.version_label)
        layout.addWidget(description)
        layout.addWidget(catalogue_box)
        layout.addWidget(folder_box)
        layout.addWidget(licence_box, 1)
        layout.addLayout(buttons)
        resize_within_screen(self, 760, 640)

    def open_folder(self) -> bool:
        self.folder.mkdir(parents=True, exist_ok=True)
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))

    @staticmethod
    def _licence_html() -> str:
        rows = []
        for name, distribution, licence in THIRD_PARTY:
            version = _qpdf_version() if name.startswith("qpdf") else _version(distribution)
            rows.append(f"<tr><td>{html.escape(name)}</td><td>{html.escape(version)}</td>"
                        f"<td>{html.escape(licence)}</td></tr>")
        fonts = paths.resources_dir() / "fonts" / "LICENSE-DejaVu.txt"
        try:
            dejavu = fonts.read_text(encoding="utf-8")
        except OSError:
            dejavu = tr("Berkas lisensi tidak ditemukan: {path}").format(path=fonts)
        return (
            "<p>" + tr("Aplikasi ini dibangun dengan komponen sumber terbuka berikut, masing-masing dengan "
                       "lisensinya sendiri.") + "</p>"
            "<table border='1' cellspacing='0' cellpadding='3'><tr><th>" + tr("Komponen") + "</th><th>"
            + tr("Versi") + "</th><th>" + tr("Lisensi") + "</th></tr>" + "".join(rows) + "</table>"
            "<p>" + tr("Qt dan PySide6 dipakai sebagai pustaka dinamis menurut GNU LGPL versi 3; kode sumbernya "
                       "tersedia dari The Qt Company di qt.io.") + "</p>"
            "<h4>" + tr("Lisensi fon DejaVu") + "</h4><pre>" + html.escape(dejavu) + "</pre>"
        )
