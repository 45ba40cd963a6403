"""Drive the guided editor as a person would: type, choose, navigate, jump, undo, close and reopen."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from inovasi_desktop.catalogue import FIELD_TYPES
from inovasi_desktop.services import innovations
from inovasi_desktop.ui.editor.field_widgets import WIDGETS
from tests.fixtures.editor import wait_for_editor


def profile_field(window, key):
    view = window.editor.view
    for page in view.pages.values():
        if hasattr(page, "fields") and key in page.fields:
            return page.fields[key]
    raise KeyError(key)


def test_every_catalogue_field_type_has_a_widget():
    assert set(WIDGETS) == set(FIELD_TYPES)


def test_create_fill_score_and_find_again(qtbot, window, workspace):
    window.new_action.trigger()
    wait_for_editor(window)
    editor = window.editor
    assert editor is not None and window.pages.currentWidget() is editor.view
    name = profile_field(window, "nama_inovasi")
    qtbot.keyClicks(name.input, "Layanan Antar Obat Lansia")
    tahapan = profile_field(window, "tahapan").input
    tahapan.setCurrentIndex(tahapan.findData("Penerapan"))

    editor.view.show_step("indikator:1")
    page = editor.view.pages["indikator:1"]
    button = page.level_buttons[3]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))  # on its circle
    qtbot.waitUntil(lambda: "diklaim <b>9</b>" in editor.view.score_label.text(), timeout=2000)
    assert "didukung bukti <b>0</b>" in editor.view.score_label.text()
    assert "akan dinilai 0" in page.message.text()

    qtbot.waitUntil(lambda: not editor.dirty, timeout=3000)  # autosaved without pressing anything
    assert "Tersimpan otomatis pukul" in window.status_label.text()
    stored = innovations.get(workspace, editor.innovation.id)
    assert stored.name == "Layanan Antar Obat Lansia"
    assert stored.answers[1].level == 3

    QTest.keyClick(window, Qt.Key.Key_Escape)
    assert window.editor is None
    search = window.list_view.search
    qtbot.keyClicks(search, "obat lansia")
    assert window.list_view.proxy.rowCount() == 1
    search.clear()
    qtbot.keyClicks(search, "tidak ada yang cocok")
    assert window.list_view.proxy.rowCount() == 0


def test_word_count_and_findings_follow_typing(qtbot, window):
    window.new_action.trigger()
    wait_for_editor(window)
    editor = window.editor
    editor.view.show_step("rancang_bangun")
    rancang = profile_field(window, "rancang_bangun")
    qtbot.mouseClick(rancang.parts["dasar_hukum"].viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(rancang.parts["dasar_hukum"], "satu dua tiga empat lima")
    assert "Jumlah kata: 5 dari minimal 300" in rancang.count_label.text()
    QTest.keyClick(rancang.parts["dasar_hukum"], Qt.Key.Key_Backtab)  # leaves the field: its findings show
    qtbot.waitUntil(lambda: "5 kata" in rancang.message.text(), timeout=2000)
    assert rancang.message.isVisible()
    qtbot.keyClicks(rancang.parts["permasalahan"], " enam")
    qtbot.waitUntil(lambda: "6 kata" in rancang.message.text(), timeout=2000)  # and follow the typing from then on


def test_readiness_finding_jumps_to_its_field(qtbot, window):
    window.new_action.trigger()
    wait_for_editor(window)
    editor = window.editor
    editor.view.show_step("kesiapan")
    tree = editor.view.readiness.findings
    target = None
    for i in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(i)
        if group.text(0) == "Nama Inovasi":
            target = group.child(0)
    assert target is not None, "a new innovation must report its missing name"
    tree.setCurrentItem(target)
    tree.itemActivated.emit(target, 0)
    assert editor.view.current_step().key == "profil"
    qtbot.waitUntil(lambda: profile_field(window, "nama_inovasi").input.hasFocus(), timeout=2000)


def test_keyboard_moves_between_steps(qtbot, window):
    window.new_action.trigger()
    wait_for_editor(window)
    view = window.editor.view
    start = view.step_list.currentRow()
    QTest.keyClick(view.step_list, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert view.step_list.currentRow() == start + 1
    QTest.keyClick(view.step_list, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert view.step_list.currentRow() == start


def test_undo_and_redo_inside_a_field(qtbot, window):
    window.new_action.trigger()
    wait_for_editor(window)
    edit = profile_field(window, "nama_inovasi").input
    qtbot.keyClicks(edit, "Inovasi A")
    QTest.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert edit.text() == ""
    QTest.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert edit.text() == "Inovasi A"


def test_huge_odd_paste_is_kept_and_reported(qtbot, window, workspace):
    window.new_action.trigger()
    wait_for_editor(window)
    editor = window.editor
    editor.view.show_step("tujuan")
    tujuan = profile_field(window, "tujuan")
    odd = "Tujuan 🚀 مرحبا \x00\x07 teks "
    QGuiApplication.clipboard().setText(odd * (1_000_000 // len(odd)))
    tujuan.input.setFocus()
    QTest.keyClick(tujuan.input, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert len(tujuan.input.toPlainText()) > 900_000
    assert "\x00" not in tujuan.input.toPlainText()
    QTest.keyClick(tujuan.input, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: "karakter" in tujuan.message.text(), timeout=3000)
    assert editor.save()
    assert "🚀" in innovations.get(workspace, editor.innovation.id).profile["tujuan"]


def test_delete_asks_and_can_be_undone(qtbot, window, workspace, monkeypatch):
    first = innovations.create(workspace)
    window.refresh()
    window.list_view.select(first.id)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.delete_action.trigger()
    assert window.list_view.model.rowCount() == 0
    window.undo_delete_action.trigger()
    assert [r.id for r in window.list_view.model.rows] == [first.id]


def test_reopens_where_the_user_was(qtbot, workspace):
    from inovasi_desktop.ui.main_window import MainWindow

    first = MainWindow(workspace)
    qtbot.addWidget(first)
    assert first.load()
    first.new_action.trigger()
    wait_for_editor(first)
    innovation_id = first.editor.innovation.id
    first.editor.view.show_step("indikator:7")
    first.close()
    second = MainWindow(workspace)
    qtbot.addWidget(second)
    second.after_show()  # opens the data folder in the background, then reopens the editor
    qtbot.waitUntil(lambda: second.editor is not None)
    assert second.editor.innovation.id == innovation_id
    assert second.editor.view.current_step().key == "indikator:7"
    second.close()


def test_carry_over_to_another_catalogue_reports_what_did_not_map(qtbot, window, workspace, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    example = innovations.import_example(workspace)
    window.refresh()
    window.list_view.select(example.id)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Indeks Inovasi Daerah 2023 (iid-2023)", True))
    shown = {}
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: shown.setdefault("text", text))
    window.carry_action.trigger()  # copies on the background runner; the report follows on the GUI thread
    qtbot.waitUntil(lambda: window.editor is not None)
    assert "Asta Cita" in shown["text"]
    assert window.editor.innovation.catalogue_id == "iid-2023"
    assert window.editor.innovation.answers[20].level == example.answers[20].level


def test_steady_typing_is_saved_while_it_goes_on(qtbot, window, workspace):
    window.new_action.trigger()
    wait_for_editor(window)
    editor = window.editor
    edit = profile_field(window, "nama_inovasi").input
    for _ in range(30):  # one key every 100 ms for 3 s: the debounce alone would never fire
        QTest.keyClick(edit, Qt.Key.Key_A)
        qtbot.wait(100)
    stored = innovations.get(workspace, editor.innovation.id).name
    assert len(stored) >= 10, "text typed more than 2 s ago must already be saved"
    qtbot.waitUntil(lambda: not editor.dirty, timeout=3000)  # the rest follows once the typing stops
    assert innovations.get(workspace, editor.innovation.id).name == "a" * 30


def test_deleted_innovations_wait_in_the_bin_and_can_be_restored(qtbot, window, workspace, monkeypatch):
    kept = innovations.create(workspace)
    gone = innovations.create(workspace)
    window.refresh()
    window.list_view.select(gone.id)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.delete_action.trigger()
    assert [r.id for r in window.list_view.model.rows] == [kept.id]
    window.bin_action.trigger()  # a later session: the bin still holds it
    assert [r.id for r in window.list_view.model.rows] == [gone.id]
    assert window.restore_action.isVisible() and not window.new_action.isEnabled()
    window.list_view.select(gone.id)
    window.restore_action.trigger()
    assert window.list_view.model.rows == []
    window.bin_action.trigger()
    assert sorted(r.id for r in window.list_view.model.rows) == sorted([kept.id, gone.id])


def test_delete_key_then_ctrl_z_brings_it_back(qtbot, window, workspace, monkeypatch):
    """The status bar says "Tekan Ctrl+Z untuk membatalkan": the key must work where the focus is then."""
    from menus import press

    kept, gone = innovations.create(workspace), innovations.create(workspace)
    window.refresh()
    table = window.list_view.table
    window.list_view.select(gone.id)
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    press(window, "Del")
    assert [r.id for r in window.list_view.model.rows] == [kept.id]
    assert "Ctrl+Z" in window.statusBar().currentMessage()
    press(window, "Ctrl+Z")
    assert {r.id for r in window.list_view.model.rows} == {kept.id, gone.id}
