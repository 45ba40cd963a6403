"""Dates and coordinates typed into the real fields: invalid input stays visible, is reported in Indonesian
once the field is left, is saved as typed (never silently dropped) and comes back when reopened."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from inovasi_desktop.services import innovations
from tests.fixtures.editor import wait_for_editor

COORDINATE_MESSAGE = "Koordinat Lokasi tidak sah: lintang harus antara -90 dan 90, bujur antara -180 dan 180."


def field_of(window_or_editor, key):
    editor = getattr(window_or_editor, "editor", window_or_editor)
    for page in editor.view.pages.values():
        if key in getattr(page, "fields", {}):
            return page.fields[key]
    raise KeyError(key)


def type_into(qtbot, edit, text: str) -> None:
    """Click into the line edit, replace what it holds by typing, as a person does."""
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    QTest.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def leave(field) -> None:
    """Press Tab until the focus leaves the field (a date's Kalender button is still the field)."""
    for _ in range(4):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        if not field.isAncestorOf(QApplication.focusWidget()):
            return
    raise AssertionError(f"Tab does not leave {field.field.key}")


def stored(workspace, window, key):
    return innovations.get(workspace, window.editor.innovation.id).profile.get(key)


def saved(qtbot, window) -> None:
    qtbot.waitUntil(lambda: not window.editor.dirty, timeout=5000)  # the autosave, nothing pressed


def reopen(qtbot, window, step: str):
    innovation_id = window.editor.innovation.id
    QTest.keyClick(window, Qt.Key.Key_Escape)
    assert window.editor is None
    window.open_innovation(innovation_id, step)
    wait_for_editor(window)
    return window.editor


def test_latitude_95_stays_visible_is_reported_and_saved_as_typed(qtbot, window, workspace):
    window.new_action.trigger()
    wait_for_editor(window)
    koordinat = field_of(window, "koordinat")
    type_into(qtbot, koordinat.lat, "95")
    QTest.keyClick(koordinat.lat, Qt.Key.Key_Tab)
    assert koordinat.lon.hasFocus()
    qtbot.keyClicks(koordinat.lon, "112,43")
    leave(koordinat)
    qtbot.waitUntil(lambda: koordinat.message.text() == COORDINATE_MESSAGE)
    assert koordinat.message.isVisible() and koordinat.lat.text() == "95"
    saved(qtbot, window)
    assert stored(workspace, window, "koordinat") == {"lat": 95.0, "lon": 112.43}

    koordinat = field_of(reopen(qtbot, window, "profil"), "koordinat")
    assert (koordinat.lat.text(), koordinat.lon.text()) == ("95", "112.43")
    assert koordinat.message.text() == COORDINATE_MESSAGE and koordinat.message.isVisible()

    type_into(qtbot, koordinat.lat, "-7,4722345")
    leave(koordinat)
    qtbot.waitUntil(lambda: not koordinat.message.isVisible())
    saved(qtbot, window)
    assert stored(workspace, window, "koordinat") == {"lat": -7.4722345, "lon": 112.43}
    koordinat = field_of(reopen(qtbot, window, "profil"), "koordinat")
    assert koordinat.lat.text() == "-7.4722345", "every digit typed comes back"


def test_a_half_filled_or_wordy_coordinate_is_kept_and_reported(qtbot, window, workspace):
    window.new_action.trigger()
    wait_for_editor(window)
    koordinat = field_of(window, "koordinat")
    type_into(qtbot, koordinat.lat, "0")  # on the equator, as Pontianak nearly is
    leave(koordinat)  # the longitude left empty
    qtbot.waitUntil(lambda: koordinat.message.text() == COORDINATE_MESSAGE)
    saved(qtbot, window)
    assert stored(workspace, window, "koordinat") == {"lat": 0.0, "lon": None}

    type_into(qtbot, koordinat.lat, "-7,47")
    leave(koordinat)
    saved(qtbot, window)
    assert stored(workspace, window, "koordinat") == {"lat": -7.47, "lon": None}

    type_into(qtbot, koordinat.lon, "bujur timur")
    leave(koordinat)
    saved(qtbot, window)
    assert stored(workspace, window, "koordinat") == {"lat": -7.47, "lon": "bujur timur"}
    assert koordinat.message.text() == COORDINATE_MESSAGE
    koordinat = field_of(reopen(qtbot, window, "profil"), "koordinat")
    assert koordinat.lon.text() == "bujur timur"

    for edit in (koordinat.lat, koordinat.lon):
        type_into(qtbot, edit, "")
    leave(koordinat)
    saved(qtbot, window)
    assert stored(workspace, window, "koordinat") is None  # emptied on purpose: optional, nothing to say
    assert not koordinat.message.isVisible()


def test_an_impossible_date_stays_visible_is_reported_and_saved_as_typed(qtbot, window, workspace):
    window.new_action.trigger()
    wait_for_editor(window)
    window.editor.view.show_step("waktu")
    penerapan = field_of(window, "waktu_penerapan")
    type_into(qtbot, penerapan.edit, "31-02-2025")
    leave(penerapan)
    qtbot.waitUntil(lambda: 'bukan tanggal yang sah ("31-02-2025")' in penerapan.message.text())
    assert penerapan.message.isVisible() and penerapan.edit.text() == "31-02-2025"
    saved(qtbot, window)
    assert stored(workspace, window, "waktu_penerapan") == "31-02-2025"

    penerapan = field_of(reopen(qtbot, window, "waktu"), "waktu_penerapan")
    assert penerapan.edit.text() == "31-02-2025" and "bukan tanggal yang sah" in penerapan.message.text()

    type_into(qtbot, penerapan.edit, "17-08-2025")
    leave(penerapan)
    qtbot.waitUntil(lambda: "bukan tanggal yang sah" not in penerapan.message.text())
    saved(qtbot, window)
    assert stored(workspace, window, "waktu_penerapan") == "2025-08-17"
    assert field_of(reopen(qtbot, window, "waktu"), "waktu_penerapan").edit.text() == "17-08-2025"


def test_a_date_written_with_the_month_name_is_taken(qtbot, window, workspace):
    """Decrees write "17 Agustus 2025"; typed so, it is a date, stored and shown back in the field's form."""
    window.new_action.trigger()
    wait_for_editor(window)
    window.editor.view.show_step("waktu")
    penerapan = field_of(window, "waktu_penerapan")
    type_into(qtbot, penerapan.edit, "17 Agustus 2025")
    leave(penerapan)
    saved(qtbot, window)
    assert stored(workspace, window, "waktu_penerapan") == "2025-08-17"
    assert "bukan tanggal yang sah" not in penerapan.message.text()
    assert field_of(reopen(qtbot, window, "waktu"), "waktu_penerapan").edit.text() == "17-08-2025"
