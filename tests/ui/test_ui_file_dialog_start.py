"""File dialogs start in the user's Documents folder, never in the working folder: started from the installer's
shortcut, that is the program's own folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from menus import choose, menu_clicks
from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog

from inovasi_desktop.ui.user_folders import documents_folder


@pytest.fixture
def user_home(tmp_path, monkeypatch):
    home = tmp_path / "pengguna"
    home.mkdir()
    program = tmp_path / "Programs" / "InovasiDesktop"
    program.mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))  # no user-dirs.dirs: Documents is ~/Documents
    monkeypatch.chdir(program)
    return home


def test_documents_when_there_is_one_else_home(user_home, tmp_path, monkeypatch):
    documents = tmp_path / "Dokumen"
    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda location: str(documents))  # as Windows names it
    assert documents_folder() == Path.home()  # not made yet
    documents.mkdir()
    assert documents_folder() == documents


@menu_clicks
def test_receiving_a_bundle_starts_in_documents(qtbot, window, user_home, monkeypatch):
    (user_home / "Documents").mkdir()
    started = []
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda parent, title, folder, *a: started.append(folder)
                        or ([], ""))
    choose(qtbot, window, "fileMenu", "Terima kiriman…")
    assert [Path(f) for f in started] == [documents_folder()]
    assert documents_folder() != Path.cwd()
