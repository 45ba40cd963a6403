"""A real file-system failure reaches the user as an Indonesian sentence, never as the system's English text."""

from __future__ import annotations

import os
import sys

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from inovasi_desktop.domain import os_errors
from inovasi_desktop.services import innovations

ENGLISH_OS_TEXT = ("Is a directory", "Permission denied", "Access is denied", "Errno", "WinError", "No such file",
                   "Read-only file system", "No space left")


def export_to(qtbot, window, workspace, monkeypatch, target) -> str:
    """Ekspor PDF from the list into `target` (as chosen in the save dialog); the warning shown, if any."""
    innovation = innovations.create(workspace)
    window.refresh()
    window.list_view.select(innovation.id)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF (*.pdf)"))
    shown = {}
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.update(title=title, text=text))
    window.export_action.trigger()
    qtbot.waitUntil(lambda: "text" in shown, timeout=60_000)
    assert shown["title"] == "Ekspor PDF gagal"
    return shown["text"]


def test_a_target_that_is_a_folder(qtbot, window, workspace, monkeypatch, tmp_path):
    folder = tmp_path / "Berkas Inovasi.pdf"
    folder.mkdir()  # a folder that happens to carry the name chosen for the PDF
    text = export_to(qtbot, window, workspace, monkeypatch, folder)
    reason = os_errors.ACCESS_DENIED if sys.platform == "win32" else os_errors.IS_A_FOLDER
    assert text == (f"Berkas Berkas Inovasi.pdf tidak dapat ditulis ke folder {tmp_path}: {reason}. "
                    "Tidak ada berkas yang ditulis.")
    assert not any(english in text for english in ENGLISH_OS_TEXT)
    assert [p.name for p in tmp_path.iterdir()] == ["Berkas Inovasi.pdf"]  # no temp file left behind


@pytest.mark.skipif(sys.platform != "win32", reason="only Windows refuses to replace a file another program holds")
def test_a_target_open_in_another_program(qtbot, window, workspace, monkeypatch, tmp_path):
    target = tmp_path / "Berkas Inovasi.pdf"
    target.write_bytes(b"%PDF-1.7 lama")
    with open(target, "rb"):  # as a PDF reader holds the dossier exported before
        text = export_to(qtbot, window, workspace, monkeypatch, target)
    assert text == f"Berkas {target} tidak dapat ditimpa: {os_errors.IN_USE}."
    assert target.read_bytes() == b"%PDF-1.7 lama"
    assert [p.name for p in tmp_path.iterdir()] == ["Berkas Inovasi.pdf"]


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root (and Windows) ignore chmod")
def test_a_read_only_folder(qtbot, window, workspace, monkeypatch, tmp_path):
    folder = tmp_path / "terkunci"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        text = export_to(qtbot, window, workspace, monkeypatch, folder / "berkas.pdf")
    finally:
        folder.chmod(0o700)
    assert f": {os_errors.ACCESS_DENIED}. Tidak ada berkas yang ditulis." in text and "tidak dapat ditulis" in text
    assert not any(english in text for english in ENGLISH_OS_TEXT)
