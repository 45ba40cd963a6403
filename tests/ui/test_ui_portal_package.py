"""'Paket unggah portal…' from the Inovasi menu and from the list's context menu, through the real dialog."""

from __future__ import annotations

from pathlib import Path

from menus import choose, menu_clicks
from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent, QDesktopServices
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QProgressDialog

from inovasi_desktop.services import innovations

pytestmark = menu_clicks


def _select_example(window, workspace):
    example = innovations.import_example(workspace)
    window.refresh()
    window.list_view.select(example.id)
    return example


def _type_folder(qtbot, dialog, folder: Path) -> None:
    dialog.folder_edit.selectAll()
    QTest.keyClick(dialog.folder_edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(dialog.folder_edit, str(folder))


def test_menu_item_makes_the_package_and_opens_the_folder(qtbot, window, workspace, monkeypatch, tmp_path):
    example = _select_example(window, workspace)
    parent = tmp_path / "dokumen"
    parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(parent))
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(Path(url.toLocalFile())))

    choose(qtbot, window, "innovationMenu", "Paket unggah portal…")
    dialog = window.portal_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.cap.value() == 2.0  # the evidence size cap, 2 MB unless changed
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    target = parent / "Paket Portal - (Contoh) SI-PANTAU BALITA (Sistem Pemantauan Tumbuh Kembang Balita Berbasis"
    assert dialog.folder_edit.text() == str(target)
    qtbot.mouseClick(dialog.make_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=60_000)
    # the dialog grows for the report and stays on the screen: Buka folder and Tutup were below a 768 one
    assert dialog.screen().availableGeometry().contains(dialog.frameGeometry())

    names = sorted(p.name for p in target.iterdir())
    assert len([n for n in names if n.endswith(".pdf")]) == 19 and "Daftar Unggah.html" in names
    assert "19 berkas siap diunggah" in dialog.summary.text()
    assert "Indikator 20" in dialog.report.toPlainText() and "Isi tautan" in dialog.report.toPlainText()
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert opened == [target]
    assert example.name in (target / "Isian Profil.txt").read_text(encoding="utf-8")
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_list_context_menu_opens_the_dialog_and_refuses_the_data_folder(qtbot, window, workspace, inovasi_home):
    example = _select_example(window, workspace)
    table = window.list_view.table
    row = next(r for r in range(table.model().rowCount()) if table.model().index(r, 0).data() == example.name)
    pos = table.visualRect(table.model().index(row, 0)).center()
    QApplication.sendEvent(table.viewport(), QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos,
                                                               table.viewport().mapToGlobal(pos)))
    menu = window.findChild(QMenu, "listContextMenu")
    qtbot.waitUntil(menu.isVisible, timeout=2000)
    action = next(a for a in menu.actions() if a.text() == "Paket unggah portal…")
    QTest.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
    dialog = window.portal_dialog
    qtbot.waitUntil(dialog.isVisible)

    _type_folder(qtbot, dialog, inovasi_home / "paket")
    qtbot.mouseClick(dialog.make_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.message.isVisible, timeout=10_000)
    assert "folder data aplikasi" in dialog.message.text()
    assert not (inovasi_home / "paket").exists() and dialog.pages.currentIndex() == 0
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)


def _start_package(qtbot, window, workspace, folder: Path):
    """The example's package started from the action, into `folder`; the dialog."""
    _select_example(window, workspace)
    window.portal_action.trigger()
    dialog = window.portal_dialog
    qtbot.waitUntil(dialog.isVisible)
    _type_folder(qtbot, dialog, folder)
    qtbot.mouseClick(dialog.make_button, Qt.MouseButton.LeftButton)
    return dialog


def test_cancel_in_the_progress_dialog_leaves_nothing(qtbot, window, workspace, tmp_path):
    dialog = _start_package(qtbot, window, workspace, tmp_path / "paket")
    progress = dialog.findChild(QProgressDialog)
    qtbot.waitUntil(progress.isVisible, timeout=5000)
    cancel = next(b for b in progress.findChildren(type(dialog.make_button)) if b.text() == "Batal")
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.message.isVisible, timeout=30_000)
    assert "Tidak ada berkas yang ditulis" in dialog.message.text()
    assert list(tmp_path.iterdir()) == []
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)


def test_the_action_needs_exactly_one_innovation(qtbot, window, workspace):
    first = _select_example(window, workspace)
    second = innovations.duplicate(workspace, first.id)
    window.refresh()
    window.list_view.select(first.id)
    assert window.portal_action.isEnabled()
    window.list_view.select(second.id, clear=False)
    assert not window.portal_action.isEnabled()


def test_the_grown_result_stays_on_the_screen(qtbot, window, workspace, tmp_path):
    dialog = _start_package(qtbot, window, workspace, tmp_path / "paket")
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=60_000)
    screen = dialog.screen().availableGeometry()
    assert screen.contains(dialog.frameGeometry()), (screen, dialog.frameGeometry())  # its buttons reachable
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
