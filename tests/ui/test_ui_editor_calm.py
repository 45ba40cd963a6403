"""The editor stays calm and never edits by accident: the wheel scrolls instead of changing values,
a new innovation shows no findings until the user has been somewhere, and keys do what the field expects."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF
from PySide6.QtTest import QTest

from inovasi_desktop.services import innovations


def profile_field(editor, key):
    for page in editor.view.pages.values():
        if hasattr(page, "fields") and key in page.fields:
            return page.fields[key]
    raise KeyError(key)


def scroll_bar(editor):
    return editor.view.stack.currentWidget().verticalScrollBar()


def wheel(widget, notches: int = -1) -> None:
    """Turn the mouse wheel over the middle of `widget`, through the window system as a real mouse does
    (a negative turn scrolls down)."""
    top = widget.window()
    pos = widget.mapTo(top, widget.rect().center())
    QTest.wheelEvent(top.windowHandle(), QPointF(pos), QPoint(0, 120 * notches))


def test_the_wheel_over_an_unfocused_choice_or_date_scrolls_the_page(qtbot, window, workspace):
    window.new_action.trigger()
    editor = window.editor
    tahapan = profile_field(editor, "tahapan").input
    tahapan.setCurrentIndex(tahapan.findData("Penerapan"))
    assert editor.save() and not editor.dirty
    name = profile_field(editor, "nama_inovasi").input
    name.setFocus()
    qtbot.waitUntil(name.hasFocus)
    bar = scroll_bar(editor)
    for key in ("tahapan", "klasifikasi"):
        combo = profile_field(editor, key).input
        before, scrolled = combo.currentIndex(), bar.value()
        editor.view.scroll_to(combo)
        scrolled = bar.value()
        wheel(combo)
        assert combo.currentIndex() == before, f"{key} changed by the wheel while scrolling"
        assert bar.value() > scrolled, "the page scrolls instead"
        assert not combo.hasFocus()
    editor.view.show_step("waktu")
    date = profile_field(editor, "waktu_penerapan")
    scroll_bar(editor).setValue(0)
    qtbot.waitUntil(lambda: date.edit.isVisible())
    wheel(date.edit)
    assert date.edit.text() == "" and not date.edit.hasFocus()
    assert not editor.dirty and not editor.save_timer.isActive()
    stored = innovations.get(workspace, editor.innovation.id).profile
    assert stored.get("tahapan") == "Penerapan" and "klasifikasi" not in stored


def test_a_focused_choice_still_takes_the_wheel(qtbot, window):
    window.new_action.trigger()
    editor = window.editor
    combo = profile_field(editor, "tahapan").input
    editor.view.scroll_to(combo)
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    wheel(combo)
    assert combo.currentIndex() == 1  # chosen on purpose: the user focused it first
    assert editor.dirty


def test_the_basis_choice_of_an_indicator_ignores_a_passing_wheel(qtbot, window):
    window.new_action.trigger()
    editor = window.editor
    editor.view.show_step("indikator:18")
    page = editor.view.pages["indikator:18"]
    bar = scroll_bar(editor)
    bar.setValue(0)
    qtbot.waitUntil(lambda: page.basis.isVisible())
    wheel(page.basis)
    assert page.basis.currentIndex() == 0 and not editor.dirty


def test_the_size_cap_spin_box_ignores_a_passing_wheel(qtbot, window, workspace):
    from inovasi_desktop.ui.dialogs.organisation import OrganisationDialog

    dialog = OrganisationDialog(workspace, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.edits["pemda"].setFocus()
    qtbot.waitUntil(dialog.edits["pemda"].hasFocus)
    before = dialog.size_cap.value(), dialog.catalogue.currentIndex()
    wheel(dialog.size_cap, notches=3)
    wheel(dialog.catalogue, notches=-3)
    assert (dialog.size_cap.value(), dialog.catalogue.currentIndex()) == before
    dialog.size_cap.setFocus()
    qtbot.waitUntil(dialog.size_cap.hasFocus)
    wheel(dialog.size_cap, notches=3)
    assert dialog.size_cap.value() > before[0]
