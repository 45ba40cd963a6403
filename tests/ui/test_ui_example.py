"""*Muat contoh*: the example comes with its evidence, is marked as an example, and is never loaded twice."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QToolButton

from inovasi_desktop.services import innovations


def _rows(window) -> list:
    return innovations.list_rows(window.workspace) + innovations.list_rows(window.workspace, deleted=True)


def test_the_example_loads_marked_and_complete_and_a_second_load_opens_the_same_one(qtbot, window):
    assert window.list_view.example_button.isVisible()
    qtbot.mouseClick(window.list_view.example_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.editor is not None, timeout=30_000)
    example = window.editor.innovation
    assert example.name.startswith("(Contoh) ")
    [row] = _rows(window)
    assert (row.id, row.evidenced, row.total, row.errors) == (example.id, 20, 20, 0)

    window.close_editor()
    [button] = [w for w in window.example_action.associatedObjects() if isinstance(w, QToolButton) and w.isVisible()]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.editor is not None, timeout=30_000)
    assert window.editor.innovation.id == example.id
    assert "Contoh sudah dimuat" in window.statusBar().currentMessage()
    assert [r.id for r in _rows(window)] == [example.id]  # no second copy


def test_an_example_in_the_bin_is_pointed_at_not_loaded_again(qtbot, window, monkeypatch):
    example = innovations.import_example(window.workspace)
    innovations.delete(window.workspace, [example.id])
    window.refresh()
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: shown.append((title, text)))
    qtbot.mouseClick(window.list_view.example_button, Qt.MouseButton.LeftButton)
    assert shown and shown[0][0] == "Contoh sudah dimuat" and "Tempat sampah" in shown[0][1]
    assert window.editor is None
    assert innovations.list_rows(window.workspace) == []
    assert [r.id for r in innovations.list_rows(window.workspace, deleted=True)] == [example.id]
