"""A file opened with the app (Explorer's "Open" / "Open with", the installer's file associations): a PDF
dossier goes to the dossier preview, a bundle (*.inovasi) to 'Terima kiriman'; a second start given a file
hands it to the window already open on the data folder (tests/ui/test_ui_single_instance.py)."""

from __future__ import annotations

import pytest

from inovasi_desktop import __main__ as entry
from inovasi_desktop.app import open_document, open_when_ready
from inovasi_desktop.services import bundles, innovations
from tests.fixtures.received import dinas_pendidikan


@pytest.fixture
def sender(tmp_path):
    """Another OPD's data folder, holding the example."""
    ws = dinas_pendidikan(tmp_path / "dinas-pendidikan")
    yield ws
    ws.close()


@pytest.fixture
def parts(sender, tmp_path):
    """A bundle of the sender's example, sent as email parts (at least two files)."""
    example = innovations.import_example(sender)
    sent = bundles.send(sender, [example.id], tmp_path / "Kiriman.inovasi", part_bytes=300_000).parts
    assert len(sent) >= 2
    return [p.path for p in sent]


def test_one_pdf_or_bundle_argument_starts_the_window_with_it_and_anything_else_is_the_command_line(
        monkeypatch, files, tmp_path):
    pdf = files.text_pdf("Berkas Inovasi - SI-PANTAU.pdf")
    bundle = tmp_path / "Kiriman Dinas Pendidikan.INOVASI"
    bundle.write_bytes(b"PK")
    started = []
    monkeypatch.setattr("inovasi_desktop.app.run_gui", lambda document=None: started.append(document) or 0)
    assert entry.main([str(pdf)]) == 0 and entry.main([str(bundle)]) == 0
    assert started == [pdf, bundle]
    assert entry.main([str(pdf.with_name("tidak-ada.pdf"))]) == 2  # not a file: the CLI's usage error
    assert started == [pdf, bundle]


def test_the_opened_pdf_shows_in_the_dossier_preview(qtbot, window, files):
    pdf = files.text_pdf("Berkas Inovasi - SI-PANTAU.pdf")
    open_document(window, pdf)
    qtbot.waitUntil(lambda: window.preview.isVisible())
    assert window.preview.path == pdf and "SI-PANTAU" in window.preview.windowTitle()
    window.preview.reject()


def test_a_bundle_given_at_start_opens_the_receive_preview_once_the_database_is_open(qtbot, workspace, parts):
    from inovasi_desktop.ui.main_window import MainWindow

    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    open_when_ready(window, parts[0])  # as run_gui does, before the database is opened in the background
    assert getattr(window, "receive_dialog", None) is None
    window.after_show()
    qtbot.waitUntil(lambda: getattr(window, "receive_dialog", None) is not None, timeout=30_000)
    dialog = window.receive_dialog
    qtbot.waitUntil(dialog.message.isVisible, timeout=30_000)
    assert f"dari {len(parts)} belum ada" in dialog.message.text()
    for part in parts[1:]:  # Explorer opens each selected part with the app: they join the open preview
        open_document(window, part)
    assert window.receive_dialog is dialog and dialog.paths == parts
    qtbot.waitUntil(lambda: dialog.receive_button.isEnabled(), timeout=30_000)
    assert dialog.table.item(0, 2).text() == "Baru" and not dialog.message.isVisible()
    dialog.reject()
    window.close()
