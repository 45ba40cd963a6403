"""The window and the command line on one data folder: what the command line writes shows up in the open
window (the list and the open innovation), the user's unsaved typing is kept, and a field changed on both
sides is told, with both values, instead of silently overwritten."""

from __future__ import annotations

import copy
import os
import subprocess
import sys

from PySide6.QtWidgets import QMessageBox

from inovasi_desktop.services import innovation_evidence, innovations
from inovasi_desktop.services.workspace import Workspace

LINK_TARGET = 20


def profile_field(window, key):
    for page in window.editor.view.pages.values():
        if hasattr(page, "fields") and key in page.fields:
            return page.fields[key]
    raise KeyError(key)


def cli(home, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["INOVASI_HOME"] = str(home)
    return subprocess.run([sys.executable, "-m", "inovasi_desktop", *args], capture_output=True, text=True, env=env,
                          timeout=120)


def test_evidence_added_on_the_command_line_shows_in_the_open_editor_and_unsaved_typing_stays(
        qtbot, window, workspace):
    window.new_action.trigger()
    editor = window.editor
    innovation_id = editor.innovation.id
    editor.view.show_step(f"indikator:{LINK_TARGET}")
    panel = editor.view.pages[f"indikator:{LINK_TARGET}"].evidence
    editor.view.show_step(editor.view.steps[0].key)
    qtbot.keyClicks(profile_field(window, "nama_inovasi").input, "Layanan Antar Obat")
    assert editor.dirty  # typed, not saved yet: the event loop does not run while the command runs

    added = cli(workspace.home, "evidence-add", innovation_id[:8], str(LINK_TARGET), "--link",
                "https://contoh.go.id/video-peluncuran")
    assert added.returncode == 0 and "Tautan ditambahkan" in added.stdout

    qtbot.waitUntil(lambda: [i.link for i in panel.items] == ["https://contoh.go.id/video-peluncuran"], timeout=10_000)
    assert profile_field(window, "nama_inovasi").input.text() == "Layanan Antar Obat"
    qtbot.waitUntil(lambda: not editor.dirty, timeout=10_000)
    stored = innovations.get(workspace, innovation_id)
    assert stored.name == "Layanan Antar Obat"
    assert [i.link for i in stored.answers[LINK_TARGET].evidence] == ["https://contoh.go.id/video-peluncuran"]
    editor.view.show_step(f"indikator:{LINK_TARGET}")
    qtbot.waitUntil(lambda: len(panel.rows) == 1, timeout=5000)
    assert editor.conflict_box is None


def test_an_innovation_imported_on_the_command_line_appears_in_the_list(qtbot, window, workspace):
    other = Workspace(workspace.home)  # another process, as far as the database can tell
    try:
        created = innovations.create(other)
    finally:
        other.close()
    qtbot.waitUntil(lambda: created.id in [r.id for r in window.list_view.model.rows], timeout=10_000)


def test_the_same_field_changed_elsewhere_too_is_told_and_this_windows_value_kept(qtbot, window, workspace):
    window.new_action.trigger()
    editor = window.editor
    innovation_id = editor.innovation.id
    qtbot.keyClicks(profile_field(window, "nama_inovasi").input, "Nama di jendela")

    other = Workspace(workspace.home)
    try:  # meanwhile, elsewhere: the same field changed, and a link added
        theirs = innovations.get(other, innovation_id)
        base = copy.deepcopy(theirs)
        theirs.profile["nama_inovasi"] = "Nama dari tempat lain"
        innovations.save(other, theirs, base=base)
        innovation_evidence.add_link(other, innovation_id, LINK_TARGET, "https://contoh.go.id/a")
    finally:
        other.close()

    window.save_action.trigger()
    box = editor.conflict_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert box.windowTitle() == "Diubah juga di tempat lain"
    assert "Nama di jendela" in box.text() and "Nama dari tempat lain" in box.text()
    assert "Isian di jendela ini yang disimpan" in box.text()
    assert "Diubah juga di tempat lain" in window.status_label.text()
    stored = innovations.get(workspace, innovation_id)
    assert stored.name == "Nama di jendela"
    assert [i.link for i in stored.answers[LINK_TARGET].evidence] == ["https://contoh.go.id/a"]
    assert [i.link for i in editor.innovation.answers[LINK_TARGET].evidence] == ["https://contoh.go.id/a"]
    box.button(QMessageBox.StandardButton.Ok).click()
    assert not box.isVisible()
