"""The editor stays calm and never edits by accident: the wheel scrolls instead of changing values,
a new innovation shows no findings until the user has been somewhere, and keys do what the field expects."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel

from inovasi_desktop.services import innovations
from inovasi_desktop.ui.editor.editor_view import STATE_ROLE
from inovasi_desktop.ui.editor.steps import STATE_MARKS, StepState
from tests.fixtures.editor import wait_for_editor


def profile_field(editor, key):
    for page in editor.view.pages.values():
        if hasattr(page, "fields") and key in page.fields:
            return page.fields[key]
    raise KeyError(key)


def scroll_bar(editor):
    return editor.view.stack.currentWidget().verticalScrollBar()


def wheel(widget, notches: int = -1) -> None:
    """Move the pointer onto the middle of `widget` and turn the mouse wheel there, through the window
    system as a real mouse does (a negative turn scrolls down)."""
    top = widget.window()
    pos = widget.mapTo(top, widget.rect().center())
    QTest.mouseMove(top.windowHandle(), pos)
    QTest.wheelEvent(top.windowHandle(), QPointF(pos), QPoint(0, 120 * notches))


def test_the_wheel_over_an_unfocused_choice_or_date_scrolls_the_page(qtbot, window, workspace):
    window.new_action.trigger()
    wait_for_editor(window)
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
    wait_for_editor(window)
    editor = window.editor
    combo = profile_field(editor, "tahapan").input
    editor.view.scroll_to(combo)
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    wheel(combo)
    assert combo.currentIndex() == 1  # chosen on purpose: the user focused it first
    assert editor.dirty


def test_a_focused_choice_scrolled_under_a_still_pointer_keeps_its_value(qtbot, window):
    """A value chosen, then the page scrolled with the wheel: the focused choice passes under the still
    pointer on the way and must let the page go on scrolling, not take the next turns."""
    window.new_action.trigger()
    wait_for_editor(window)
    editor = window.editor
    combo = profile_field(editor, "klasifikasi").input
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    bar = scroll_bar(editor)
    bar.setValue(0)
    step = bar.singleStep() * QApplication.wheelScrollLines()
    top = window.windowHandle()
    centre = combo.mapTo(window, combo.rect().center())
    pointer = QPoint(centre.x(), centre.y() - 2 * step)  # two turns down bring the choice under it
    viewport = editor.view.stack.currentWidget().viewport()
    assert viewport.rect().contains(viewport.mapFrom(window, pointer))
    QTest.mouseMove(top, pointer)
    for _ in range(4):
        QTest.wheelEvent(top, QPointF(pointer), QPoint(0, -120))
    assert combo.currentIndex() == 0 and not editor.dirty
    assert bar.value() >= 3 * step, "the page went on scrolling"


def test_the_basis_choice_of_an_indicator_ignores_a_passing_wheel(qtbot, window):
    window.new_action.trigger()
    wait_for_editor(window)
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


def visible_messages(page) -> list[str]:
    return [w.message.text() for w in page.fields.values() if w.message.isVisibleTo(page)]


def marks(view) -> dict[str, str]:
    """The mark each step shows in the side list."""
    return {step.key: STATE_MARKS[StepState(view.step_list.item(row).data(STATE_ROLE))]
            for row, step in enumerate(view.steps)}


def wraps(view, item) -> bool:
    """The item's text is longer than its row is wide, and its row is tall enough for the wrapped lines."""
    QApplication.processEvents()  # item views lay out their rows on the next event loop turn
    rect = view.visualItemRect(item)
    text = item.text(0) if hasattr(item, "childCount") else item.text()
    metrics = view.fontMetrics()
    lines = -(-metrics.horizontalAdvance(text) // max(1, rect.width()))  # at least this many
    return lines >= 2 and rect.height() >= lines * metrics.lineSpacing()


def test_a_new_innovation_opens_calm_and_kesiapan_still_lists_everything(qtbot, window):
    window.new_action.trigger()
    wait_for_editor(window)
    view = window.editor.view
    assert visible_messages(view.pages["profil"]) == []
    assert set(marks(view).values()) == {"○"}, "nothing entered yet: every step is kosong, none has a galat"
    view.show_step("indikator:1")
    assert not view.pages["indikator:1"].message.isVisibleTo(view.pages["indikator:1"])
    view.show_step("kesiapan")
    tree = view.readiness.findings
    groups = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert "Nama Inovasi" in groups and "Indikator 1 (Regulasi Inovasi Daerah)" in groups
    assert "Belum siap" in view.readiness.summary.text()


def test_a_field_speaks_once_it_is_left_after_an_edit(qtbot, window):
    window.new_action.trigger()
    wait_for_editor(window)
    editor = window.editor
    name = profile_field(editor, "nama_inovasi")
    qtbot.mouseClick(name.input, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(name.input, "Lay")
    for _ in range(3):
        QTest.keyClick(name.input, Qt.Key.Key_Backspace)
    editor.run_checks()
    assert not name.message.isVisible(), "still typing there: no verdict yet"
    QTest.keyClick(name.input, Qt.Key.Key_Tab)
    qtbot.waitUntil(name.message.isVisible)
    assert name.message.text() == "Nama Inovasi wajib diisi."
    page = editor.view.pages["profil"]
    assert visible_messages(page) == ["Nama Inovasi wajib diisi."], "the fields not yet touched stay quiet"


def test_leaving_a_step_shows_its_findings_and_marks_only_touched_steps(qtbot, window):
    window.new_action.trigger()
    wait_for_editor(window)
    editor = window.editor
    view = editor.view
    qtbot.keyClicks(profile_field(editor, "nama_inovasi").input, "Layanan Antar Obat")
    qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    assert view.current_step().key == "waktu"
    profil = view.pages["profil"]
    shown = visible_messages(profil)
    assert "Tahapan Inovasi wajib diisi." in shown and "Jenis Inovasi wajib diisi." in shown
    qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)  # Waktu left untouched
    assert "Waktu Penerapan Inovasi Daerah wajib diisi." in visible_messages(view.pages["waktu"])
    found = marks(view)
    assert found["profil"] == "✖" and found["waktu"] == "○" and found["indikator:1"] == "○"
    assert found["kesiapan"] == "✖"


def test_a_lost_evidence_file_is_a_galat_everywhere(qtbot, window, workspace, tmp_path):
    from inovasi_desktop import cli
    from inovasi_desktop.domain import InovasiError
    from inovasi_desktop.services import dossier

    example = innovations.import_example(workspace)
    assert innovations.check(workspace, example.id)[1].ready  # otherwise ready to send
    lost = example.answers[5].evidence[0]
    stored = workspace.evidence_store.path_for(lost.sha256)
    os.chmod(stored, 0o644)  # stored files are read-only, which Windows keeps from being deleted
    stored.unlink()  # gone from the data folder
    window.refresh()
    window.open_innovation(example.id)
    wait_for_editor(window)
    view = window.editor.view
    assert "1 galat" in view.score_label.text()
    view.show_step("kesiapan")
    readiness = view.readiness
    assert "Belum siap" in readiness.summary.text() and "Siap dikirim" not in readiness.summary.text()
    assert "1 berkas bukti hilang" in readiness.store_status.text()
    group = readiness.findings.topLevelItem(0)
    assert group.text(0) == "Indikator 5 (Bimtek inovasi)"
    assert group.child(0).text(0).startswith("Galat: Berkas bukti dukung") and "hilang" in group.child(0).text(0)
    assert wraps(readiness.findings, group.child(0)), "a long finding wraps instead of ending in …"
    store = readiness.store_problems
    assert wraps(store, store.item(0)) and store.height() >= store.visualItemRect(store.item(0)).height()
    found = marks(view)
    assert found["indikator:5"] == "✖" and found["kesiapan"] == "✖"
    assert [key for key, mark in found.items() if mark == "✖"] == ["indikator:5", "kesiapan"]
    view.show_step("indikator:5")
    page = view.pages["indikator:5"]
    assert page.message.isVisible() and "hilang atau berubah" in page.message.text()
    assert cli.main(["check", example.id]) == cli.EXIT_FINDINGS
    with pytest.raises(InovasiError, match="Bimtek-2024-Tenaga-Gizi-dan-Kader.pdf"):
        dossier.export_pdf(workspace, example.id, tmp_path / "berkas.pdf")


def test_long_step_names_wrap_in_the_side_list(qtbot, window):
    window.new_action.trigger()
    wait_for_editor(window)
    view = window.editor.view
    steps = view.step_list
    row = next(r for r, step in enumerate(view.steps) if step.key == "indikator:2")
    item = steps.item(row)
    assert item.text() == "2. Ketersediaan dan peran SDM terhadap inovasi daerah"
    assert wraps(steps, item) and item.text() in item.toolTip()
    bottom = steps.visualItemRect(steps.item(steps.count() - 1)).bottom()
    assert bottom <= steps.viewport().height(), "every step fits without scrolling at 1366x768"
    view.splitter.setSizes([600, 766])  # a wider list: the rows are measured again, one line each
    qtbot.waitUntil(lambda: steps.visualItemRect(item).height() < 2 * steps.fontMetrics().lineSpacing())


def test_page_down_in_a_long_text_scrolls_the_text_not_the_step(qtbot, window):
    window.new_action.trigger()
    wait_for_editor(window)
    editor = window.editor
    view = editor.view
    view.show_step("tujuan")
    tujuan = profile_field(editor, "tujuan").input
    tujuan.setPlainText("\n".join(f"Baris {n}" for n in range(200)))
    qtbot.mouseClick(tujuan.viewport(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(tujuan.hasFocus)
    QTest.keyClick(tujuan, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(tujuan, Qt.Key.Key_PageDown)
    assert view.current_step().key == "tujuan"
    assert tujuan.textCursor().blockNumber() > 3 and tujuan.verticalScrollBar().value() > 0
    line = tujuan.textCursor().blockNumber()
    QTest.keyClick(tujuan, Qt.Key.Key_PageUp)
    assert view.current_step().key == "tujuan" and tujuan.textCursor().blockNumber() < line
    QTest.keyClick(tujuan, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)  # still moves on
    assert view.current_step().key == "lampiran"
    QTest.keyClick(view.step_list, Qt.Key.Key_PageUp)  # outside a text field PageUp changes the step
    assert view.current_step().key == "tujuan"


def open_calendar(qtbot, date_input):
    """Click the Kalender button as a person does; the calendar pops up."""
    qtbot.mouseClick(date_input.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(date_input.menu.isVisible)
    return date_input.calendar


# The offscreen platform cannot raise a popup or grab the keyboard for it; a real one can.
POPUP_WARNINGS = pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing the keyboard")


@POPUP_WARNINGS
def test_the_calendar_opens_inside_the_implementation_window(qtbot, window, catalogues):
    from PySide6.QtCore import QDate

    window.new_action.trigger()
    wait_for_editor(window)
    editor = window.editor
    editor.view.show_step("waktu")
    field = profile_field(editor, "waktu_penerapan")
    window_ = catalogues.get(editor.innovation.catalogue_id).window
    calendar = open_calendar(qtbot, field.date_input)
    start = QDate(window_.start.year, window_.start.month, 1)
    assert start <= QDate(calendar.yearShown(), calendar.monthShown(), 1) <= QDate(window_.end.year,
                                                                                  window_.end.month, 1)
    assert field.date_input.period_note.isVisible()
    assert field.date_input.period_note.text() == "Periode penerapan yang dinilai: 1 Januari 2024 s.d. 31 Desember 2025"
    calendar.setSelectedDate(QDate(window_.end.year, window_.end.month, 15))
    QTest.keyClick(calendar.findChild(QAbstractItemView), Qt.Key.Key_Return)  # Enter on the chosen day
    assert field.edit.text() == f"15-12-{window_.end.year}" and not field.date_input.menu.isVisible()
    assert field.calendar.minimumDate() < start, "dates outside stay possible; the checks report them"
    qtbot.waitUntil(lambda: editor.innovation.profile.get("waktu_penerapan") == f"{window_.end.year}-12-15")


@POPUP_WARNINGS
def test_the_evidence_date_calendar_opens_inside_the_indicator_period(qtbot, window, workspace):
    from PySide6.QtCore import QDate

    from inovasi_desktop.domain import EvidenceItem
    from inovasi_desktop.ui.dialogs.evidence_metadata import MetadataDialog

    window.new_action.trigger()
    wait_for_editor(window)
    editor = window.editor
    panel = editor.view.pages["indikator:2"].evidence  # evidence years [-1, 0]: 2025 to 2026
    dialog = MetadataDialog(EvidenceItem(file_name="sk.pdf"), panel.target, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    calendar = open_calendar(qtbot, dialog.date_input)
    start, end = panel.target.period
    assert (start.year, start.month) <= (calendar.yearShown(), calendar.monthShown()) <= (end.year, end.month)
    assert QDate(start.year, start.month, start.day) > calendar.minimumDate()
    dialog.date_input.menu.close()


def test_the_date_label_sits_beside_its_field_in_the_evidence_dialog(qtbot, window):
    """The dialog is taller than its rows need; the date row must not take the extra height (its label stayed at
    the top while the field sank to the middle)."""
    from inovasi_desktop.domain import EvidenceItem
    from inovasi_desktop.ui.dialogs.evidence_metadata import MetadataDialog

    window.new_action.trigger()
    wait_for_editor(window)
    panel = window.editor.view.pages["indikator:2"].evidence
    dialog = MetadataDialog(EvidenceItem(file_name="sk.pdf"), panel.target, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.resize(dialog.width(), dialog.height() + 120)  # as a user may drag it
    qtbot.wait(50)
    for field, label_text in ((dialog.tanggal, "Tanggal"), (dialog.nomor, "Nomor")):
        label = next(w for w in dialog.findChildren(QLabel) if w.text().startswith(label_text) and w.isVisible())
        label_middle = label.mapTo(dialog, label.rect().center()).y()
        field_middle = field.mapTo(dialog, field.rect().center()).y()
        assert abs(label_middle - field_middle) <= 3, (label_text, label_middle, field_middle)


def test_focus_changes_after_the_editor_closed_reach_no_deleted_page(qtbot, window):
    import shiboken6
    from PySide6.QtCore import QCoreApplication, QEvent

    window.new_action.trigger()
    wait_for_editor(window)
    page = window.editor.view.pages["profil"]
    name = profile_field(window.editor, "nama_inovasi").input
    name.setFocus()
    qtbot.waitUntil(name.hasFocus)
    qtbot.keyClicks(name, "A")
    QTest.keyClick(window, Qt.Key.Key_Escape)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(page)  # the editor's pages are gone
    window.list_view.search.setFocus()
    qtbot.waitUntil(window.list_view.search.hasFocus)
    window.list_view.table.setFocus()
    qtbot.waitUntil(window.list_view.table.hasFocus)
