"""*Muat contoh*: the example comes with its evidence, is marked as an example, and is never loaded twice."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from menus import choose, menu_clicks
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

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


def test_an_example_in_the_bin_is_pointed_at_not_loaded_again(qtbot, window, monkeypatch):
    example = innovations.import_example(window.workspace)
    innovations.delete(window.workspace, [example.id])
    window.refresh()
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: shown.append((title, text)))
    qtbot.mouseClick(window.list_view.example_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown))  # loaded in the background; the answer comes on the GUI thread
    assert shown[0][0] == "Contoh sudah dimuat" and "Tempat sampah" in shown[0][1]
    assert window.editor is None
    assert innovations.list_rows(window.workspace) == []
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
