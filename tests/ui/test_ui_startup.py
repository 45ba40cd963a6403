"""Start-up: the window appears before the data is loaded, and a damaged database is explained."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from inovasi_desktop import paths
from inovasi_desktop.services import innovations
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


def test_list_shows_its_rows_before_the_database_is_opened(qtbot, workspace):
    """As the app starts: the stored rows are read with sqlite3 alone for the first paint, the catalogues and
    the database are opened on a worker thread, and the window stays usable meanwhile."""
    made = [innovations.create(workspace) for _ in range(3)]
    workspace.close()
    fresh = Workspace()
    window = MainWindow(fresh)
    qtbot.addWidget(window)
    window.show_first_rows()
    window.show()
    assert "db" not in fresh.__dict__ and "catalogues" not in fresh.__dict__
    assert sorted(r.id for r in window.list_view.model.rows) == sorted(i.id for i in made)
    assert window.list_view.pages.currentIndex() == 1
    window.after_show()
    assert not window.loaded  # opening goes on in the background
    qtbot.waitUntil(lambda: window.loaded)
    assert "db" in fresh.__dict__
    assert sorted(r.id for r in window.list_view.model.rows) == sorted(i.id for i in made)
    assert window.list_view.catalogue_filter.count() == 1 + len(fresh.catalogues.all)
    window.close()
    fresh.close()


def test_settings_change_the_evidence_size_cap(qtbot, window, workspace):
    from inovasi_desktop.services import evidence_status
    from inovasi_desktop.ui.dialogs.organisation import OrganisationDialog

    dialog = OrganisationDialog(workspace, window)
    qtbot.addWidget(dialog)
    assert dialog.size_cap.value() == 2.0
    dialog.size_cap.setValue(5.0)
    dialog.accept()
    assert evidence_status.max_bytes(workspace) == 5 * 2**20


def test_an_error_shown_while_typing_goes_without_leaving_a_gap(qtbot, window, workspace):
    """Typing the NIP shows "18 angka" until it is whole; then the form closes up again, so that Simpan is
    back where the pointer expects it."""
    from inovasi_desktop.ui.dialogs.organisation import OrganisationDialog

    dialog = OrganisationDialog(workspace, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    save = dialog.buttons.buttons()[0]
    before = (dialog.height(), save.mapTo(dialog, save.rect().topLeft()).y())
    nip = dialog.edits["head_nip"]
    nip.setFocus()
    nip.selectAll()  # typed anew over the stored one
    qtbot.keyClicks(nip, "1972")
    qtbot.waitUntil(lambda: dialog.errors["head_nip"].isVisible())
    qtbot.waitUntil(lambda: dialog.height() > before[0])  # room for the message
    qtbot.keyClicks(nip, "03151998031007")
    qtbot.waitUntil(lambda: not dialog.errors["head_nip"].isVisible())
    qtbot.waitUntil(lambda: (dialog.height(), save.mapTo(dialog, save.rect().topLeft()).y()) == before)
