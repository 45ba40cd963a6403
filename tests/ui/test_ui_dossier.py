"""Export the dossier from the window, preview it, print it, cancel it."""

from __future__ import annotations

import pikepdf
from print_dialog import answer_print_dialog, page_count
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from inovasi_desktop.services import innovations


def test_export_preview_and_print(qtbot, window, workspace, monkeypatch, tmp_path):
    example = innovations.import_example(workspace)
    window.refresh()
    window.list_view.select(example.id)
    target = tmp_path / "keluar" / "berkas.pdf"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF (*.pdf)"))
    window.export_action.trigger()
    qtbot.waitUntil(lambda: getattr(window, "preview", None) is not None, timeout=60_000)

    with pikepdf.open(target) as pdf:
        pages = len(pdf.pages)
    preview = window.preview
    assert preview.viewer.page_count() == pages
    assert preview.viewer.bookmark_model.rowCount() > 0  # the outline is shown beside the pages
    preview.viewer.go_to_page(2)
    qtbot.waitUntil(lambda: preview.viewer.current_page() == 2, timeout=5000)

    printed = tmp_path / "cetak.pdf"
    answer = answer_print_dialog(monkeypatch, printed)  # the user picks "print to file" and Cetak
    qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    assert answer.shown[0].max_page == pages
    with qtbot.waitSignal(preview.print_job.finished, timeout=120_000) as blocker:
        pass
    assert blocker.args == [True]
    assert page_count(printed) == pages
    assert preview.print_button.isEnabled()
    preview.accept()


def test_cancelled_export_leaves_nothing(qtbot, window, workspace, tmp_path):
    from inovasi_desktop.ui.dossier_export import DossierExport

    example = innovations.import_example(workspace)
    export = DossierExport(workspace, window.runner, window)
    target = tmp_path / "batal.pdf"
    with qtbot.waitSignal(export.done, timeout=60_000) as blocker:
        export.start({example.id: target})
        export.handle.cancel()
    assert blocker.args == [[]]
    assert list(tmp_path.iterdir()) == []


def test_export_of_a_selection_writes_one_file_each(qtbot, window, workspace, monkeypatch, tmp_path):
    first = innovations.import_example(workspace)
    second = innovations.duplicate(workspace, first.id)
    second.profile["nama_inovasi"] = first.name  # same name: the second file gets a suffix
    innovations.save(workspace, second)
    window.refresh()
    window.list_view.select(first.id)
    window.list_view.select(second.id, clear=False)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path))
    shown = {}
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: shown.setdefault("text", text))
    window.export_action.trigger()
    qtbot.waitUntil(lambda: "text" in shown, timeout=120_000)
    files = sorted(p.name for p in tmp_path.glob("*.pdf"))
    assert len(files) == 2 and files[0] != files[1]
    assert "2 berkas PDF" in shown["text"]
