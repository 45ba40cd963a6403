"""*Muat contoh*: the example comes with its evidence, is marked as an example, and is never loaded twice."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from menus import choose, menu_clicks
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from inovasi_desktop.services import innovations, organisation


def _rows(window) -> list:
    return innovations.list_rows(window.workspace) + innovations.list_rows(window.workspace, deleted=True)


@menu_clicks
def test_the_example_loads_marked_and_complete_and_a_second_load_opens_the_same_one(qtbot, window):
    assert window.list_view.example_button.isVisible()
    qtbot.mouseClick(window.list_view.example_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.editor is not None, timeout=30_000)
    example = window.editor.innovation
    assert example.name.startswith("(Contoh) ")
    [row] = _rows(window)
    assert (row.id, row.evidenced, row.total, row.errors) == (example.id, 20, 20, 0)

    window.close_editor()
    choose(qtbot, window, "helpMenu", "Muat contoh")
    qtbot.waitUntil(lambda: window.editor is not None, timeout=30_000)
    assert window.editor.innovation.id == example.id
    assert "Contoh sudah dimuat" in window.statusBar().currentMessage()
    assert [r.id for r in _rows(window)] == [example.id]  # no second copy


def _answer_question_with(button_text: str, seen: list) -> None:
    """Click `button_text` in the question box once it is up, as a person would."""
    box = QApplication.activeModalWidget()
    if not isinstance(box, QMessageBox):
        QTimer.singleShot(20, lambda: _answer_question_with(button_text, seen))
        return
    seen.append((box.windowTitle(), box.text()))
    [button] = [b for b in box.buttons() if b.text() == button_text]
    button.click()


def _example_in_bin(qtbot, window, answer: str):
    example = innovations.import_example(window.workspace)
    innovations.delete(window.workspace, [example.id])
    window.refresh()
    seen = []
    QTimer.singleShot(0, lambda: _answer_question_with(answer, seen))
    qtbot.mouseClick(window.list_view.example_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(seen), timeout=30_000)  # loaded in the background; the question on the GUI thread
    assert seen[0][0] == "Contoh ada di Tempat sampah" and "Tempat sampah" in seen[0][1]
    return example


def test_an_example_in_the_bin_asks_and_batal_changes_nothing(qtbot, window):
    example = _example_in_bin(qtbot, window, "Batal")
    qtbot.wait(200)  # a wrongly started load would show by now
    assert window.editor is None
    assert innovations.list_rows(window.workspace) == []
    assert [r.id for r in innovations.list_rows(window.workspace, deleted=True)] == [example.id]


def test_an_example_in_the_bin_restored_and_updated_on_request(qtbot, window):
    example = innovations.import_example(window.workspace)
    example.profile["nama_inovasi"] = "Diubah pengguna"
    innovations.save(window.workspace, example)
    innovations.delete(window.workspace, [example.id])
    seen = []
    QTimer.singleShot(0, lambda: _answer_question_with("Pulihkan dan perbarui", seen))
    qtbot.mouseClick(window.list_view.example_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.editor is not None, timeout=30_000)
    assert window.editor.innovation.id == example.id
    [row] = innovations.list_rows(window.workspace)
    assert row.id == example.id and row.name.startswith("(Contoh) ")  # the shipped content is back
    assert innovations.list_rows(window.workspace, deleted=True) == []


def test_an_example_in_the_bin_imported_as_a_copy_on_request(qtbot, window):
    example = _example_in_bin(qtbot, window, "Impor sebagai salinan")
    qtbot.waitUntil(lambda: window.editor is not None, timeout=30_000)
    copy = window.editor.innovation
    assert copy.id != example.id and copy.name.endswith("(salinan)")
    assert not {i.id for i in copy.all_evidence()} & {i.id for i in example.all_evidence()}
    assert [r.id for r in innovations.list_rows(window.workspace)] == [copy.id]
    assert [r.id for r in innovations.list_rows(window.workspace, deleted=True)] == [example.id]


def cli(home, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["INOVASI_HOME"] = str(home)
    return subprocess.run([sys.executable, "-m", "inovasi_desktop", *args], capture_output=True, text=True, env=env,
                          timeout=120)


def test_import_json_of_the_example_gives_the_innovation_muat_contoh_gives(qtbot, window, inovasi_home, tmp_path):
    qtbot.mouseClick(window.list_view.example_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.editor is not None, timeout=30_000)
    from_window_id = window.editor.innovation.id
    window.close_editor()
    org = organisation.get(window.workspace)

    fresh = tmp_path / "baris-perintah"
    assert cli(fresh, "organisation", "--pemda", org.pemda, "--provinsi", org.provinsi, "--opd", org.opd,
               "--kepala", org.head_name, "--nip", org.head_nip).returncode == 0
    imported = cli(fresh, "import-json", str(innovations.example_path()), "--json")
    assert imported.returncode == 0, imported.stderr
    assert json.loads(imported.stdout)["id"] == from_window_id

    reports = {}
    for command in ("score", "check"):
        from_window = cli(inovasi_home, command, from_window_id, "--json")
        from_cli = cli(fresh, command, from_window_id, "--json")
        assert from_window.returncode == from_cli.returncode == 0, (from_window.stderr, from_cli.stderr)
        reports[command] = json.loads(from_cli.stdout)
        assert reports[command] == json.loads(from_window.stdout)
    assert reports["score"]["backed"] == reports["score"]["claimed"] > 0
    assert reports["check"]["ready"] and reports["check"]["label"].startswith("20/20 indikator berbukti")
