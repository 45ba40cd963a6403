"""Start-up: the window appears before the data is loaded, and a damaged database is explained."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from inovasi_desktop import paths
from inovasi_desktop.services.workspace import Workspace
from inovasi_desktop.ui.main_window import MainWindow


def test_damaged_database_is_explained_and_left_alone(qtbot, inovasi_home, monkeypatch):
    database = paths.database_path()
    database.parent.mkdir(parents=True, exist_ok=True)
    junk = b"ini bukan basis data SQLite " * 200
    database.write_bytes(junk)
    shown = {}
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.update(title=title, text=text))
    window = MainWindow(Workspace())
    qtbot.addWidget(window)
    window.show()
    assert window.load() is False
    assert "rusak" in shown["text"].lower() and str(database.name) in shown["text"]
    assert database.read_bytes() == junk  # never overwritten


def test_window_shows_before_the_database_is_opened(qtbot, inovasi_home):
    workspace = Workspace()
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    assert "db" not in workspace.__dict__  # nothing opened yet: the window appears at once
    assert window.load()
    assert window.list_view.pages.currentIndex() == 0  # the empty state offers "Muat contoh"
    window.close()


def test_settings_change_the_evidence_size_cap(qtbot, window, workspace):
    from inovasi_desktop.services import evidence_status
    from inovasi_desktop.ui.dialogs.organisation import OrganisationDialog

    dialog = OrganisationDialog(workspace, window)
    qtbot.addWidget(dialog)
    assert dialog.size_cap.value() == 2.0
    dialog.size_cap.setValue(5.0)
    dialog.accept()
    assert evidence_status.max_bytes(workspace) == 5 * 2**20
