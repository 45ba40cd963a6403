"""Export the dossier from the window, preview it, print it, cancel it."""

from __future__ import annotations

import shutil
import signal

import pikepdf
import pytest
from print_dialog import answer_print_dialog, page_count
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

try:
    import resource
except ImportError:  # Windows
    resource = None

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
        export.operation.cancel()
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


def _export_from_window(qtbot, window, workspace, monkeypatch, target):
    """Ekspor PDF of the example to `target`; the warning the window shows (title, text)."""
    example = innovations.import_example(workspace)
    window.refresh()
    window.list_view.select(example.id)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF (*.pdf)"))
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append((title, text)))
    window.export_action.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=60_000)
    return shown[0]


def test_an_export_into_the_data_folder_is_refused_in_the_window(qtbot, window, workspace, monkeypatch,
                                                                 inovasi_home):
    database = inovasi_home / "inovasi.sqlite3"
    title, text = _export_from_window(qtbot, window, workspace, monkeypatch, database)
    assert title == "Ekspor PDF gagal" and "folder data aplikasi" in text
    assert database.read_bytes()[:16] == b"SQLite format 3\x00"
    assert window.isVisible() and innovations.list_rows(workspace)


@pytest.mark.skipif(not hasattr(resource, "RLIMIT_FSIZE") if resource else True, reason="POSIX file size limit")
def test_a_full_disk_during_export_is_a_message_and_the_window_stays(qtbot, window, workspace, monkeypatch,
                                                                   tmp_path):
    # A real write failure inside this very process (the window's): files may not grow past 100 kB while
    # the export saves (the dossier is ~800 kB). qpdf used to abort the whole process here (exit 134).
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    real_save = pikepdf.Pdf.save

    def save_on_a_small_disk(self, *args, **kwargs):
        resource.setrlimit(resource.RLIMIT_FSIZE, (100_000, hard))
        try:
            return real_save(self, *args, **kwargs)
        finally:
            resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))

    monkeypatch.setattr(pikepdf.Pdf, "save", save_on_a_small_disk)
    try:
        title, text = _export_from_window(qtbot, window, workspace, monkeypatch, tmp_path / "berkas.pdf")
    finally:
        signal.signal(signal.SIGXFSZ, previous)
    assert title == "Ekspor PDF gagal"
    assert "tidak dapat ditulis" in text and "Tidak ada berkas yang ditulis" in text
    assert list(tmp_path.iterdir()) == []
    assert window.isVisible()


def test_too_little_free_space_is_said_before_writing(qtbot, window, workspace, monkeypatch, tmp_path):
    from inovasi_desktop.export.dossier import builder

    def disk_usage(path):  # the disk reports 300 kB free (the dossier needs ~800 kB)
        return shutil._ntuple_diskusage(10**9, 10**9 - 300_000, 300_000)

    monkeypatch.setattr(builder.shutil, "disk_usage", disk_usage)
    title, text = _export_from_window(qtbot, window, workspace, monkeypatch, tmp_path / "berkas.pdf")
    assert title == "Ekspor PDF gagal"
    assert "Ruang penyimpanan tidak cukup" in text and "tersedia 293 KB" in text
    assert list(tmp_path.iterdir()) == []
