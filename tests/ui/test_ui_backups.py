"""Berkas → Cadangkan ke… and Berkas → Pulihkan dari cadangan…, clicked as a person does; the automatic
snapshot the window makes on start."""

from __future__ import annotations

from menus import choose, menu_clicks
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from inovasi_desktop.services import innovations, snapshots
from inovasi_desktop.ui.dialogs.restore_backup import RestoreBackupDialog


def rows(window) -> list[str]:
    return sorted(r.id for r in window.list_view.model.rows)


def record_information(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: shown.append(text))
    return shown


def backed_up(qtbot, window, monkeypatch, target, shown) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    choose(qtbot, window, "fileMenu", "Cadangkan ke…")
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)


def the_dialog(window) -> RestoreBackupDialog:
    return window.backup_ui.dialog


@menu_clicks
def test_backup_to_a_chosen_file_then_restore_it_from_the_dialog(qtbot, window, workspace, monkeypatch, tmp_path):
    example = innovations.import_example(workspace)
    window.refresh()
    shown = record_information(monkeypatch)
    backed_up(qtbot, window, monkeypatch, tmp_path / "flashdisk", shown)
    target = tmp_path / "flashdisk.inovasi-cadangan"  # the suffix is added when the name lacks it
    assert target.is_file() and "sudah diperiksa ulang" in shown[0] and "1 inovasi" in shown[0]

    later = innovations.create(workspace)
    window.refresh()
    assert rows(window) == sorted([example.id, later.id])

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(target), ""))
    choose(qtbot, window, "fileMenu", "Pulihkan dari cadangan…")
    dialog = the_dialog(window)
    qtbot.waitUntil(dialog.isVisible, timeout=2000)
    assert not dialog.restore_button.isEnabled()
    QTest.mouseClick(dialog.file_button, Qt.MouseButton.LeftButton)
    summary = dialog.summary.text()
    assert "Kabupaten Mojokerto" in summary and "Inovasi: 1 inovasi" in summary and str(target) in summary
    assert dialog.restore_button.isEnabled()
    QTest.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=20000)
    assert "Data dipulihkan" in shown[1] and "disimpan sebagai cadangan otomatis" in shown[1]
    assert rows(window) == [example.id]  # the window reloaded
    assert any(s.before_restore for s in snapshots.list_all(workspace))


@menu_clicks
def test_the_dialog_lists_automatic_snapshots_and_restores_one(qtbot, window, workspace, monkeypatch):
    qtbot.waitUntil(lambda: not snapshots.needed_today(workspace), timeout=10000)  # made on start
    [today] = snapshots.list_all(workspace)
    added = innovations.create(workspace)
    window.refresh()
    shown = record_information(monkeypatch)
    choose(qtbot, window, "fileMenu", "Pulihkan dari cadangan…")
    dialog = the_dialog(window)
    qtbot.waitUntil(dialog.isVisible, timeout=2000)
    assert dialog.list.topLevelItemCount() == 1 and "Dinas Kesehatan" in dialog.list.topLevelItem(0).text(1)
    item = dialog.list.topLevelItem(0)
    QTest.mouseClick(dialog.list.viewport(), Qt.MouseButton.LeftButton, pos=dialog.list.visualItemRect(item).center())
    assert dialog.chosen is not None and dialog.chosen.snapshot.name == today.name
    assert "Cadangan otomatis" in dialog.summary.text()
    QTest.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    assert added.id not in rows(window)


@menu_clicks
def test_a_foreign_file_is_refused_in_the_dialog_and_nothing_changes(qtbot, window, workspace, monkeypatch, tmp_path):
    innovations.import_example(workspace)
    window.refresh()
    before = rows(window)
    foreign = tmp_path / "bukan.inovasi-cadangan"
    foreign.write_text('{"format": "lain"}')
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(foreign), ""))
    choose(qtbot, window, "fileMenu", "Pulihkan dari cadangan…")
    dialog = the_dialog(window)
    qtbot.waitUntil(dialog.isVisible, timeout=2000)
    QTest.mouseClick(dialog.file_button, Qt.MouseButton.LeftButton)
    assert "bukan cadangan Inovasi Desktop" in dialog.summary.text()
    assert not dialog.restore_button.isEnabled()
    QTest.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.backup_ui.dialog is None, timeout=2000)
    assert rows(window) == before


@menu_clicks
def test_a_backup_into_the_data_folder_is_refused_with_a_message(qtbot, window, workspace, monkeypatch):
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(workspace.home / "cadangan.inovasi-cadangan"), ""))
    choose(qtbot, window, "fileMenu", "Cadangkan ke…")
    qtbot.waitUntil(lambda: bool(warned), timeout=10000)
    assert "di dalam folder data" in warned[0]
    assert not (workspace.home / "cadangan.inovasi-cadangan").exists()


@menu_clicks
def test_batal_on_the_progress_stops_the_backup_and_leaves_nothing(qtbot, window, workspace, monkeypatch, tmp_path):
    import threading

    from PySide6.QtWidgets import QProgressDialog, QPushButton

    from inovasi_desktop.export import backup_archive

    innovations.import_example(workspace)
    release = threading.Event()
    real = backup_archive._compression_for

    def held(path):  # the worker waits here, mid-write, until the person has clicked Batal
        release.wait(20)
        return real(path)

    monkeypatch.setattr(backup_archive, "_compression_for", held)
    target = tmp_path / "cadangan.inovasi-cadangan"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    choose(qtbot, window, "fileMenu", "Cadangkan ke…")
    progress = window.backup_ui.operation.progress
    assert isinstance(progress, QProgressDialog)
    qtbot.waitUntil(progress.isVisible, timeout=5000)
    button = next(b for b in progress.findChildren(QPushButton) if b.text() == "Batal")
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    release.set()
    qtbot.waitUntil(lambda: window.backup_ui.operation.done, timeout=20000)
    assert "dibatalkan" in window.statusBar().currentMessage()
    assert list(tmp_path.iterdir()) == []  # no file, no temp file


@menu_clicks
def test_received_dossiers_come_back_with_a_backup_restored_from_the_dialog(qtbot, window, workspace, monkeypatch,
                                                                           tmp_path):
    from inovasi_desktop.services import bundles
    from tests.fixtures.received import receive_from_an_opd

    sent_id = receive_from_an_opd(workspace, tmp_path)
    window.refresh()
    pdf = bundles.received_dossier(workspace, sent_id).read_bytes()
    shown = record_information(monkeypatch)
    backed_up(qtbot, window, monkeypatch, tmp_path / "cadangan.inovasi-cadangan", shown)
    bundles.received_dossier(workspace, sent_id).unlink()  # lost (a new PC, a slip)

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(tmp_path / "cadangan.inovasi-cadangan"),
                                                                         ""))
    choose(qtbot, window, "fileMenu", "Pulihkan dari cadangan…")
    dialog = the_dialog(window)
    qtbot.waitUntil(dialog.isVisible, timeout=2000)
    QTest.mouseClick(dialog.file_button, Qt.MouseButton.LeftButton)
    assert "Berkas PDF kiriman dari perangkat daerah: 1" in dialog.summary.text()
    QTest.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=20000)
    assert bundles.received_dossier(workspace, sent_id).read_bytes() == pdf
