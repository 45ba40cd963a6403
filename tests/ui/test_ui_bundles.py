"""'Kirim…' (USB stick, email, folder) and 'Terima kiriman…' (menu and drop), through the real dialogs."""

from __future__ import annotations

import warnings
from pathlib import Path
from urllib.parse import parse_qs

import pytest
from menus import choose, menu_clicks
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QProgressDialog, QPushButton

from inovasi_desktop.domain import Organisation
from inovasi_desktop.services import bundles, innovations, organisation
from inovasi_desktop.services.bundles import Choice
from inovasi_desktop.services.workspace import Workspace
from inovasi_desktop.ui import removable_drives
from inovasi_desktop.ui.dialogs import send_bundle
from inovasi_desktop.ui.removable_drives import Drive
from tests.fixtures.received import dinas_pendidikan

pytestmark = menu_clicks


@pytest.fixture
def example(window, workspace):
    found = innovations.import_example(workspace)
    window.refresh()
    window.list_view.select(found.id)
    return found


@pytest.fixture
def stick(tmp_path, monkeypatch):
    """A temporary folder standing in for a USB stick, the one removable drive listed."""
    folder = tmp_path / "FLASHDISK"
    folder.mkdir()
    monkeypatch.setattr(removable_drives, "removable_drives", lambda: [Drive(folder, "FLASHDISK", 8 * 10**9)])
    return folder


@pytest.fixture
def opened(monkeypatch):
    """The URLs the dialog hands to the desktop (mail program, file manager)."""
    urls: list[QUrl] = []
    monkeypatch.setattr(send_bundle, "open_url", lambda url: urls.append(url) or True)
    return urls


def open_send_dialog(qtbot, window):
    choose(qtbot, window, "fileMenu", "Kirim…")
    dialog = window.send_dialog
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def click_target(qtbot, dialog, number: int) -> None:
    qtbot.mouseClick(dialog.target.button(number), Qt.MouseButton.LeftButton, pos=QPoint(6, 6))
    assert dialog.target_pages.currentIndex() == number


def test_usb_target_writes_reads_back_and_says_the_stick_may_be_removed(qtbot, window, example, stick):
    dialog = open_send_dialog(qtbot, window)
    assert dialog.drive_list.count() == 1 and "FLASHDISK" in dialog.drive_list.item(0).text()
    assert "ruang kosong 7,5 GB" in dialog.drive_list.item(0).text()
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=60_000)
    assert "Flashdisk boleh dicabut" in dialog.summary.text()
    [written] = list(stick.iterdir())  # no temp file left beside it
    assert written.name.startswith("Kiriman Dinas Kesehatan - (Contoh) SI-PANTAU BALITA (Sistem Pemantauan Tumbuh")
    assert written.suffix == ".inovasi"
    [manifest] = bundles.verify([written])
    assert [e.id for e in manifest.innovations] == [example.id]
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


class Volume:
    """A mounted volume as QStorageInfo describes it: `name` is its label ("" when it has none), and then Qt's
    displayName is the root path, e.g. "E:/" on Windows."""

    def __init__(self, root: str, name: str) -> None:
        self.root, self.label = root, name

    def isValid(self) -> bool:  # noqa: N802 - Qt API
        return True

    def isReady(self) -> bool:  # noqa: N802 - Qt API
        return True

    def isReadOnly(self) -> bool:  # noqa: N802 - Qt API
        return False

    def isRoot(self) -> bool:  # noqa: N802 - Qt API
        return False

    def rootPath(self) -> str:  # noqa: N802 - Qt API
        return self.root

    def name(self) -> str:
        return self.label

    def displayName(self) -> str:  # noqa: N802 - Qt API
        return self.label or self.root

    def bytesAvailable(self) -> int:  # noqa: N802 - Qt API
        return 8 * 10**9


def test_a_stick_without_a_label_is_called_a_flashdisk_not_by_its_path(qtbot, window, example, monkeypatch):
    volumes = [Volume("E:/", ""), Volume("F:/", "KINGSTON")]
    monkeypatch.setattr(removable_drives, "QStorageInfo", type("QStorageInfo", (), {"mountedVolumes": lambda: volumes}))
    monkeypatch.setattr(removable_drives, "_is_removable", lambda root: True)
    dialog = open_send_dialog(qtbot, window)
    shown = [dialog.drive_list.item(row).text() for row in range(dialog.drive_list.count())]
    assert shown == [f"Flashdisk ({Path('E:/')}), ruang kosong 7,5 GB",
                     f"KINGSTON ({Path('F:/')}), ruang kosong 7,5 GB"]


def test_no_stick_says_so_and_sends_nothing(qtbot, window, example, monkeypatch):
    monkeypatch.setattr(removable_drives, "removable_drives", lambda: [])
    dialog = open_send_dialog(qtbot, window)
    assert dialog.no_drive.isVisible()
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    assert dialog.message.isVisible() and "Pilih flashdisk" in dialog.message.text()
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)


def test_cancel_while_writing_to_the_stick_leaves_nothing(qtbot, window, example, stick):
    dialog = open_send_dialog(qtbot, window)
    dialog.pdf_check.setChecked(True)  # the dossier takes long enough to cancel
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    progress = dialog.findChild(QProgressDialog)
    qtbot.waitUntil(progress.isVisible, timeout=5000)
    cancel = next(b for b in progress.findChildren(QPushButton) if b.text() == "Batal")
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.message.isVisible, timeout=60_000)
    assert "Tidak ada berkas yang tertinggal" in dialog.message.text()
    assert list(stick.iterdir()) == []
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)


@pytest.mark.parametrize(("limit_index", "parts"), [(0, 2), (2, 1)])
def test_email_splits_under_the_chosen_limit_and_opens_the_mail_program(qtbot, window, example, tmp_path, opened,
                                                                         monkeypatch, limit_index, parts):
    # The example is ~1.1 MB: the mail sizes are scaled down 20x so that 10 MB gives ~0.37 MB parts.
    real = bundles.part_bytes_for_mail
    monkeypatch.setattr(bundles, "part_bytes_for_mail", lambda mb: real(mb / 20) + 60 * 1024)
    dialog = open_send_dialog(qtbot, window)
    click_target(qtbot, dialog, send_bundle.EMAIL)
    assert dialog.limit_combo.currentText() == "20 MB"  # the default
    dialog.limit_combo.setFocus()
    QTest.keyClick(dialog.limit_combo, Qt.Key.Key_Up if limit_index == 0 else Qt.Key.Key_Down)
    assert dialog.limit_combo.currentIndex() == limit_index
    dialog.mail_folder.setText(str(tmp_path / "surel"))
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=60_000)

    written = sorted((tmp_path / "surel").iterdir())
    limit = bundles.part_bytes_for_mail(dialog.limit_combo.currentData())
    assert len(written) >= parts and all(p.stat().st_size <= limit for p in written)
    if parts > 1:
        assert written[0].name.endswith(f"-bagian-1-dari-{len(written)}.inovasi")
        assert "dipecah menjadi" in dialog.summary.text()
    mail, folder = opened
    assert mail.scheme() == "mailto" and Path(folder.toLocalFile()) == tmp_path / "surel"
    query = parse_qs(mail.query(QUrl.ComponentFormattingOption.FullyDecoded))
    assert example.name in query["body"][0] and written[0].name in query["body"][0]
    assert ("bagian 1 dari" in query["subject"][0]) == (len(written) > 1)
    if len(written) > 1:  # another part: select it and write its mail
        dialog.part_list.setCurrentRow(1)
        qtbot.mouseClick(dialog.mail_button, Qt.MouseButton.LeftButton)
        assert "bagian 2 dari" in parse_qs(opened[-1].query(QUrl.ComponentFormattingOption.FullyDecoded))["subject"][0]
    # The parts received together give the innovation back.
    other = Workspace(home=tmp_path / "penerima")
    try:
        organisation.save(other, Organisation(pemda="Kabupaten Mojokerto", opd="Bappeda", head_name="Ir. Hadi",
                                              head_nip="197001011995031001", default_catalogue="iid-2026"))
        bundles.receive(other, written)
        assert innovations.get(other, example.id).name == example.name
    finally:
        other.close()
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)


def test_folder_target_writes_the_bundle_where_chosen_and_all_can_be_sent(qtbot, window, example, workspace,
                                                                          tmp_path):
    second = innovations.duplicate(workspace, example.id)
    window.refresh()
    window.list_view.select(example.id)
    dialog = open_send_dialog(qtbot, window)
    assert dialog.all_radio.isVisible() and dialog.selected_radio.isChecked()
    qtbot.mouseClick(dialog.all_radio, Qt.MouseButton.LeftButton, pos=QPoint(6, 6))
    click_target(qtbot, dialog, send_bundle.FOLDER)
    assert dialog.file_edit.text().endswith("Kiriman Dinas Kesehatan - 2 inovasi.inovasi")
    dialog.file_edit.setText(str(tmp_path / "semua.inovasi"))
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=60_000)
    [manifest] = bundles.verify([tmp_path / "semua.inovasi"])
    assert {e.id for e in manifest.innovations} == {example.id, second.id}
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)


# -- receiving -----------------------------------------------------------------------------------------

@pytest.fixture
def sender(tmp_path):
    """Another OPD's data folder, holding the example."""
    ws = dinas_pendidikan(tmp_path / "dinas-pendidikan")
    yield ws
    ws.close()


def test_receive_shows_the_conflict_and_takes_theirs_keeping_ours_as_backup(qtbot, window, workspace, sender,
                                                                             tmp_path, monkeypatch):
    theirs = innovations.import_example(sender)
    first = tmp_path / "1.inovasi"
    bundles.send(sender, [theirs.id], first)
    bundles.receive(workspace, [first])
    ours = innovations.get(workspace, theirs.id)
    ours.profile["nama_inovasi"] = "Versi Bappeda"
    innovations.save(workspace, ours)
    changed = innovations.get(sender, theirs.id)
    changed.profile["nama_inovasi"] = "Versi Dinas Pendidikan"
    innovations.save(sender, changed)
    second = tmp_path / "2.inovasi"
    bundles.send(sender, [theirs.id], second)
    window.refresh()

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(second)], ""))
    choose(qtbot, window, "fileMenu", "Terima kiriman…")
    dialog = window.receive_dialog
    qtbot.waitUntil(lambda: dialog.receive_button.isEnabled(), timeout=30_000)
    assert "Dinas Pendidikan, Kabupaten Mojokerto" in dialog.heading.text()
    assert dialog.table.item(0, 2).text() == "Berubah di kedua pihak"
    combo = dialog.choices[theirs.id]
    assert combo.currentData() is Choice.KEEP_BOTH  # nothing lost unless the user says so
    assert innovations.get(workspace, theirs.id).name == "Versi Bappeda"  # nothing written yet
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_Up)
    assert combo.currentData() is Choice.TAKE_THEIRS
    qtbot.mouseClick(dialog.receive_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.close_button.text() == "Tutup", timeout=60_000)
    assert "Versi Bappeda" in dialog.heading.text() and "cadangan" in dialog.heading.text()
    assert innovations.get(workspace, theirs.id).name == "Versi Dinas Pendidikan"
    assert [r.name for r in window.list_view.model.rows] == ["Versi Dinas Pendidikan"]
    [backup] = innovations.list_rows(workspace, deleted=True)
    assert backup.name.startswith("Versi Bappeda (cadangan sebelum kiriman")
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)


def test_dropping_a_bundle_opens_the_preview_and_a_missing_part_is_named(qtbot, window, workspace, sender, tmp_path):
    theirs = innovations.import_example(sender)
    parts = bundles.send(sender, [theirs.id], tmp_path / "surel.inovasi", part_bytes=300_000).parts
    assert len(parts) >= 2
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p.path)) for p in parts[:-1]])
    where = QPointF(window.width() / 2, window.height() / 2)
    with warnings.catch_warnings():  # PySide marks the only QDragEnterEvent constructor deprecated
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(where.toPoint(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                                Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(where, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)
    dialog = window.receive_dialog
    qtbot.waitUntil(dialog.message.isVisible, timeout=30_000)
    assert f"Bagian {len(parts)} dari {len(parts)} belum ada" in dialog.message.text()
    assert not dialog.receive_button.isEnabled()
    dialog.add_paths([parts[-1].path])  # as "Tambah berkas bagian…" does with the file chosen
    qtbot.waitUntil(lambda: dialog.receive_button.isEnabled(), timeout=30_000)
    assert dialog.table.item(0, 2).text() == "Baru"
    qtbot.mouseClick(dialog.receive_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.close_button.text() == "Tutup", timeout=60_000)
    assert [r.opd for r in window.list_view.model.rows] == ["Dinas Pendidikan"]
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)


def test_a_hostile_bundle_is_refused_in_the_dialog(qtbot, window, workspace, tmp_path, monkeypatch):
    bad = tmp_path / "rusak.inovasi"
    bad.write_bytes(b"PK\x03\x04 bukan zip")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(bad)], ""))
    window.receive_action.trigger()
    dialog = window.receive_dialog
    qtbot.waitUntil(dialog.message.isVisible, timeout=30_000)
    assert "rusak.inovasi ditolak" in dialog.message.text() and not dialog.receive_button.isEnabled()
    assert innovations.list_rows(workspace) == []
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)


def test_the_list_filters_by_opd(qtbot, window, workspace, sender, tmp_path):
    ours = innovations.create(workspace, "iid-2026")
    theirs = innovations.import_example(sender)
    bundles.send(sender, [theirs.id], tmp_path / "a.inovasi")
    bundles.receive(workspace, [tmp_path / "a.inovasi"])
    window.refresh()
    combo = window.list_view.opd_filter
    assert [combo.itemText(i) for i in range(combo.count())] == ["Semua OPD", "Dinas Kesehatan", "Dinas Pendidikan"]
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_Down)
    proxy = window.list_view.proxy
    assert proxy.rowCount() == 1 and proxy.index(0, 0).data(Qt.ItemDataRole.UserRole + 1).id == ours.id
    QTest.keyClick(combo, Qt.Key.Key_Down)
    assert proxy.rowCount() == 1 and proxy.index(0, 6).data() == "Dinas Pendidikan"


def _context_menu_on(qtbot, window, name: str):
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QMenu

    table = window.list_view.table
    row = next(r for r in range(table.model().rowCount()) if table.model().index(r, 0).data() == name)
    pos = table.visualRect(table.model().index(row, 0)).center()
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    QApplication.sendEvent(table.viewport(), QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos,
                                                               table.viewport().mapToGlobal(pos)))
    menu = window.findChild(QMenu, "listContextMenu")
    qtbot.waitUntil(menu.isVisible, timeout=2000)
    return menu


def test_a_received_dossier_opens_in_the_preview_from_the_list(qtbot, window, workspace, sender, tmp_path):
    ours = innovations.create(workspace, "iid-2026")
    theirs = innovations.import_example(sender)
    bundles.send(sender, [theirs.id], tmp_path / "a.inovasi", with_pdf=True)
    bundles.receive(workspace, [tmp_path / "a.inovasi"])
    window.refresh()

    menu = _context_menu_on(qtbot, window, ours.name or "(tanpa nama)")  # made here: no dossier came with it
    assert not window.received_dossier_action.isVisible()
    menu.hide()
    menu = _context_menu_on(qtbot, window, theirs.name)
    action = next(a for a in menu.actions() if a.text() == "Lihat berkas PDF kiriman")
    assert action.isVisible() and action.isEnabled()
    QTest.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
    preview = window.received_preview
    qtbot.waitUntil(preview.isVisible)
    assert preview.path == bundles.received_dossier(workspace, theirs.id)
    assert preview.viewer.page_count() > 1 and theirs.name in preview.windowTitle()
    qtbot.mouseClick(preview.close_button, Qt.MouseButton.LeftButton)
    assert not preview.isVisible()


def test_a_damaged_file_among_several_is_set_aside_and_the_others_received(qtbot, window, workspace, sender,
                                                                           tmp_path, monkeypatch):
    theirs = innovations.import_example(sender)
    good = tmp_path / "dinas-pendidikan.inovasi"
    bundles.send(sender, [theirs.id], good)
    cut = tmp_path / "terpotong.inovasi"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    foreign = tmp_path / "asing.inovasi"
    foreign.write_bytes(b"bukan kiriman")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *a, **k: ([str(cut), str(good), str(foreign), str(good)], ""))
    window.receive_action.trigger()
    dialog = window.receive_dialog
    qtbot.waitUntil(dialog.receive_button.isEnabled, timeout=30_000)
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 0).text() == theirs.name
    text = dialog.message.text()
    assert "terpotong.inovasi ditolak" in text and "asing.inovasi ditolak" in text and dialog.message.isVisible()
    qtbot.mouseClick(dialog.receive_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.close_button.text() == "Tutup", timeout=60_000)
    assert [r.name for r in innovations.list_rows(workspace)] == [theirs.name]
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)


def test_parts_received_again_in_any_order_show_unchanged_with_the_choice_unclipped(qtbot, window, workspace, sender,
                                                                                  tmp_path, monkeypatch):
    theirs = innovations.import_example(sender)
    parts = [p.path for p in bundles.send(sender, [theirs.id], tmp_path / "a.inovasi", part_bytes=300_000).parts]
    assert len(parts) >= 3
    bundles.receive(workspace, parts)
    chosen = [[str(parts[-1])], [str(p) for p in reversed(parts)]]  # the last part first, then all, backwards
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (chosen.pop(0), ""))
    window.receive_action.trigger()
    dialog = window.receive_dialog
    qtbot.waitUntil(dialog.message.isVisible, timeout=30_000)
    assert dialog.table.item(0, 2).text() == "Bagian kiriman belum lengkap"
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.receive_button.isEnabled, timeout=30_000)
    assert dialog.table.item(0, 2).text() == "Sama dengan di sini" and not dialog.message.isVisible()
    combo = dialog.table.cellWidget(0, 3)
    qtbot.waitUntil(combo.isVisible)
    assert combo.currentText() == "Tidak ada yang berubah"
    # cell widgets are placed a moment after the column is sized (the view's delayed layout)
    qtbot.waitUntil(lambda: combo.width() >= combo.sizeHint().width(), timeout=2000)
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)


def test_email_without_a_mail_program_says_how_to_attach_instead(qtbot, window, example, tmp_path, monkeypatch):
    """Many offices write mail in the browser: no mail program opens, and the dialog must not claim one did."""
    urls: list[QUrl] = []
    monkeypatch.setattr(send_bundle, "open_url", lambda url: urls.append(url) or url.scheme() != "mailto")
    dialog = open_send_dialog(qtbot, window)
    click_target(qtbot, dialog, send_bundle.EMAIL)
    dialog.mail_folder.setText(str(tmp_path / "surel"))
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=60_000)
    text = dialog.summary.text()
    assert "sudah dibuka" not in text and "Program surel tidak dapat dibuka" in text and "peramban" in text
    assert Path(urls[-1].toLocalFile()) == tmp_path / "surel"  # the folder with the attachment is opened
    qtbot.mouseClick(dialog.mail_button, Qt.MouseButton.LeftButton)  # tried again: said once
    assert dialog.summary.text().count("Program surel tidak dapat dibuka") == 1
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)


def test_an_empty_list_offers_to_receive_bundles(qtbot, window, workspace, sender, tmp_path, monkeypatch):
    """Bappeda starts with no innovation of its own: its first step, receiving, is on the empty page."""
    theirs = innovations.import_example(sender)
    bundles.send(sender, [theirs.id], tmp_path / "a.inovasi")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(tmp_path / "a.inovasi")], ""))
    button = window.list_view.receive_button
    assert button.isVisible() and button.text() == "Terima kiriman…"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = window.receive_dialog
    qtbot.waitUntil(dialog.receive_button.isEnabled, timeout=30_000)
    assert dialog.table.item(0, 0).text() == theirs.name
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)


def test_a_sender_missing_from_the_regions_opd_list_is_pointed_out(qtbot, window, workspace, sender, tmp_path,
                                                                  monkeypatch):
    from inovasi_desktop.services import region_opds

    theirs = innovations.import_example(sender)
    bundles.send(sender, [theirs.id], tmp_path / "a.inovasi")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(tmp_path / "a.inovasi")], ""))
    for listed, noted in ((["Dinas Kesehatan", "Dinas Pendidikan "], False), (["Dinas Kesehatan", "Dinas P"], True)):
        region_opds.save(workspace, listed)
        window.receive_action.trigger()
        dialog = window.receive_dialog
        qtbot.waitUntil(dialog.receive_button.isEnabled, timeout=30_000)
        assert dialog.message.isVisible() == noted
        if noted:
            assert dialog.message.text().startswith("Dinas Pendidikan tidak ada dalam daftar perangkat daerah")
        qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
