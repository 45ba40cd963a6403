"""Qt's own strings in Indonesian: the shipped .qm is the .ts compiled, every message is found by Qt, and the
id_ID locale gives Indonesian month and day names and decimal commas."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from platform_skips import needs_qt_tools_outside_wine
from PySide6.QtCore import QCoreApplication, QDate, QLocale
from PySide6.QtWidgets import QLineEdit, QMessageBox, QPushButton
from qt_english import english_texts

from inovasi_desktop.ui.language import qt_translation_path

TS_FILE = qt_translation_path().with_suffix(".ts")


def messages() -> list[tuple[str, str, str]]:
    return [(context.findtext("name"), message.findtext("source"), message.findtext("translation"))
            for context in ElementTree.parse(TS_FILE).iter("context") for message in context.iter("message")]


@needs_qt_tools_outside_wine
def test_committed_qm_is_the_ts_compiled(tmp_path):
    compiled = tmp_path / "qt_id.qm"
    lrelease = "import sys; from PySide6.scripts.pyside_tool import lrelease; sys.argv[0] = 'lrelease'; lrelease()"
    subprocess.run([sys.executable, "-c", lrelease, str(TS_FILE), "-qm", str(compiled)], check=True,
                   capture_output=True)
    assert compiled.read_bytes() == qt_translation_path().read_bytes(), (
        "resources/i18n/qt_id.qm is stale: run pyside6-lrelease resources/i18n/qt_id.ts -qm resources/i18n/qt_id.qm")


def test_every_message_is_found_by_qt(qapp):
    found = messages()
    assert len(found) > 250
    for context, source, translation in found:
        assert translation, (context, source)  # no unfinished message
        assert QCoreApplication.translate(context, source) == translation, (context, source)


def test_qt_widgets_speak_indonesian(qapp):
    box = QMessageBox(QMessageBox.Icon.Question, "Hapus", "Hapus?",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDetailedText("rincian")
    assert sorted(b.text() for b in box.buttons() if b.text()) == ["&Tidak", "&Ya", "Tampilkan Rincian…"]
    edit = QLineEdit("teks")
    menu = edit.createStandardContextMenu()
    assert [a.text().split("\t")[0] for a in menu.actions() if a.text()] == [
        "&Urungkan", "U&langi", "&Potong", "&Salin", "&Tempel", "Hapus", "Pilih Semua"]
    assert english_texts(box) == [] and english_texts(menu) == []


def test_the_english_finder_can_fail(qapp):
    """The walker used by test_ui_qt_english finds Qt's untranslated defaults (so its silence means something)."""
    button = QPushButton("Cancel")
    button.setToolTip("Show Details...")
    assert english_texts(button) == ["'Cancel' (QPushButton#: text)", "'Show Details...' (QPushButton#: tooltip)"]
    assert english_texts(QPushButton("C:/data/x.pdf already exists.\nDo you want to replace it?")) != []
    assert english_texts(QPushButton("OK")) == [] and english_texts(QPushButton("Printer")) == []  # same in both


def test_locale_is_indonesian(qapp):
    locale = QLocale()
    assert locale.language() == QLocale.Language.Indonesian
    assert locale.monthName(12) == "Desember" and locale.dayName(1) == "Senin"
    assert locale.toString(4.5, "f", 1) == "4,5" and locale.toString(1234567) == "1.234.567"
    assert locale.toString(QDate(2026, 11, 29), "d MMMM yyyy") == "29 November 2026"


def test_translation_ships_with_the_resources():
    assert qt_translation_path() == Path(__file__).resolve().parents[2] / "resources" / "i18n" / "qt_id.qm"
