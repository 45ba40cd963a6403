"""Fixtures for driving the real main window."""

from __future__ import annotations

import pytest

from inovasi_desktop.domain import Organisation
from inovasi_desktop.services import organisation
from inovasi_desktop.services.workspace import Workspace

ORGANISATION = Organisation(
    pemda="Kabupaten Mojokerto", provinsi="Jawa Timur", opd="Dinas Kesehatan", contact_name="Rina",
    head_name="dr. Bambang Supriyadi, M.Kes.", head_nip="197203151998031007",
    head_position="Kepala Dinas Kesehatan", default_catalogue="iid-2026")


@pytest.fixture
def workspace(inovasi_home):
    ws = Workspace()
    organisation.save(ws, ORGANISATION)
    yield ws
    ws.close()


@pytest.fixture
def window(qtbot, workspace):
    from inovasi_desktop.ui.main_window import MainWindow

    win = MainWindow(workspace)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    assert win.load()
    yield win
    if win.editor is not None:
        win.editor.save()


@pytest.fixture(autouse=True)
def empty_clipboard_afterwards(qapp):
    """Mime data a test puts on the clipboard is owned by it; leaving it there crashes Python at exit."""
    yield
    from PySide6.QtGui import QGuiApplication

    QGuiApplication.clipboard().clear()
