"""A PDF dossier opened with the app (Explorer's "Open with", the installer's file association)."""

from __future__ import annotations

from inovasi_desktop import __main__ as entry


def test_one_pdf_argument_starts_the_window_with_it_and_anything_else_is_the_command_line(monkeypatch, files):
    pdf = files.text_pdf("Berkas Inovasi - SI-PANTAU.pdf")
    started = []
    monkeypatch.setattr("inovasi_desktop.app.run_gui", lambda document=None: started.append(document) or 0)
    assert entry.main([str(pdf)]) == 0 and started == [pdf]
    assert entry.main([str(pdf.with_name("tidak-ada.pdf"))]) == 2  # not a file: the CLI's usage error
    assert started == [pdf]


def test_the_opened_pdf_shows_in_the_dossier_preview(qtbot, window, files):
    from inovasi_desktop.app import open_document

    pdf = files.text_pdf("Berkas Inovasi - SI-PANTAU.pdf")
    open_document(window, pdf)
    qtbot.waitUntil(lambda: window.preview.isVisible())
    assert window.preview.path == pdf and "SI-PANTAU" in window.preview.windowTitle()
    window.preview.reject()
