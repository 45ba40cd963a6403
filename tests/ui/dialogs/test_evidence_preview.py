"""The evidence preview: the details pane takes a share of the width and the dialog fits the screen."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel

from inovasi_desktop.domain import EvidenceItem


def test_details_take_a_share_and_the_preview_fits_the_screen(qtbot, files):
    from inovasi_desktop.ui.dialogs.evidence_preview import EvidencePreviewDialog

    path = files.text_pdf()
    item = EvidenceItem(tentang="Surat Keputusan Tim Inovasi", file_name=path.name, media_type="application/pdf")
    dialog = EvidencePreviewDialog(item, path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    available = dialog.screen().availableGeometry()
    assert dialog.frameGeometry().width() <= available.width()
    assert dialog.frameGeometry().height() <= available.height()
    details = dialog.findChild(QLabel, "previewDetails").parentWidget()
    em = dialog.fontMetrics().horizontalAdvance("M")
    for width in (1180, 900, 640):
        dialog.resize(width, 500)
        qtbot.waitUntil(lambda width=width: abs(dialog.width() - width) < 5)
        splitter = dialog.pdf.parentWidget()
        total = sum(splitter.sizes())
        assert details.width() <= min(0.25 * total, 26 * em) + 1
        assert details.width() >= min(10 * em, total // 2) - 1
        assert dialog.pdf.width() >= total - details.width() - 1
    dialog.reject()


@pytest.mark.parametrize("name", ["SK Tim: 2024.pdf", "D:SK.pdf", "..\\..\\SK.pdf", "../SK.pdf", "NUL.pdf", ".."])
def test_open_with_another_application_copies_inside_a_temporary_folder_then_cleans_up(
        qtbot, files, monkeypatch, tmp_path, name):
    from inovasi_desktop.ui import external_copies
    from inovasi_desktop.ui.dialogs.evidence_preview import EvidencePreviewDialog

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "temp"))
    (tmp_path / "temp").mkdir()
    path = files.text_pdf()
    dialog = EvidencePreviewDialog(EvidenceItem(tentang="SK", file_name=name, media_type="application/pdf"), path)
    qtbot.addWidget(dialog)
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(Path(url.toLocalFile())) or True)
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    [copy] = opened
    assert copy.parent.parent == tmp_path / "temp" and copy.parent.name.startswith(external_copies.PREFIX)
    assert copy.read_bytes() == path.read_bytes() and ":" not in copy.name and copy.name not in ("..", "")
    assert copy.suffix == (".pdf" if name != ".." else "")
    assert external_copies.remove_copies() == []
    assert list((tmp_path / "temp").iterdir()) == []
    dialog.reject()


def test_copies_left_by_an_earlier_session_go_once_a_day_old(monkeypatch, tmp_path):
    from inovasi_desktop.ui import external_copies

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    old, recent, other = (tmp_path / f"{external_copies.PREFIX}lama", tmp_path / f"{external_copies.PREFIX}baru",
                          tmp_path / "lain-lain")
    for folder in (old, recent, other):
        folder.mkdir()
        (folder / "SK.pdf").write_bytes(b"%PDF")
    day_ago = time.time() - external_copies.LEFTOVER_AGE_SECONDS - 60
    for folder in (old, other):
        os.utime(folder, (day_ago, day_ago))
    external_copies.remove_leftovers()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([recent.name, other.name])
